import { hashKeyRangeMidpoint, type KinesisState } from '../../../sim/kinesis/index.ts';

/**
 * The middle of a shard's hash key range, as a decimal NewStartingHashKey: where the console splits a
 * shard when the learner does not choose (the lower child gets [start, mid − 1], the upper [mid, end]).
 * Undefined when the stream or shard does not exist (the split call then reports the AWS error); a closed
 * shard has a midpoint too, so a split logged after it ran still shows its real command.
 */
export function splitMidpoint(
  kinesis: KinesisState | undefined,
  stream: string,
  shardId: string,
): string | undefined {
  const shard = kinesis?.streams[stream]?.shards.find((s) => s.ShardId === shardId);
  return shard === undefined ? undefined : hashKeyRangeMidpoint(shard.HashKeyRange);
}
