import { describe, expect, it } from 'vitest';
import { partitionKeyHashKey } from '../kinesis/index.ts';
import {
  evenShardRanges,
  MAX_HASH_KEY,
  parseExplicitHashKey,
  partitionKeyHash,
  shardIndexForHashKey,
  type ShardHashRange,
} from './hash-key.ts';

function shard(id: string, start: bigint, end: bigint): ShardHashRange {
  return { ShardId: id, HashKeyRange: { StartingHashKey: start.toString(), EndingHashKey: end.toString() } };
}

describe('KPL shard map lookup', () => {
  // Listed out of order, with a gap 200…299 and nothing above 399, as a stale map after a merge could be.
  const shards = [shard('b', 300n, 399n), shard('a', 100n, 199n)];

  it('finds the shard whose range holds the key, bounds included, by its index in the given list', () => {
    expect(shardIndexForHashKey(shards, 100n)).toBe(1);
    expect(shardIndexForHashKey(shards, 199n)).toBe(1);
    expect(shardIndexForHashKey(shards, 300n)).toBe(0);
    expect(shardIndexForHashKey(shards, 399n)).toBe(0);
  });

  it('answers -1 below the first range, in a gap and above the last range', () => {
    expect(shardIndexForHashKey(shards, 99n)).toBe(-1);
    expect(shardIndexForHashKey(shards, 200n)).toBe(-1);
    expect(shardIndexForHashKey(shards, 400n)).toBe(-1);
    expect(shardIndexForHashKey([], 0n)).toBe(-1);
  });

  it('covers the whole space with an even split, 2^128 − 1 in the last shard', () => {
    const even = evenShardRanges(3);
    expect(even.map((s) => s.ShardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    expect(shardIndexForHashKey(even, 0n)).toBe(0);
    expect(shardIndexForHashKey(even, MAX_HASH_KEY)).toBe(2);
  });
});

describe('KPL hashing is the Kinesis hashing', () => {
  it('gives the hash key Kinesis routes by, for ASCII and non-ASCII keys alike', () => {
    for (const key of ['user-1', '', 'größe', '日本語🙂']) {
      expect(partitionKeyHash(key).toString()).toBe(partitionKeyHashKey(key));
    }
  });

  it('rejects a bad ExplicitHashKey with the Kinesis error and path', () => {
    const parsed = parseExplicitHashKey((MAX_HASH_KEY + 1n).toString());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.path).toBe('ExplicitHashKey');
    expect(parsed.error.code).toBe('InvalidArgumentException');
    expect(parsed.error.message).toContain('must be in the range: [0, 2^128-1]');
    const pattern = parseExplicitHashKey('0x10');
    expect(pattern.ok ? '' : pattern.error.code).toBe('ValidationException');
    expect(parseExplicitHashKey('42')).toEqual({ ok: true, value: 42n });
  });
});
