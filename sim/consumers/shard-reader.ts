import type { MetricId } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import {
  getRecords,
  getShardIterator,
  type KinesisError,
  type KinesisRecord,
  type KinesisState,
  type ShardIteratorType,
} from '../kinesis/index.ts';
import type { MetricStore } from '../core/index.ts';
import { shardReadStats, type ConsumerReadStats } from './consumer-kind.ts';

/** Namespace of the per-consumer lag metric (each consumer's view of its shards, unlike Kinesis's own). */
export const CONSUMERS_NAMESPACE = 'BDLab/Consumers';

/** Where a new shard iterator starts when the reader needs one. */
export type CursorStart =
  | { readonly type: 'TRIM_HORIZON' }
  | { readonly type: 'LATEST' }
  | { readonly type: 'AT_TIMESTAMP'; readonly timestamp: number }
  | { readonly type: 'AFTER_SEQUENCE_NUMBER'; readonly sequenceNumber: string };

/**
 * A consumer's position in one shard (plain JSON, mutable): the iterator to use next, and where to start a
 * new one if there is none (at first, or after ExpiredIteratorException — iterators last 5 minutes).
 */
export interface ShardCursor {
  readonly shardId: string;
  /** Iterator for the next GetRecords, or null when one must first be asked for. */
  iterator: string | null;
  /** Where a new iterator starts; moved past each record read. */
  start: CursorStart;
  /** True once a closed shard has been read to its end (GetRecords returned no next iterator). */
  ended: boolean;
}

/** A cursor at `start` that has not read anything yet. */
export function newCursor(shardId: string, start: CursorStart): ShardCursor {
  return { shardId, iterator: null, start, ended: false };
}

/** What one poll of a shard gave. */
export type PollOutcome =
  | {
      readonly status: 'records';
      /** Records in sequence-number order (possibly none). */
      readonly records: readonly KinesisRecord[];
      readonly millisBehindLatest: number;
      /** True when this read reached the end of a closed shard (SHARD_END). */
      readonly shardEnded: boolean;
    }
  /** Refused by the shard's read limits (GetRecords or GetShardIterator): try again later. */
  | { readonly status: 'throttled'; readonly error: KinesisError }
  /** The shard was already read to its end. */
  | { readonly status: 'ended' }
  /** Any other error (the shard expired, the stream is gone…). */
  | { readonly status: 'error'; readonly error: KinesisError };

/** What `pollShard` needs: the data plane, the clock, the metric store and who is reading. */
export interface PollRequest {
  readonly kinesis: KinesisState;
  readonly now: Millis;
  readonly metrics: MetricStore;
  readonly streamName: string;
  /** The consumer's name, the dimension of its lag metric. */
  readonly consumerName: string;
  readonly reads: ConsumerReadStats;
  /** GetRecords `Limit` (1–10,000). */
  readonly limit: number;
}

function iteratorRequest(streamName: string, cursor: ShardCursor) {
  const start = cursor.start;
  const ShardIteratorType: ShardIteratorType = start.type;
  return {
    StreamName: streamName,
    ShardId: cursor.shardId,
    ShardIteratorType,
    ...(start.type === 'AFTER_SEQUENCE_NUMBER' ? { StartingSequenceNumber: start.sequenceNumber } : {}),
    ...(start.type === 'AT_TIMESTAMP' ? { Timestamp: start.timestamp } : {}),
  };
}

/** The `MillisBehindLatest` metric of one consumer on one shard. */
export function lagMetricId(consumerName: string, shardId: string): MetricId {
  return {
    namespace: CONSUMERS_NAMESPACE,
    metricName: 'MillisBehindLatest',
    dimensions: { ConsumerName: consumerName, ShardId: shardId },
  };
}

/**
 * One GetRecords on the shard of `cursor` through the Kinesis model, as an SDK consumer does it: get an
 * iterator first if needed, read up to `limit` records, keep `NextShardIterator`, and on
 * ExpiredIteratorException get a fresh iterator after the last record read and try once more. Updates the
 * consumer's read counters and lag, and records its `MillisBehindLatest` metric; the Kinesis model records
 * the shard's own GetRecords.* and ReadProvisionedThroughputExceeded metrics.
 */
export function pollShard(request: PollRequest, cursor: ShardCursor): PollOutcome {
  if (cursor.ended) return { status: 'ended' };
  const { kinesis, now, metrics } = request;
  const stats = shardReadStats(request.reads, cursor.shardId);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (cursor.iterator === null) {
      const issued = getShardIterator(kinesis, iteratorRequest(request.streamName, cursor), now);
      if (!issued.ok) {
        return issued.error.code === 'ProvisionedThroughputExceededException'
          ? { status: 'throttled', error: issued.error }
          : { status: 'error', error: issued.error };
      }
      cursor.iterator = issued.value.ShardIterator;
    }
    stats.getRecordsCalls++;
    const read = getRecords(kinesis, { ShardIterator: cursor.iterator, Limit: request.limit }, now, metrics);
    if (!read.ok) {
      const code = read.error.code;
      if (code === 'ExpiredIteratorException') {
        cursor.iterator = null;
        continue;
      }
      if (code === 'ProvisionedThroughputExceededException') {
        stats.readThrottles++;
        return { status: 'throttled', error: read.error };
      }
      return { status: 'error', error: read.error };
    }
    const { Records, NextShardIterator, MillisBehindLatest } = read.value;
    cursor.iterator = NextShardIterator;
    const last = Records[Records.length - 1];
    if (last !== undefined) {
      cursor.start = { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: last.SequenceNumber };
      stats.iteratorAgeMilliseconds = now - last.ApproximateArrivalTimestamp;
      let bytes = 0;
      for (const record of Records) bytes += record.Data.length;
      stats.bytesRead += bytes;
      stats.kinesisRecordsRead += Records.length;
    }
    if (NextShardIterator === null) cursor.ended = true;
    stats.millisBehindLatest = MillisBehindLatest;
    stats.maxMillisBehindLatest = Math.max(stats.maxMillisBehindLatest, MillisBehindLatest);
    stats.lastReadAt = now;
    metrics.put(lagMetricId(request.consumerName, cursor.shardId), now, MillisBehindLatest, 'Milliseconds');
    return {
      status: 'records',
      records: Records,
      millisBehindLatest: MillisBehindLatest,
      shardEnded: NextShardIterator === null,
    };
  }
  return {
    status: 'error',
    error: {
      code: 'ExpiredIteratorException',
      message: `A fresh iterator for ${cursor.shardId} expired at once: the virtual clock jumped more than 5 minutes.`,
    },
  };
}
