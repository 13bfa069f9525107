import type { Result } from '../core/index.ts';
import { checkExplicitHashKey } from '../kinesis/index.ts';
import {
  evenSplit,
  findRange,
  hashKeyHex,
  MAX_HASH_KEY,
  md5HashKey,
  type HashKeyRange,
} from '../kinesis/index.ts';
import { shardIdOf } from '../kinesis/index.ts';

/**
 * The KPL's view of the hash key space. The hashing, the even split and ExplicitHashKey parsing are the
 * Kinesis simulator's own functions, so the shard the KPL predicts is by construction the shard Kinesis
 * routes to; this file adds only the producer's shard map lookup and its error wording.
 */

export { MAX_HASH_KEY };

/** A shard's place in the hash key space, shaped as DescribeStream returns it (decimal strings). */
export interface ShardHashRange {
  readonly ShardId: string;
  readonly HashKeyRange: HashKeyRange;
}

/** The 128-bit hash key Kinesis routes a partition key by: its MD5, read as a big-endian unsigned integer. */
export function partitionKeyHash(partitionKey: string): bigint {
  return md5HashKey(partitionKey);
}

/**
 * An ExplicitHashKey as Kinesis accepts it: the model's pattern (else ValidationException) and a value from
 * 0 to 2^128 − 1 (else InvalidArgumentException) — Kinesis's own check, so the KPL refuses at
 * addUserRecord exactly what the stream would refuse later.
 */
export function parseExplicitHashKey(text: string): Result<bigint> {
  return checkExplicitHashKey(text, 'explicitHashKey', 'ExplicitHashKey');
}

/** Shard ranges with their bounds as 32-hex-digit strings, sorted by starting hash key. */
interface CompiledShardMap {
  readonly starts: readonly string[];
  readonly ends: readonly string[];
  readonly shardIndexes: readonly number[];
}

const compiled = new WeakMap<readonly ShardHashRange[], CompiledShardMap>();

function compile(shards: readonly ShardHashRange[]): CompiledShardMap {
  let map = compiled.get(shards);
  if (!map) {
    const order = shards
      .map((shard, index) => ({ index, start: BigInt(shard.HashKeyRange.StartingHashKey) }))
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    map = {
      starts: order.map((o) => hashKeyHex(o.start)),
      ends: order.map((o) => hashKeyHex(BigInt(shards[o.index]!.HashKeyRange.EndingHashKey))),
      shardIndexes: order.map((o) => o.index),
    };
    compiled.set(shards, map);
  }
  return map;
}

/**
 * Index into `shards` of the shard whose range holds `hashKey`, or -1 when no listed shard covers it
 * (the producer's shard map is out of date). The bounds are parsed once per shards array.
 */
export function shardIndexForHashKey(shards: readonly ShardHashRange[], hashKey: bigint): number {
  return shardIndexForHashHex(shards, hashKeyHex(hashKey));
}

/**
 * {@link shardIndexForHashKey} for a hash key already in 32-hex-digit form (no BigInt on the hot path). The
 * search is Kinesis's own; unlike a stream's open shards, a producer's map may have gaps, hence the bounds
 * check.
 */
export function shardIndexForHashHex(shards: readonly ShardHashRange[], hashKey: string): number {
  const map = compile(shards);
  if (map.starts.length === 0) return -1;
  const at = findRange(map.starts, hashKey);
  return map.starts[at]! <= hashKey && hashKey <= map.ends[at]! ? map.shardIndexes[at]! : -1;
}

/**
 * The hash key ranges CreateStream gives `count` shards (Kinesis's even split, AWS-FACTS §1.2), with shard
 * IDs as CreateStream names them. For tests and for callers that have no stream description at hand.
 */
export function evenShardRanges(count: number): ShardHashRange[] {
  return evenSplit(count).map((range, i) => ({
    ShardId: shardIdOf(i),
    HashKeyRange: range,
  }));
}
