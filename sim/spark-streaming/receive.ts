import { shardReadStats } from '../consumers/index.ts';
import { newCursor, pollShard } from '../consumers/index.ts';
import type { MetricStore } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { describeStream, type KinesisState } from '../kinesis/index.ts';
import { SPARK_STREAMING_FACTS } from './config.ts';
import { generateDueBatches } from './batches.ts';
import type { SparkConsumerState, SparkShardReader } from './state.ts';
import { countRecords } from './windows.ts';
import { userRecordsOf } from '../kpl/index.ts';

const POLL_MS = SPARK_STREAMING_FACTS.kclIdleTimeBetweenReadsMs;

/** What a receiver step needs: the shared data plane and the metric store. */
export interface SparkStepContext {
  readonly kinesis: KinesisState;
  readonly metrics: MetricStore;
}

function leastLoadedReceiver(state: SparkConsumerState): number {
  const load = new Array<number>(state.config.receivers).fill(0);
  for (const r of state.readers) if (r.status !== 'FINISHED') load[r.receiver]!++;
  let best = 0;
  for (let i = 1; i < load.length; i++) if (load[i]! < load[best]!) best = i;
  return best;
}

function parentsPending(state: SparkConsumerState, reader: SparkShardReader): boolean {
  return reader.parentShardIds.some((id) =>
    state.readers.some((r) => r.shardId === id && r.status !== 'FINISHED'),
  );
}

/**
 * Gives every shard not seen yet to the receiver holding the fewest open shards (the KCL inside the
 * receivers balances leases by count, AWS-FACTS §2.2) and returns the new shard ids, so the caller can
 * schedule their first poll at `now`. Children of a reshard wait for their parents and start at
 * TRIM_HORIZON, as the KCL does.
 */
export function discoverSparkShards(state: SparkConsumerState, kinesis: KinesisState, now: number): string[] {
  const stream = Object.hasOwn(kinesis.streams, state.config.stream)
    ? kinesis.streams[state.config.stream]
    : undefined;
  if (stream === undefined) {
    state.error = `Stream ${state.config.stream} does not exist: the receivers cannot read it.`;
    return [];
  }
  state.error = null;
  if (stream.routeVersion === state.seenRouteVersion && state.readers.length > 0) return [];
  state.seenRouteVersion = stream.routeVersion;
  const described = describeStream(kinesis, { StreamName: stream.StreamName }, millis(now));
  if (!described.ok) return [];
  const added: string[] = [];
  for (const shard of described.value.StreamDescription.Shards) {
    if (state.readers.some((r) => r.shardId === shard.ShardId)) continue;
    const parentShardIds = stream.shards.find((s) => s.ShardId === shard.ShardId)?.parentShardIds ?? [];
    const start = parentShardIds.length > 0 ? 'TRIM_HORIZON' : state.config.startingPosition;
    const reader: SparkShardReader = {
      shardId: shard.ShardId,
      parentShardIds: [...parentShardIds],
      receiver: leastLoadedReceiver(state),
      status: 'READING',
      cursor: newCursor(shard.ShardId, { type: start }),
      nextPollAtMs: now,
      recordsReceived: 0,
      throttledPolls: 0,
    };
    if (parentsPending(state, reader)) reader.status = 'WAITING_FOR_PARENTS';
    state.readers.push(reader);
    shardReadStats(state.reads, shard.ShardId);
    added.push(shard.ShardId);
  }
  return added;
}

function finish(reader: SparkShardReader): null {
  reader.status = 'FINISHED';
  return null;
}

/**
 * One KCL read of a shard by its receiver: up to 10,000 records (row 40) into the batch being filled, then
 * the next read 1,000 ms later (row 40). Returns the time of the next read, or null when the shard is done.
 */
export function receiveShard(
  state: SparkConsumerState,
  shardId: string,
  now: number,
  ctx: SparkStepContext,
): number | null {
  const reader = state.readers.find((r) => r.shardId === shardId);
  if (reader === undefined || reader.status === 'FINISHED') return null;
  if (now < reader.nextPollAtMs) return reader.nextPollAtMs;
  generateDueBatches(state, now, ctx.metrics);
  let next: number | null = now + POLL_MS;
  if (reader.status === 'WAITING_FOR_PARENTS') {
    if (parentsPending(state, reader)) {
      reader.nextPollAtMs = next;
      return next;
    }
    reader.status = 'READING';
  }
  const outcome = pollShard(
    {
      kinesis: ctx.kinesis,
      now: millis(now),
      metrics: ctx.metrics,
      streamName: state.config.stream,
      consumerName: state.config.name,
      reads: state.reads,
      limit: SPARK_STREAMING_FACTS.kclMaxRecords,
    },
    reader.cursor,
  );
  if (outcome.status === 'ended' || outcome.status === 'error') next = finish(reader);
  else if (outcome.status === 'throttled') {
    reader.throttledPolls++;
    state.totals.throttledPolls++;
  } else {
    // The receiver's KCL de-aggregates KPL records: batches and windows see the user records.
    const records = userRecordsOf(outcome.records);
    if (records.length > 0) {
      const open = state.open;
      open.records += records.length;
      for (const r of records) open.bytes += r.Data.length;
      if (!open.receiversWithData.includes(reader.receiver)) open.receiversWithData.push(reader.receiver);
      for (const { spec, counts } of open.keyCounts.bySpec) countRecords(counts, spec, records);
      reader.recordsReceived += records.length;
      const perShard = open.shardRecords.find((s) => s.shardId === shardId);
      if (perShard === undefined) open.shardRecords.push({ shardId, records: records.length });
      else perShard.records += records.length;
    }
    if (outcome.shardEnded) next = finish(reader);
  }
  if (next !== null) reader.nextPollAtMs = next;
  return next;
}
