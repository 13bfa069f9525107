import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { partitionKeyFor, zipfKey, zipfWeights } from './keys.ts';

describe('partition-key strategies', () => {
  it('random keys are 16 lower-case hex characters from the seeded generator', () => {
    const a = Rng.fromSeed(1);
    const b = Rng.fromSeed(1);
    const keys = [0, 1, 2].map((i) => partitionKeyFor({ strategy: 'random' }, a, i));
    expect(keys.every((k) => /^[0-9a-f]{16}$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(3);
    expect([0, 1, 2].map((i) => partitionKeyFor({ strategy: 'random' }, b, i))).toEqual(keys);
  });

  it('fixed keys are the given key; sequential keys cycle through entity-1…N', () => {
    const rng = Rng.fromSeed(1);
    expect(partitionKeyFor({ strategy: 'fixed', key: 'store-42' }, rng, 9)).toBe('store-42');
    const sequential = { strategy: 'sequential', keys: 3 } as const;
    expect([0, 1, 2, 3].map((i) => partitionKeyFor(sequential, rng, i))).toEqual([
      'entity-1',
      'entity-2',
      'entity-3',
      'entity-1',
    ]);
  });

  it('zipf keys are entity-r with probability proportional to 1/r^s', () => {
    const strategy = { strategy: 'zipf', keys: 10, exponent: 1 } as const;
    const rng = Rng.fromSeed(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const key = partitionKeyFor(strategy, rng, i);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const weights = zipfWeights(10, 1);
    // H(10) = 2.929: rank 1 gets 34.1 %, rank 10 gets 3.4 %.
    expect(weights[0]).toBeCloseTo(1 / 2.928968, 5);
    expect(counts.get(zipfKey(1))! / 100_000).toBeCloseTo(weights[0]!, 2);
    expect(counts.get(zipfKey(10))! / 100_000).toBeCloseTo(weights[9]!, 2);
    expect([...counts.keys()].every((k) => /^entity-(10|[1-9])$/.test(k))).toBe(true);
  });

  it('exponent 0 spreads the entities evenly', () => {
    expect([...zipfWeights(4, 0)]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});
