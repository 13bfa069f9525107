/**
 * What the Kinesis action forms offer: the open shards (hottest first for a split), the pairs of adjacent
 * open shards a merge may take, the range UpdateShardCount allows, and the default split point.
 */
import type { ShardView, StreamView } from './console-view.ts';
import { latestLoad } from './charts/utilization.ts';
import {
  hashKeyRangeMidpoint,
  hashKeyRangesAdjacent,
  type HashKeyRange,
} from '../../../sim/kinesis/index.ts';

/** Open shards in hash key order. */
export function openShards(stream: StreamView): ShardView[] {
  return stream.shards.filter((s) => s.status === 'OPEN').sort((a, b) => a.startFraction - b.startFraction);
}

/** The open shard with the most refused put attempts in the last second, then the fullest; undefined if none. */
export function hottestShard(stream: StreamView): ShardView | undefined {
  let best: ShardView | undefined;
  let bestScore = -1;
  for (const shard of openShards(stream)) {
    const load = latestLoad(shard, stream.limits);
    const score = load.throttled * 10 + load.utilization;
    if (score > bestScore) {
      best = shard;
      bestScore = score;
    }
  }
  return best;
}

/** Pairs of open shards whose ranges touch (the only ones MergeShards accepts). */
export function adjacentPairs(stream: StreamView): [ShardView, ShardView][] {
  const open = openShards(stream);
  const pairs: [ShardView, ShardView][] = [];
  for (let i = 0; i + 1 < open.length; i++) {
    const low = open[i]!;
    const high = open[i + 1]!;
    if (hashKeyRangesAdjacent(rangeOf(low), rangeOf(high))) pairs.push([low, high]);
  }
  return pairs;
}

/** A shard view's range in the API's shape, for the hash key math in sim/kinesis. */
function rangeOf(shard: ShardView): HashKeyRange {
  return { StartingHashKey: shard.startingHashKey, EndingHashKey: shard.endingHashKey };
}

/** The middle of a shard's range: the default NewStartingHashKey of a split. */
export function midpointOf(shard: ShardView): string {
  return hashKeyRangeMidpoint(rangeOf(shard));
}

/** UpdateShardCount's allowed targets: half to double the open shards (AWS-FACTS row 19). */
export function shardCountRange(stream: StreamView): { min: number; max: number } {
  const open = stream.openShardCount;
  return { min: Math.ceil(open / 2), max: open * 2 };
}
