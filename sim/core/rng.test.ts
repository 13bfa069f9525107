import { describe, expect, it } from 'vitest';
import { logFactorial, Rng } from './rng.ts';

const draws = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.nextFloat());

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, variance };
}

describe('Rng', () => {
  it('gives the same sequence for the same seed and different ones for nearby seeds', () => {
    expect(draws(Rng.fromSeed(1), 5)).toEqual(draws(Rng.fromSeed(1), 5));
    const one = draws(Rng.fromSeed(1), 5);
    const two = draws(Rng.fromSeed(2), 5);
    for (let i = 0; i < 5; i++) expect(one[i]).not.toBeCloseTo(two[i]!, 2);
  });

  it('continues exactly from an exported state, also through JSON', () => {
    const rng = Rng.fromSeed(42);
    draws(rng, 10);
    const state = JSON.parse(JSON.stringify(rng.exportState()));
    const copy = Rng.fromState(state);
    expect(draws(copy, 20)).toEqual(draws(rng, 20));
  });

  it('refuses seeds outside 0..2^32-1 and malformed states', () => {
    expect(() => Rng.fromSeed(-1)).toThrow(/integer from 0 to 4294967295/);
    expect(() => Rng.fromSeed(1.5)).toThrow(/integer/);
    expect(() => Rng.fromState({ algorithm: 'xoroshiro128plus', state: [1, 2, 3] })).toThrow(/four signed/);
  });

  it('draws floats in [0, 1) and integers within inclusive bounds', () => {
    const rng = Rng.fromSeed(7);
    const floats = draws(rng, 1000);
    expect(floats.every((f) => f >= 0 && f < 1)).toBe(true);
    const ints = Array.from({ length: 1000 }, () => rng.nextInt(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(() => rng.nextInt(5, 3)).toThrow(/min ≤ max/);
  });

  it('draws exponential gaps with mean 1/rate', () => {
    const rng = Rng.fromSeed(3);
    const { mean } = meanAndVariance(Array.from({ length: 20000 }, () => rng.exponential(4)));
    expect(mean).toBeGreaterThan(0.24);
    expect(mean).toBeLessThan(0.26);
    expect(() => rng.exponential(0)).toThrow(/greater than 0/);
  });

  it.each([0.5, 12, 250, 40000])('draws Poisson counts with mean and variance %s', (lambda) => {
    const rng = Rng.fromSeed(11);
    const samples = Array.from({ length: 20000 }, () => rng.poisson(lambda));
    expect(samples.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    const { mean, variance } = meanAndVariance(samples);
    expect(Math.abs(mean - lambda) / lambda).toBeLessThan(0.03);
    expect(Math.abs(variance - lambda) / lambda).toBeLessThan(0.06);
  });

  it('draws 0 for a Poisson mean of 0 and refuses a negative mean', () => {
    const rng = Rng.fromSeed(1);
    expect(rng.poisson(0)).toBe(0);
    expect(() => rng.poisson(-1)).toThrow(/0 or more/);
  });
});

describe('logFactorial', () => {
  it('matches the exact sum of logarithms on both sides of the table', () => {
    let exact = 0;
    for (let n = 1; n <= 200; n++) {
      exact += Math.log(n);
      expect(logFactorial(n)).toBeCloseTo(exact, 9);
    }
    expect(logFactorial(0)).toBe(0);
  });
});
