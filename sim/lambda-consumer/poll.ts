import { shardReadStats } from '../consumers/index.ts';
import { newCursor, pollShard } from '../consumers/index.ts';
import type { MetricId, MetricStore } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { describeStream, type KinesisRecord, type KinesisState } from '../kinesis/index.ts';
import { parseSequenceNumber } from '../kinesis/index.ts';
import { userRecordsOf } from '../kpl/index.ts';
import { billedDurationMs, gbSecondsOf } from './billing.ts';
import { LAMBDA_EVENT_SOURCE_LIMITS, type LambdaConsumerConfig } from './config.ts';
import {
  emptyTotals,
  RECENT_POLLS,
  type LambdaConsumerState,
  type LambdaPollSample,
  type LambdaShardPoller,
} from './state.ts';

const POLL_MS = LAMBDA_EVENT_SOURCE_LIMITS.pollIntervalMs;

/** A batch the function handles successfully, for callers that want to see the records it got. */
export interface LambdaBatch {
  readonly shardId: string;
  readonly atMs: number;
  readonly records: readonly KinesisRecord[];
}

/** What a step needs besides the state: the shared data plane, the metric store, optional hooks. */
export interface LambdaStepContext {
  readonly kinesis: KinesisState;
  readonly metrics: MetricStore;
  /**
   * Called with every batch the function will handle successfully, when it is handed the batch (the
   * function's side effects; the records' bytes are shared with the stream, so treat them as read-only).
   */
  readonly onBatch?: (batch: LambdaBatch) => void;
}

/**
 * Adds a poller for every shard of the stream the mapping has not seen yet (at the start, and after a
 * reshard) and returns their ids, so the caller can schedule their first poll at `now`.
 *
 * Child shards wait until their parents are read to the end, and then start at TRIM_HORIZON, so records
 * of one partition key reach the function in order across a reshard. Lambda's 2016 documentation does not
 * spell this out for Kinesis; the model follows the KCL, which documents it (KDS23, AWS-FACTS §2.2).
 */
export function discoverShards(state: LambdaConsumerState, kinesis: KinesisState, now: number): string[] {
  const stream = Object.hasOwn(kinesis.streams, state.config.stream)
    ? kinesis.streams[state.config.stream]
    : undefined;
  if (stream === undefined) {
    state.error = `Stream ${state.config.stream} does not exist: the event source mapping cannot read it.`;
    return [];
  }
  state.error = null;
  if (stream.routeVersion === state.seenRouteVersion && state.pollers.length > 0) return [];
  state.seenRouteVersion = stream.routeVersion;
  const described = describeStream(kinesis, { StreamName: stream.StreamName }, millis(now));
  if (!described.ok) return [];
  const added: string[] = [];
  for (const shard of described.value.StreamDescription.Shards) {
    if (state.pollers.some((p) => p.shardId === shard.ShardId)) continue;
    const parentShardIds = stream.shards.find((s) => s.ShardId === shard.ShardId)?.parentShardIds ?? [];
    const start = parentShardIds.length > 0 ? 'TRIM_HORIZON' : state.config.startingPosition;
    state.pollers.push({
      shardId: shard.ShardId,
      parentShardIds: [...parentShardIds],
      status: 'POLLING',
      cursor: newCursor(shard.ShardId, { type: start }),
      checkpoint: null,
      retryFrom: null,
      nextExpectedOrdinal: null,
      nextWakeAtMs: now,
      lastPollAtMs: null,
      inFlight: null,
      consecutiveFailures: 0,
      iteratorAgeMs: 0,
      recent: [],
      totals: emptyTotals(),
    });
    shardReadStats(state.reads, shard.ShardId);
    added.push(shard.ShardId);
  }
  for (const poller of state.pollers) {
    if (poller.status === 'POLLING' && poller.lastPollAtMs === null && parentsPending(state, poller)) {
      poller.status = 'WAITING_FOR_PARENTS';
    }
  }
  return added;
}

function parentsPending(state: LambdaConsumerState, poller: LambdaShardPoller): boolean {
  return poller.parentShardIds.some((id) =>
    state.pollers.some((p) => p.shardId === id && p.status !== 'FINISHED'),
  );
}

/** The poller of a shard, or undefined. */
export function pollerOf(state: LambdaConsumerState, shardId: string): LambdaShardPoller | undefined {
  return state.pollers.find((p) => p.shardId === shardId);
}

/** Metric ids by function and metric name, so the metric store finds each series without rebuilding its key. */
const metricIds = new Map<string, MetricId>();

/** CloudWatch ids of the function's metrics (namespace AWS/Lambda, dimension FunctionName). */
export function lambdaMetricId(config: LambdaConsumerConfig, metricName: string): MetricId {
  const key = `${config.name}\n${metricName}`;
  let id = metricIds.get(key);
  if (id === undefined) {
    id = { namespace: 'AWS/Lambda', metricName, dimensions: { FunctionName: config.name } };
    metricIds.set(key, id);
  }
  return id;
}

function remember(poller: LambdaShardPoller, sample: LambdaPollSample): void {
  poller.recent.push(sample);
  if (poller.recent.length > RECENT_POLLS) poller.recent.shift();
}

function ordinalOf(sequenceNumber: string): number {
  return parseSequenceNumber(sequenceNumber)?.ordinal ?? -1;
}

function functionFails(
  config: LambdaConsumerConfig,
  records: readonly KinesisRecord[],
  now: number,
): boolean {
  const seconds = now / 1000;
  for (const w of config.functionErrors) {
    if (seconds >= w.fromSeconds && (w.untilSeconds === undefined || seconds < w.untilSeconds)) return true;
  }
  const poison = config.poisonPartitionKey;
  return poison !== undefined && records.some((r) => r.PartitionKey === poison);
}

/**
 * Invocation duration model (stated, not an AWS figure): overhead + per-record cost × records. See
 * `InvocationDurationModel`.
 */
export function invocationDurationMs(config: LambdaConsumerConfig, records: number): number {
  return config.invocationOverheadMs + config.perRecordMs * records;
}

/**
 * After an empty read: records the mapping still owed the function but that retention has trimmed
 * (a failing batch that expired, with nothing newer in the shard) count as expired.
 */
function countTrimmed(poller: LambdaShardPoller, kinesis: KinesisState, streamName: string): void {
  const expected = poller.nextExpectedOrdinal;
  if (expected === null) return;
  const shard = kinesis.streams[streamName]?.shards.find((s) => s.ShardId === poller.shardId);
  if (shard === undefined || shard.firstOrdinal <= expected) return;
  poller.totals.recordsExpired += shard.firstOrdinal - expected;
  poller.nextExpectedOrdinal = shard.firstOrdinal;
}

function finish(poller: LambdaShardPoller): null {
  poller.status = 'FINISHED';
  poller.cursor.iterator = null;
  return null;
}

function throttled(poller: LambdaShardPoller, now: number): number {
  poller.totals.throttledPolls++;
  remember(poller, { atMs: now, batchSize: 0, iteratorAgeMs: poller.iteratorAgeMs, outcome: 'THROTTLED' });
  return now + POLL_MS;
}

/** One GetRecords for the shard; hands a non-empty batch to the function. Returns the next wake-up time. */
function poll(
  state: LambdaConsumerState,
  poller: LambdaShardPoller,
  now: number,
  ctx: LambdaStepContext,
): number | null {
  const config = state.config;
  const t = poller.totals;
  t.polls++;
  poller.lastPollAtMs = now;
  const outcome = pollShard(
    {
      kinesis: ctx.kinesis,
      now: millis(now),
      metrics: ctx.metrics,
      streamName: config.stream,
      consumerName: config.name,
      reads: state.reads,
      limit: config.batchSize,
    },
    poller.cursor,
  );
  if (outcome.status === 'ended' || outcome.status === 'error') return finish(poller);
  if (outcome.status === 'throttled') return throttled(poller, now);
  const records = outcome.records;
  if (records.length === 0) {
    countTrimmed(poller, ctx.kinesis, config.stream);
    t.emptyPolls++;
    poller.iteratorAgeMs = 0;
    remember(poller, { atMs: now, batchSize: 0, iteratorAgeMs: 0, outcome: 'EMPTY' });
    return outcome.shardEnded ? finish(poller) : now + POLL_MS;
  }
  const first = records[0]!;
  const last = records[records.length - 1]!;
  const firstOrdinal = ordinalOf(first.SequenceNumber);
  if (poller.nextExpectedOrdinal !== null) {
    if (firstOrdinal > poller.nextExpectedOrdinal)
      t.recordsExpired += firstOrdinal - poller.nextExpectedOrdinal;
    if (firstOrdinal < poller.nextExpectedOrdinal) t.outOfOrder++;
  }
  poller.nextExpectedOrdinal = firstOrdinal;
  let bytes = 0;
  for (const r of records) bytes += r.Data.length;
  const iteratorAgeMs = now - last.ApproximateArrivalTimestamp;
  poller.iteratorAgeMs = iteratorAgeMs;
  t.maxIteratorAgeMs = Math.max(t.maxIteratorAgeMs, iteratorAgeMs);
  ctx.metrics.put(lambdaMetricId(config, 'IteratorAge'), millis(now), iteratorAgeMs, 'Milliseconds');
  const handled = config.deaggregate ? userRecordsOf(records).length : records.length;
  const durationMs = invocationDurationMs(config, handled);
  // The clock steps in whole milliseconds (an iterator carries its issue time as one), so a fractional
  // duration (0.5 ms a record × an odd batch) ends at the next whole millisecond; billing keeps the exact one.
  const endsAtMs = Math.ceil(now + durationMs);
  const fails = functionFails(config, records, now);
  poller.inFlight = {
    firstSequenceNumber: first.SequenceNumber,
    firstArrivalMs: first.ApproximateArrivalTimestamp,
    lastSequenceNumber: last.SequenceNumber,
    lastOrdinal: ordinalOf(last.SequenceNumber),
    records: records.length,
    handledRecords: handled,
    bytes,
    startedAtMs: now,
    endsAtMs,
    durationMs,
    fails,
    // MillisBehindLatest is 0 when the last record arrived in the same millisecond as the tip, so a full
    // batch also counts as a sign of more records waiting.
    backlog: outcome.millisBehindLatest > 0 || records.length >= config.batchSize,
    endOfShard: outcome.shardEnded,
  };
  poller.status = 'INVOKING';
  if (!fails) ctx.onBatch?.({ shardId: poller.shardId, atMs: now, records });
  remember(poller, {
    atMs: now,
    batchSize: records.length,
    iteratorAgeMs,
    outcome: fails ? 'FUNCTION_ERROR' : 'OK',
  });
  return endsAtMs;
}

/** The function returns: checkpoint on success, or rewind to the batch for a retry. Returns the next poll. */
function complete(state: LambdaConsumerState, poller: LambdaShardPoller, now: number, metrics: MetricStore) {
  const batch = poller.inFlight!;
  const t = poller.totals;
  const billed = billedDurationMs(batch.durationMs, state.era);
  t.invocations++;
  t.durationMs += batch.durationMs;
  t.billedDurationMs += billed;
  t.gbSeconds += gbSecondsOf(billed, state.config.memoryMB);
  metrics.put(lambdaMetricId(state.config, 'Invocations'), millis(now), 1, 'Count');
  metrics.put(lambdaMetricId(state.config, 'Duration'), millis(now), batch.durationMs, 'Milliseconds');
  poller.inFlight = null;
  poller.status = 'POLLING';
  const nextBasePoll = Math.max(now, batch.startedAtMs + POLL_MS);
  if (batch.fails) {
    t.failedInvocations++;
    metrics.put(lambdaMetricId(state.config, 'Errors'), millis(now), 1, 'Count');
    poller.consecutiveFailures++;
    poller.retryFrom = batch.firstSequenceNumber;
    // Read the same batch again: right after the last success, or (nothing processed yet in this shard)
    // from the batch's first arrival time. Records trimmed meanwhile are skipped and counted as expired.
    const cursor = poller.cursor;
    cursor.iterator = null;
    cursor.ended = false;
    cursor.start =
      poller.checkpoint !== null
        ? { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: poller.checkpoint }
        : { type: 'AT_TIMESTAMP', timestamp: batch.firstArrivalMs };
    return nextBasePoll;
  }
  t.recordsProcessed += batch.handledRecords;
  t.bytesProcessed += batch.bytes;
  shardReadStats(state.reads, poller.shardId).recordsProcessed += batch.handledRecords;
  poller.checkpoint = batch.lastSequenceNumber;
  poller.nextExpectedOrdinal = batch.lastOrdinal + 1;
  poller.retryFrom = null;
  poller.consecutiveFailures = 0;
  if (batch.endOfShard) return finish(poller);
  return batch.backlog ? now : nextBasePoll;
}

/**
 * Does whatever is due for one shard at `now`: lets a waiting child start once its parents are done,
 * completes the batch in the function, or polls. Returns when the shard next needs attention, or null when
 * it is finished. Calls before the time it returned last do nothing.
 *
 * Timing model: a poll at most once per second per shard (row 42), earlier only while GetRecords reports a
 * backlog, as AWS-FACTS §2.3 describes ("keeps reading while a backlog exists"); one batch in the function
 * at a time per shard (row 43); a failed batch is read again from its first record at the next poll, until
 * it succeeds or its records expire (LAM17 `retries-on-errors.md`). AWS does not publish the retry delay:
 * the model retries at the next one-second poll.
 */
export function advanceShard(
  state: LambdaConsumerState,
  shardId: string,
  now: number,
  ctx: LambdaStepContext,
): number | null {
  const poller = pollerOf(state, shardId);
  if (poller === undefined || poller.status === 'FINISHED') return null;
  if (now < poller.nextWakeAtMs) return poller.nextWakeAtMs;
  let next: number | null;
  if (poller.status === 'WAITING_FOR_PARENTS') {
    if (parentsPending(state, poller)) next = now + POLL_MS;
    else {
      poller.status = 'POLLING';
      next = poll(state, poller, now, ctx);
    }
  } else if (poller.status === 'INVOKING') {
    next = complete(state, poller, now, ctx.metrics);
  } else {
    next = poll(state, poller, now, ctx);
  }
  if (next !== null) poller.nextWakeAtMs = next;
  return next;
}
