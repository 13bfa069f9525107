import { ok, type Result } from '../core/index.ts';
import type { MetricStore } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import { liveRecordLog } from './record-log.ts';
import { kinesisFail } from './errors.ts';
import {
  decodeIterator,
  encodeIterator,
  ORDINALS_PER_HEAD,
  parseSequenceNumber,
  sequenceHead,
  sequenceNumberFromHead,
  sequencePrefix,
} from './sequence.ts';
import { isExpired, isOpen, trimShard } from './shard.ts';
import { findShard, findStream, limitsOf } from './stream.ts';
import { admitIteratorCall, admitRead, chargeRead, type ReadRefusal } from './throughput.ts';
import type { KinesisError, KinesisState, ShardState, StreamState } from './types.ts';

/** Where a new iterator starts. */
export type ShardIteratorType =
  'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'AT_TIMESTAMP';

/** GetShardIterator request; `Timestamp` is virtual-clock milliseconds (AT_TIMESTAMP). */
export interface GetShardIteratorRequest {
  readonly StreamName: string;
  readonly ShardId: string;
  readonly ShardIteratorType: ShardIteratorType;
  readonly StartingSequenceNumber?: string;
  readonly Timestamp?: number;
}

/**
 * A record as GetRecords returns it. `Data` is the very array the producer put (no copy): every consumer
 * of the shard sees the same bytes, so treat it as read-only.
 */
export interface KinesisRecord {
  readonly SequenceNumber: string;
  readonly ApproximateArrivalTimestamp: number;
  readonly Data: Uint8Array;
  readonly PartitionKey: string;
}

/** GetRecords request: `Limit` 1–10,000 (default 10,000). */
export interface GetRecordsRequest {
  readonly ShardIterator: string;
  readonly Limit?: number;
}

/** GetRecords response. `NextShardIterator` is null once a closed shard has been read to its end. */
export interface GetRecordsResponse {
  readonly Records: KinesisRecord[];
  readonly NextShardIterator: string | null;
  /** How far the position after this read is behind the newest record, in ms (0 when caught up). */
  readonly MillisBehindLatest: number;
}

function startOrdinal(shard: ShardState, request: GetShardIteratorRequest): Result<number, KinesisError> {
  switch (request.ShardIteratorType) {
    case 'TRIM_HORIZON':
      return ok(shard.firstOrdinal);
    case 'LATEST':
      return ok(shard.nextOrdinal);
    case 'AT_TIMESTAMP': {
      const at = request.Timestamp;
      if (typeof at !== 'number' || !Number.isFinite(at)) {
        return kinesisFail(
          'InvalidArgumentException',
          'AT_TIMESTAMP needs a Timestamp (virtual-clock milliseconds).',
          'Timestamp',
        );
      }
      return ok(shard.firstOrdinal + liveRecordLog(shard).firstArrivalAtOrAfter(at));
    }
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      const text = request.StartingSequenceNumber;
      const parsed = typeof text === 'string' ? parseSequenceNumber(text) : undefined;
      if (parsed === undefined || parsed.shardIndex !== shard.index || parsed.ordinal >= shard.nextOrdinal) {
        return kinesisFail(
          'InvalidArgumentException',
          `StartingSequenceNumber ${JSON.stringify(text)} is not a sequence number of ${shard.ShardId}: use one this shard returned.`,
          'StartingSequenceNumber',
        );
      }
      return ok(parsed.ordinal + (request.ShardIteratorType === 'AFTER_SEQUENCE_NUMBER' ? 1 : 0));
    }
    default:
      return kinesisFail(
        'ValidationException',
        `ShardIteratorType ${JSON.stringify(request.ShardIteratorType)} is not one of TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP.`,
        'ShardIteratorType',
      );
  }
}

/** The shard a request names, unless it has expired (a closed shard past its retention period). */
function liveShard(stream: StreamState, shardId: unknown, now: number): Result<ShardState, KinesisError> {
  const found = findShard(stream, shardId);
  if (found.ok && isExpired(found.value, now, stream.RetentionPeriodHours)) {
    return kinesisFail(
      'ResourceNotFoundException',
      `Shard ${found.value.ShardId} in stream ${stream.StreamName} has expired.`,
      'ShardId',
    );
  }
  return found;
}

/** GetShardIterator: an iterator valid for 5 minutes (5 calls per second per shard). */
export function getShardIterator(
  state: KinesisState,
  request: GetShardIteratorRequest,
  now: Millis,
): Result<{ ShardIterator: string }, KinesisError> {
  const stream = findStream(state, request.StreamName);
  if (!stream.ok) return stream;
  const shard = liveShard(stream.value, request.ShardId, now);
  if (!shard.ok) return shard;
  trimShard(shard.value, now, stream.value.RetentionPeriodHours);
  const start = startOrdinal(shard.value, request);
  if (!start.ok) return start;
  if (!admitIteratorCall(shard.value, now, limitsOf(state))) {
    return kinesisFail(
      'ProvisionedThroughputExceededException',
      `Rate exceeded for GetShardIterator on ${shard.value.ShardId} in stream ${stream.value.StreamName}: at most 5 calls per second per shard. Reuse NextShardIterator instead of asking for new iterators.`,
    );
  }
  const position = {
    streamName: stream.value.StreamName,
    shardIndex: shard.value.index,
    ordinal: start.value,
    issuedAt: now,
  };
  return ok({ ShardIterator: encodeIterator(position) });
}

const REFUSALS: Readonly<Record<ReadRefusal, string>> = {
  calls: 'more than 5 GetRecords calls per second',
  bytes: 'more than 2 MiB per second read, by all consumers together',
  penalty: 'a GetRecords call returned 10 MiB less than 5 seconds ago',
};

/**
 * GetRecords: the records after the iterator's position, up to `Limit` records and 10 MiB, in sequence
 * number order, with the next iterator and how far behind the tip this consumer is. Read limits are shared
 * by every consumer of the shard (see throughput.ts). `metrics`, when given, receives GetRecords.* and
 * ReadProvisionedThroughputExceeded.
 */
export function getRecords(
  state: KinesisState,
  request: GetRecordsRequest,
  now: Millis,
  metrics?: MetricStore,
): Result<GetRecordsResponse, KinesisError> {
  const limits = limitsOf(state);
  const position =
    typeof request.ShardIterator === 'string' ? decodeIterator(request.ShardIterator) : undefined;
  if (position === undefined) {
    return kinesisFail(
      'InvalidArgumentException',
      'ShardIterator is not an iterator from GetShardIterator or GetRecords.',
      'ShardIterator',
    );
  }
  if (now - position.issuedAt > limits.shardIteratorLifetimeMillis) {
    return kinesisFail(
      'ExpiredIteratorException',
      `Iterator expired. The iterator was created at time ${position.issuedAt} ms while right now it is ${now} ms, which is further in the future than the tolerated delay of ${limits.shardIteratorLifetimeMillis} milliseconds. Get a new iterator (for example AFTER_SEQUENCE_NUMBER of the last record processed).`,
      'ShardIterator',
    );
  }
  const limit = request.Limit ?? limits.getRecordsMaxRecords;
  if (!Number.isInteger(limit) || limit < 1 || limit > limits.getRecordsMaxRecords) {
    return kinesisFail(
      'InvalidArgumentException',
      `Limit must be a whole number from 1 to ${limits.getRecordsMaxRecords} (got ${String(limit)}).`,
      'Limit',
    );
  }
  const stream = findStream(state, position.streamName);
  if (!stream.ok) return stream;
  const shard = stream.value.shards.find((s) => s.index === position.shardIndex);
  if (shard === undefined || isExpired(shard, now, stream.value.RetentionPeriodHours)) {
    return kinesisFail(
      'ResourceNotFoundException',
      `The shard of this iterator no longer exists in stream ${stream.value.StreamName}.`,
      'ShardIterator',
    );
  }
  shard.totals.getRecordsCalls++;
  const refusal = admitRead(shard, now, limits);
  if (refusal !== undefined) {
    shard.totals.throttledGetRecordsCalls++;
    metrics?.put(shard.metricIds.readThrottled, now, 1, 'Count');
    return kinesisFail(
      'ProvisionedThroughputExceededException',
      `Rate exceeded for shard ${shard.ShardId} in stream ${stream.value.StreamName} under account ${state.accountId}: ${REFUSALS[refusal]}. Poll less often or add shards.`,
    );
  }
  trimShard(shard, now, stream.value.RetentionPeriodHours);
  let ordinal = Math.max(position.ordinal, shard.firstOrdinal);
  const log = liveRecordLog(shard);
  const count = log.length;
  const Records: KinesisRecord[] = [];
  let bytesRead = 0;
  let fullRead = false;
  let prefix = '';
  let prefixTime = -1;
  let head = '';
  let headBlock = -1;
  for (let i = ordinal - shard.firstOrdinal; i < count && Records.length < limit; i++) {
    const size = log.size(i);
    if (Records.length > 0 && bytesRead + size > limits.getRecordsMaxBytes) {
      fullRead = true;
      break;
    }
    bytesRead += size;
    const arrival = log.arrival(i);
    const recordOrdinal = shard.firstOrdinal + i;
    const block = Math.floor(recordOrdinal / ORDINALS_PER_HEAD);
    if (arrival !== prefixTime || block !== headBlock) {
      if (arrival !== prefixTime) prefix = sequencePrefix(arrival, shard.index);
      prefixTime = arrival;
      head = sequenceHead(prefix, block);
      headBlock = block;
    }
    Records.push({
      SequenceNumber: sequenceNumberFromHead(head, recordOrdinal),
      ApproximateArrivalTimestamp: arrival,
      Data: log.bytes(i),
      PartitionKey: log.key(i),
    });
  }
  ordinal += Records.length;
  chargeRead(shard, bytesRead, fullRead, now, limits);
  const caughtUp = ordinal >= shard.nextOrdinal;
  const last = Records[Records.length - 1];
  const age = last === undefined ? 0 : now - last.ApproximateArrivalTimestamp;
  shard.totals.outgoingRecords += Records.length;
  shard.totals.outgoingBytes += bytesRead;
  if (metrics !== undefined) {
    metrics.put(shard.metricIds.getRecordsRecords, now, Records.length, 'Count');
    metrics.put(shard.metricIds.getRecordsBytes, now, bytesRead, 'Bytes');
    metrics.put(shard.metricIds.iteratorAge, now, age, 'Milliseconds');
  }
  const NextShardIterator =
    !isOpen(shard) && caughtUp
      ? null
      : encodeIterator({ streamName: position.streamName, shardIndex: shard.index, ordinal, issuedAt: now });
  return ok({ Records, NextShardIterator, MillisBehindLatest: caughtUp ? 0 : age });
}
