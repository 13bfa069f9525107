import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  evenSplit,
  HASH_KEY_SPACE,
  hashKeyFraction,
  hashKeyHex,
  hashKeyRangeContains,
  hashKeyRangeFractions,
  hashKeyRangeMidpoint,
  hashKeyRangesAdjacent,
  MAX_HASH_KEY,
  md5HashKey,
  openShardForHashKey,
  parseHashKey,
  partitionKeyHashKey,
} from './hash-key.ts';

describe('evenSplit', () => {
  it('gives one shard the whole space', () => {
    expect(evenSplit(1)).toEqual([
      { StartingHashKey: '0', EndingHashKey: '340282366920938463463374607431768211455' },
    ]);
  });

  it('splits two shards at 2^127 exactly', () => {
    const [first, second] = evenSplit(2);
    expect(first!.EndingHashKey).toBe('170141183460469231731687303715884105727');
    expect(second!.StartingHashKey).toBe('170141183460469231731687303715884105728');
    expect(BigInt(second!.StartingHashKey)).toBe(1n << 127n);
  });

  it('uses floor(2^128 / N) steps and ends the last shard at 2^128 − 1', () => {
    const ranges = evenSplit(3);
    const step = HASH_KEY_SPACE / 3n;
    expect(ranges.map((r) => r.StartingHashKey)).toEqual(['0', step.toString(), (2n * step).toString()]);
    expect(ranges[2]!.EndingHashKey).toBe(MAX_HASH_KEY.toString());
  });

  it('leaves no gap and no overlap', () => {
    const ranges = evenSplit(7);
    for (let i = 1; i < ranges.length; i++) {
      expect(BigInt(ranges[i]!.StartingHashKey)).toBe(BigInt(ranges[i - 1]!.EndingHashKey) + 1n);
    }
  });
});

describe('parseHashKey', () => {
  it('accepts 0 and 2^128 − 1', () => {
    expect(parseHashKey('0')).toBe(0n);
    expect(parseHashKey('340282366920938463463374607431768211455')).toBe(MAX_HASH_KEY);
  });

  it('refuses 2^128, leading zeros, signs and non-digits', () => {
    expect(parseHashKey('340282366920938463463374607431768211456')).toBeUndefined();
    expect(parseHashKey('01')).toBeUndefined();
    expect(parseHashKey('-1')).toBeUndefined();
    expect(parseHashKey('12a')).toBeUndefined();
    expect(parseHashKey('')).toBeUndefined();
  });
});

describe('md5HashKey and partitionKeyHashKey', () => {
  it('is the MD5 of the UTF-8 bytes (vectors from Python hashlib)', () => {
    expect(md5HashKey('a')).toBe(0x0cc175b9c0f1b6a831c399e269772661n);
    expect(partitionKeyHashKey('a')).toBe('16955237001963240173058271559858726497');
    expect(partitionKeyHashKey('b')).toBe('195289424170611159128911017612795795343');
    expect(partitionKeyHashKey('ü')).toBe('255482112228542481294366945247899473731');
  });

  it("agrees with Node's own MD5 of the UTF-8 bytes, ASCII or not, short or long", () => {
    for (const key of ['a', 'user-42', '~!@#$%^&*()', 'x'.repeat(256), 'clé-🔑', '日本']) {
      const expected = BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
      expect(md5HashKey(key)).toBe(expected);
    }
  });
});

describe('hex hash keys', () => {
  it('compare as text in numeric order', () => {
    const keys = [0n, 15n, 16n, 1n << 64n, (1n << 127n) - 1n, 1n << 127n, MAX_HASH_KEY];
    const hexes = keys.map(hashKeyHex);
    expect([...hexes].sort()).toEqual(hexes);
    expect(hexes.every((h) => h.length === 32)).toBe(true);
  });
});

describe('hashKeyRangeMidpoint', () => {
  it('splits the whole space at 2^127 and gives the upper half the odd key', () => {
    expect(hashKeyRangeMidpoint(evenSplit(1)[0]!)).toBe((1n << 127n).toString());
    expect(hashKeyRangeMidpoint({ StartingHashKey: '0', EndingHashKey: '4' })).toBe('2');
    expect(hashKeyRangeMidpoint({ StartingHashKey: '10', EndingHashKey: '13' })).toBe('12');
  });
});

describe('ranges and routing by range', () => {
  const [lower, upper] = evenSplit(2);

  it('contain both their ends and nothing outside', () => {
    const start = BigInt(upper!.StartingHashKey);
    expect(hashKeyRangeContains(upper!, start)).toBe(true);
    expect(hashKeyRangeContains(upper!, MAX_HASH_KEY.toString())).toBe(true);
    expect(hashKeyRangeContains(upper!, start - 1n)).toBe(false);
    expect(hashKeyRangeContains(lower!, 0n)).toBe(true);
    expect(hashKeyRangeContains(lower!, lower!.EndingHashKey)).toBe(true);
  });

  it('send a hash key to the open shard whose range holds it, boundaries included', () => {
    const shards = evenSplit(4).map((HashKeyRange, i) => ({ ShardId: `s${i}`, HashKeyRange }));
    expect(openShardForHashKey(shards, 0n)?.ShardId).toBe('s0');
    expect(openShardForHashKey(shards, BigInt(shards[2]!.HashKeyRange.StartingHashKey))?.ShardId).toBe('s2');
    expect(openShardForHashKey(shards, BigInt(shards[2]!.HashKeyRange.StartingHashKey) - 1n)?.ShardId).toBe(
      's1',
    );
    expect(openShardForHashKey(shards, MAX_HASH_KEY)?.ShardId).toBe('s3');
    expect(openShardForHashKey(shards.slice(0, 1), MAX_HASH_KEY)).toBeUndefined();
  });

  it('are adjacent only when one starts right after the other ends', () => {
    expect(hashKeyRangesAdjacent(lower!, upper!)).toBe(true);
    expect(hashKeyRangesAdjacent(upper!, lower!)).toBe(false);
    const [a, , c] = evenSplit(3);
    expect(hashKeyRangesAdjacent(a!, c!)).toBe(false);
  });
});

describe('hashKeyFraction', () => {
  it('places 0, 2^127 and 2^128 at 0, ½ and 1, from BigInt or decimal text', () => {
    expect(hashKeyFraction(0n)).toBe(0);
    expect(hashKeyFraction('0')).toBe(0);
    expect(hashKeyFraction(1n << 127n)).toBe(0.5);
    expect(hashKeyFraction((1n << 127n).toString())).toBe(0.5);
    expect(hashKeyFraction(HASH_KEY_SPACE)).toBe(1);
    expect(hashKeyFraction(MAX_HASH_KEY)).toBeLessThan(1);
  });

  it('is exact to 53 bits', () => {
    const key = md5HashKey('user-42');
    expect(hashKeyFraction(key)).toBeCloseTo(Number(key >> 64n) / 2 ** 64, 15);
  });

  it("gives a range's edges, the right one just past its EndingHashKey", () => {
    const [lower, upper] = evenSplit(2);
    expect(hashKeyRangeFractions(lower!)).toEqual({ start: 0, end: 0.5 });
    expect(hashKeyRangeFractions(upper!)).toEqual({ start: 0.5, end: 1 });
  });
});
