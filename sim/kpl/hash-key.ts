import SparkMD5 from 'spark-md5';
import { fail, ok, type Result } from '../core/errors.ts';

/** A shard's place in the hash key space, shaped as DescribeStream returns it (decimal strings). */
export interface ShardHashRange {
  readonly ShardId: string;
  readonly HashKeyRange: { readonly StartingHashKey: string; readonly EndingHashKey: string };
}

/** Largest hash key: 2^128 − 1 (AWS-FACTS §1.2, row 12). */
export const MAX_HASH_KEY = (1n << 128n) - 1n;

const hashCache = new Map<string, string>();
const HASH_CACHE_LIMIT = 100_000;

/**
 * The MD5 of a partition key as 32 hex digits: the 128-bit hash key Kinesis routes by, in a form that
 * compares like the number (equal-length hex strings sort numerically). Results are memoised, because
 * producers reuse keys; the cache only saves time and never changes an answer.
 */
export function partitionKeyHashHex(partitionKey: string): string {
  let hex = hashCache.get(partitionKey);
  if (hex === undefined) {
    if (hashCache.size >= HASH_CACHE_LIMIT) hashCache.clear();
    hex = SparkMD5.hash(partitionKey);
    hashCache.set(partitionKey, hex);
  }
  return hex;
}

/** The 128-bit hash key Kinesis routes a partition key by: its MD5, read as a big-endian unsigned integer. */
export function partitionKeyHash(partitionKey: string): bigint {
  return BigInt(`0x${partitionKeyHashHex(partitionKey)}`);
}

/** A hash key as 32 hex digits, for {@link shardIndexForHashHex}. */
export function hashKeyToHex(hashKey: bigint): string {
  return hashKey.toString(16).padStart(32, '0');
}

/** An ExplicitHashKey as Kinesis accepts it: a decimal string from 0 to 2^128 − 1. */
export function parseExplicitHashKey(text: string): Result<bigint> {
  if (!/^(0|[1-9]\d{0,38})$/.test(text) || BigInt(text) > MAX_HASH_KEY) {
    return fail({
      code: 'InvalidArgumentException',
      message: `ExplicitHashKey "${text}" is not a decimal integer from 0 to 2^128 − 1 (${MAX_HASH_KEY}).`,
      path: 'ExplicitHashKey',
    });
  }
  return ok(BigInt(text));
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
      starts: order.map((o) => hashKeyToHex(o.start)),
      ends: order.map((o) => hashKeyToHex(BigInt(shards[o.index]!.HashKeyRange.EndingHashKey))),
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
  return shardIndexForHashHex(shards, hashKeyToHex(hashKey));
}

/** {@link shardIndexForHashKey} for a hash key already in 32-hex-digit form (no BigInt on the hot path). */
export function shardIndexForHashHex(shards: readonly ShardHashRange[], hashKey: string): number {
  const map = compile(shards);
  let low = 0;
  let high = map.starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (hashKey < map.starts[mid]!) high = mid - 1;
    else if (hashKey > map.ends[mid]!) low = mid + 1;
    else return map.shardIndexes[mid]!;
  }
  return -1;
}

/**
 * The hash key ranges CreateStream gives `count` shards: step = ⌊2^128 ÷ count⌋, shard i gets
 * [i·step, (i+1)·step − 1] and the last ends at 2^128 − 1 (AWS-FACTS §1.2, from kinesalite). For tests and
 * for callers that have no stream description at hand.
 */
export function evenShardRanges(count: number): ShardHashRange[] {
  const step = (1n << 128n) / BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    ShardId: `shardId-${String(i).padStart(12, '0')}`,
    HashKeyRange: {
      StartingHashKey: (BigInt(i) * step).toString(),
      EndingHashKey: (i === count - 1 ? MAX_HASH_KEY : BigInt(i + 1) * step - 1n).toString(),
    },
  }));
}
