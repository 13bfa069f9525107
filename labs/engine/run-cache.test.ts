import { describe, expect, it } from 'vitest';
import { rememberRuns } from './run-cache.ts';

describe('rememberRuns', () => {
  it('runs once per key and forgets everything once over its limit', () => {
    let runs = 0;
    const square = rememberRuns(
      (n: number) => String(n),
      (n: number) => {
        runs++;
        return { value: n * n };
      },
      2,
    );
    const first = square(3);
    expect(square(3)).toBe(first);
    expect(runs).toBe(1);
    square(4);
    square(5);
    square(6);
    expect(runs).toBe(4);
    expect(square(3)).not.toBe(first);
    expect(square(3).value).toBe(9);
    expect(runs).toBe(5);
  });
});
