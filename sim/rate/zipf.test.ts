import { describe, expect, it } from 'vitest';
import { zipfDigitWeightedSum, zipfSum } from './zipf.ts';

function direct(first: number, last: number, s: number): number {
  let sum = 0;
  for (let r = last; r >= first; r--) sum += r ** -s;
  return sum;
}

describe('zipfSum', () => {
  it('sums short ranges term by term', () => {
    expect(zipfSum(1, 3, 1)).toBeCloseTo(1 + 1 / 2 + 1 / 3, 15);
    expect(zipfSum(5, 4, 1)).toBe(0);
  });

  it('matches the direct sum over a million ranks to 1e-12 (Euler–Maclaurin tail)', () => {
    for (const s of [0, 0.5, 0.8, 1, 1.2, 2]) {
      const exact = direct(1, 1_000_000, s);
      expect(Math.abs(zipfSum(1, 1_000_000, s) - exact) / exact).toBeLessThan(1e-12);
    }
    expect(Math.abs(zipfSum(70_000, 900_000, 1) - direct(70_000, 900_000, 1))).toBeLessThan(1e-12);
  });

  it('knows the harmonic number of ten million keys', () => {
    // H(10^7) = ln(10^7) + γ + 1/(2·10^7) − …
    expect(zipfSum(1, 10_000_000, 1)).toBeCloseTo(Math.log(1e7) + 0.5772156649015329 + 5e-8, 10);
  });
});

describe('zipfDigitWeightedSum', () => {
  it('weights each rank by its number of decimal digits', () => {
    expect(zipfDigitWeightedSum(1, 12, 0)).toBe(9 * 1 + 3 * 2);
    expect(zipfDigitWeightedSum(95, 105, 0)).toBe(5 * 2 + 6 * 3);
  });
});
