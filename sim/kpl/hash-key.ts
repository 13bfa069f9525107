import SparkMD5 from 'spark-md5';
import { fail, ok, type Result } from '../core/errors.ts';

/** A shard's place in the hash key space, shaped as DescribeStream returns it (decimal strings). */
export interface ShardHashRange {
  readonly ShardId: string;
  readonly HashKeyRange: { readonly StartingHashKey: string; readonly EndingHashKey: string };
}

/** Largest hash key: 2^128 − 1 (AWS-FACTS §1.2, row 12). */
export const MAX_HASH_KEY = (1n << 128n) - 1n;

/** The 128-bit hash key Kinesis routes a partition key by: its MD5, read as a big-endian unsigned integer. */
export function partitionKeyHash(partitionKey: string): bigint {
  return BigInt(`0x${SparkMD5.hash(partitionKey)}`);
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

/** Shard ranges with their bounds parsed once, sorted by starting hash key. */
interface CompiledShardMap {
  readonly starts: readonly bigint[];
  readonly ends: readonly bigint[];
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
      starts: order.map((o) => o.start),
      ends: order.map((o) => BigInt(shards[o.index]!.HashKeyRange.EndingHashKey)),
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
