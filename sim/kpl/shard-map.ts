import { fail, ok, type Result } from '../core/index.ts';
import { MAX_HASH_KEY } from '../kinesis/index.ts';
import { queueUserRecord } from './aggregator.ts';
import type { ShardHashRange } from './hash-key.ts';
import { emptyAggregator, type BufferedUserRecord, type KplProducerState } from './producer-state.ts';

/**
 * Checks that `shards` tile the hash key space with no gap or overlap, as a stream's open shards do. A map
 * with a gap would leave some keys with no shard to aggregate for.
 */
function checkCoversHashSpace(shards: readonly ShardHashRange[]): Result<true> {
  const ranges = shards
    .map((s) => ({
      id: s.ShardId,
      start: BigInt(s.HashKeyRange.StartingHashKey),
      end: BigInt(s.HashKeyRange.EndingHashKey),
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let expected = 0n;
  for (const range of ranges) {
    if (range.start !== expected) {
      return fail({
        code: 'ShardMapIncomplete',
        message: `The shard map ${range.start > expected ? 'has a gap' : 'overlaps'} at hash key ${expected} (${range.id} starts at ${range.start}): give the stream's open shards, as ListShards returns them.`,
        path: 'shards',
      });
    }
    expected = range.end + 1n;
  }
  if (expected !== MAX_HASH_KEY + 1n) {
    return fail({
      code: 'ShardMapIncomplete',
      message: `The shard map ends at hash key ${expected - 1n}, short of ${MAX_HASH_KEY}: give the stream's open shards.`,
      path: 'shards',
    });
  }
  return ok(true);
}

/**
 * Replaces the producer's shard map after the stream was resharded, as the KPL does when a put lands on
 * a shard it did not predict: every user record still waiting (in an aggregate or ready in the outbox,
 * not in flight) is predicted again and re-aggregated for its new shard, in the order it was added, and
 * the RateLimit buckets start full for the new shards. Records in flight keep their old prediction until
 * their response comes back; a retry is predicted again when it is queued.
 */
export function updateShardMap(state: KplProducerState, shards: readonly ShardHashRange[]): Result<true> {
  const covered = checkCoversHashSpace(shards);
  if (!covered.ok) return covered;
  const waiting: BufferedUserRecord[] = [];
  for (const aggregator of state.aggregators) waiting.push(...aggregator.records);
  for (const queue of state.outbox) for (const ready of queue) waiting.push(...ready.userRecords);
  waiting.sort((a, b) => a.id - b.id);
  const share = state.config.RateLimit / 100;
  state.shards = shards;
  state.shardMapVersion++;
  state.shardMapStale = false;
  state.stats.shardMapUpdates++;
  state.aggregators = shards.map(emptyAggregator);
  state.outbox = shards.map(() => []);
  state.outboxCount = 0;
  state.outboxBytes = 0;
  state.limiter = {
    recordTokens: shards.map(() => state.shardRecordsPerSecond * share),
    byteTokens: shards.map(() => state.shardBytesPerSecond * share),
    refilledAtMs: state.limiter.refilledAtMs,
  };
  for (const record of waiting) queueUserRecord(state, record);
  return ok(true);
}
