import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  evenSplit,
  findRange,
  findRangeByWords,
  hexRoutingWords,
  rangeStarts,
  HASH_KEY_SPACE,
  hashKeyHex,
  hashPartitionKey,
  MAX_HASH_KEY,
  lookedUpKey,
  lookupPartitionKey,
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

describe('hashPartitionKey', () => {
  it('is the MD5 of the UTF-8 bytes (vectors from Python hashlib)', () => {
    expect(hashPartitionKey('a').hex).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(partitionKeyHashKey('a')).toBe('16955237001963240173058271559858726497');
    expect(partitionKeyHashKey('b')).toBe('195289424170611159128911017612795795343');
    expect(partitionKeyHashKey('ü')).toBe('255482112228542481294366945247899473731');
  });

  it("agrees with Node's own MD5 of the UTF-8 bytes, ASCII or not, short or long", () => {
    for (const key of ['a', 'user-42', '~!@#$%^&*()', 'x'.repeat(256), 'clé-🔑', '日本']) {
      const expected = createHash('md5').update(key, 'utf8').digest('hex');
      expect(hashPartitionKey(key).hex).toBe(expected);
      expect(hashPartitionKey(key).hex).toBe(expected);
    }
  });

  it('gives the digest bytes and stays right when keys evict each other from the cache', () => {
    expect(hashPartitionKey('a').digest).toEqual([...createHash('md5').update('a').digest()]);
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    for (let pass = 0; pass < 2; pass++) {
      for (const key of keys) {
        lookupPartitionKey(key);
        const hex = createHash('md5').update(key, 'utf8').digest('hex');
        expect(lookedUpKey).toEqual({ ...hexRoutingWords(hex), bytes: key.length });
        expect(hashPartitionKey(key).hex).toBe(hex);
      }
    }
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(hashPartitionKey('abc').bytes).toBe(3);
    expect(hashPartitionKey('ü').bytes).toBe(2);
    expect(hashPartitionKey('日本').bytes).toBe(6);
    expect(hashPartitionKey('🔑').bytes).toBe(4);
  });
});

describe('hex routing keys', () => {
  it('compare as text in numeric order', () => {
    const keys = [0n, 15n, 16n, 1n << 64n, (1n << 127n) - 1n, 1n << 127n, MAX_HASH_KEY];
    const hexes = keys.map(hashKeyHex);
    expect([...hexes].sort()).toEqual(hexes);
    expect(hexes.every((h) => h.length === 32)).toBe(true);
  });

  it('findRange picks the last start not above the key', () => {
    const starts = evenSplit(4).map((r) => hashKeyHex(BigInt(r.StartingHashKey)));
    expect(findRange(starts, hashKeyHex(0n))).toBe(0);
    expect(findRange(starts, starts[2]!)).toBe(2);
    expect(findRange(starts, hashKeyHex(BigInt(evenSplit(4)[2]!.StartingHashKey) - 1n))).toBe(1);
    expect(findRange(starts, hashKeyHex(MAX_HASH_KEY))).toBe(3);
  });

  it('findRangeByWords agrees with findRange, ties in the first 96 bits included', () => {
    const cut = (1n << 127n) + 5n;
    const startKeys = [0n, 1n << 64n, cut, cut + (1n << 32n)];
    const hexStarts = startKeys.map(hashKeyHex);
    const starts = rangeStarts(hexStarts);
    const probes = [
      0n,
      1n,
      (1n << 64n) - 1n,
      1n << 64n,
      cut - 1n,
      cut,
      cut + 1n,
      cut + (1n << 32n) - 1n,
      cut + (1n << 32n),
      MAX_HASH_KEY,
    ];
    for (const hex of probes.map(hashKeyHex)) {
      const { high, low, tail } = hexRoutingWords(hex);
      expect(findRangeByWords(starts, high, low, tail)).toBe(findRange(hexStarts, hex));
    }
  });

  it('routes partition keys by their digest words exactly as by their hex text', () => {
    const starts = evenSplit(7).map((r) => hashKeyHex(BigInt(r.StartingHashKey)));
    const words = rangeStarts(starts);
    for (let n = 0; n < 500; n++) {
      const hash = hashPartitionKey(`user-${n}`);
      expect(hexRoutingWords(hash.hex)).toEqual({ high: hash.high, low: hash.low, tail: hash.tail });
      expect(findRangeByWords(words, hash.high, hash.low, hash.tail)).toBe(findRange(starts, hash.hex));
    }
  });
});
