import { describe, expect, it } from 'vitest';
import { ERAS, isEra } from './era.ts';

describe('era', () => {
  it('lists the 2016 era first, then today', () => {
    expect(ERAS).toEqual(['2016', 'current']);
  });

  it('accepts only the listed eras', () => {
    expect(isEra('2016')).toBe(true);
    expect(isEra('current')).toBe(true);
    expect(isEra('2017')).toBe(false);
    expect(isEra(2016)).toBe(false);
    expect(isEra(undefined)).toBe(false);
  });
});
