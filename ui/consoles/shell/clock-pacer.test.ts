import { describe, expect, it } from 'vitest';
import { ClockPacer, MAX_CATCH_UP_MS } from './clock-pacer.ts';

describe('ClockPacer', () => {
  it('moves the virtual clock speed × the wall time since the last tick', () => {
    const pacer = new ClockPacer();
    pacer.reset(1000);
    expect(pacer.target(10, 5000, 1016)).toBe(5160);
    expect(pacer.target(1, 5160, 1032)).toBe(5176);
  });

  it('does not pile up debt after a long pause of the page', () => {
    const pacer = new ClockPacer();
    pacer.reset(0);
    expect(pacer.target(100, 0, 10_000)).toBe(MAX_CATCH_UP_MS * 100);
  });
});
