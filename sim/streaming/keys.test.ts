import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.ts';
import { partitionKeyFor, saltProblem, zipfKey, zipfWeights } from './keys.ts';

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

describe('salting one hot key', () => {
  it('gives the salted key a seeded suffix key#0…key#(n−1) and leaves the other keys alone', () => {
    const strategy = {
      strategy: 'zipf',
      keys: 10,
      exponent: 1.5,
      salt: { key: 'entity-1', suffixes: 4 },
    } as const;
    const rng = Rng.fromSeed(5);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = partitionKeyFor(strategy, rng, i);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.has('entity-1')).toBe(false);
    const salted = [0, 1, 2, 3].map((i) => counts.get(`entity-1#${i}`) ?? 0);
    const total = salted.reduce((a, b) => a + b, 0);
    expect(total / 20_000).toBeCloseTo(zipfWeights(10, 1.5)[0]!, 1);
    for (const n of salted) expect(n / total).toBeGreaterThan(0.2);
    expect(counts.has('entity-1#4')).toBe(false);
    expect(counts.has('entity-2')).toBe(true);
    const again = Rng.fromSeed(5);
    expect(partitionKeyFor(strategy, again, 0)).toBe(partitionKeyFor(strategy, Rng.fromSeed(5), 0));
  });

  it('salts a fixed key too', () => {
    const keys = new Set(
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
        partitionKeyFor(
          { strategy: 'fixed', key: 'store-42', salt: { key: 'store-42', suffixes: 2 } },
          Rng.fromSeed(i),
          i,
        ),
      ),
    );
    expect([...keys].sort()).toEqual(['store-42#0', 'store-42#1']);
  });

  it('says why a salt cannot work: a key the strategy never sends, or a salted key over 256 characters', () => {
    expect(saltProblem({ strategy: 'fixed', key: 'a', salt: { key: 'b', suffixes: 2 } })).toBe(
      '"b" is not the key this strategy sends; expected "a".',
    );
    expect(
      saltProblem({ strategy: 'zipf', keys: 10, exponent: 1, salt: { key: 'entity-11', suffixes: 2 } }),
    ).toBe('"entity-11" is not a key this strategy sends; expected one of "entity-1" … "entity-10".');
    const long = 'k'.repeat(255);
    expect(saltProblem({ strategy: 'fixed', key: long, salt: { key: long, suffixes: 10 } })).toBe(
      `"${long}" with its suffix "#9" is 257 characters; a partition key has at most 256.`,
    );
    expect(saltProblem({ strategy: 'sequential', keys: 3, salt: { key: 'entity-3', suffixes: 8 } })).toBe(
      null,
    );
  });
});
