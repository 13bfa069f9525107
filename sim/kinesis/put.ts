import { ok, type Result } from '../core/index.ts';
import type { MetricStore } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import { liveRecordLog } from './record-log.ts';
import { checkExplicitHashKey, checkPartitionKey } from './checks.ts';
import { utf8Length } from './data.ts';
import { kinesisFail } from './errors.ts';
import {
  countThrottled,
  countWritten,
  firstTouch,
  forEachShardSum,
  routeByHashKey,
  routeByPartitionKey,
  routedSizeOf,
  routedSlot,
  routeTable,
  sequenceNumberInSlot,
  setRoutedSize,
  startShardSums,
  throttleMessageOf,
} from './fast-route.ts';
import { sequenceNumber, sequencePrefix } from './sequence.ts';
import { trimShard } from './shard.ts';
import { findStream, limitsOf } from './stream.ts';
import { refillWrite, takeWrite } from './throughput.ts';
import type { KinesisError, KinesisState, ShardState, StreamState } from './types.ts';

/** One record of a PutRecords request (the AWS shape). */
export interface PutRecordsRequestEntry {
  readonly Data: Uint8Array;
  readonly PartitionKey: string;
  /** Decimal hash key that replaces the partition key's MD5 for routing. */
  readonly ExplicitHashKey?: string;
}

/** PutRecords request. */
export interface PutRecordsRequest {
  readonly StreamName: string;
  readonly Records: readonly PutRecordsRequestEntry[];
}

/** A written record's place. */
export interface PutRecordsResultSuccess {
  readonly ShardId: string;
  readonly SequenceNumber: string;
}

/** A throttled record: resend it (and only it). */
export interface PutRecordsResultFailure {
  readonly ErrorCode: 'ProvisionedThroughputExceededException';
  readonly ErrorMessage: string;
}

/** One entry of the response, in request order. */
export type PutRecordsResultEntry = PutRecordsResultSuccess | PutRecordsResultFailure;

/** PutRecords response: never all-or-nothing. */
export interface PutRecordsResponse {
  readonly FailedRecordCount: number;
  readonly Records: PutRecordsResultEntry[];
}

/** PutRecord request: one record. */
export interface PutRecordRequest extends PutRecordsRequestEntry {
  readonly StreamName: string;
}

/**
 * Checks every record of a request (key length, data, ExplicitHashKey, record size) and routes it (its hash
 * key is the MD5 of its partition key, or its ExplicitHashKey); the first problem fails the whole request,
 * as AWS validation does. Returns the request's size in bytes.
 */
function validateEntries(
  state: KinesisState,
  stream: StreamState,
  records: readonly PutRecordsRequestEntry[],
  field: (i: number) => string,
): Result<number, KinesisError> {
  const limits = limitsOf(state);
  let total = 0;
  for (let i = 0; i < records.length; i++) {
    const entry = records[i]!;
    const key = entry.PartitionKey;
    // Code points never outnumber UTF-16 units, so a key whose units are within the limit passes the check:
    // only other keys go through it, and the hot path builds no member names for messages it will not show.
    if (typeof key !== 'string' || key.length < 1 || key.length > limits.partitionKeyMaxLength) {
      const keyChecked = checkPartitionKey(
        key,
        limits.partitionKeyMaxLength,
        `${field(i)}.partitionKey`,
        `${field(i)}.PartitionKey`,
      );
      if (!keyChecked.ok) return keyChecked;
    }
    if (!(entry.Data instanceof Uint8Array)) {
      return kinesisFail(
        'ValidationException',
        `Value at '${field(i)}.data' must be bytes (a Uint8Array).`,
        `${field(i)}.Data`,
      );
    }
    let keyBytes: number;
    if (entry.ExplicitHashKey === undefined) keyBytes = routeByPartitionKey(i, key);
    else {
      const explicit = checkExplicitHashKey(
        entry.ExplicitHashKey,
        `${field(i)}.explicitHashKey`,
        `${field(i)}.ExplicitHashKey`,
      );
      if (!explicit.ok) return explicit;
      routeByHashKey(i, explicit.value);
      keyBytes = utf8Length(key);
    }
    const size = entry.Data.byteLength + keyBytes;
    if (size > stream.maxRecordBytes) {
      return kinesisFail(
        'ValidationException',
        `1 validation error detected: ${field(i)} is ${size.toLocaleString('en-US')} bytes (data ${entry.Data.byteLength.toLocaleString('en-US')} + partition key ${keyBytes}); a record may be at most ${stream.maxRecordBytes.toLocaleString('en-US')} bytes including its partition key. Split the payload or store it in S3 and send a pointer.`,
        `${field(i)}.Data`,
      );
    }
    setRoutedSize(i, size);
    total += size;
  }
  return ok(total);
}

/**
 * Writes a validated record to its shard and returns its ordinal there (its sequence number is built
 * from the ordinal and `shard.seqPrefix`), or -1 when the shard throttles it.
 */
function writeRecord(
  stream: StreamState,
  entry: PutRecordsRequestEntry,
  shard: ShardState,
  size: number,
  now: number,
): number {
  if (!takeWrite(shard, size)) {
    shard.totals.attemptsThrottled++;
    return -1;
  }
  const arrival = now > shard.lastArrival ? now : shard.lastArrival;
  if (arrival !== shard.seqPrefixTime) {
    shard.seqPrefix = sequencePrefix(arrival, shard.index);
    shard.seqPrefixTime = arrival;
  }
  shard.lastArrival = arrival;
  const ordinal = shard.nextOrdinal++;
  trimShard(shard, now, stream.RetentionPeriodHours);
  liveRecordLog(shard).append(arrival, entry.Data, entry.PartitionKey, size);
  shard.totals.incomingRecords++;
  shard.totals.incomingBytes += size;
  return ordinal;
}

/** Records one CloudWatch sample per shard the request touched rather than one per record. */
function recordWriteMetrics(metrics: MetricStore, now: Millis, shards: readonly ShardState[]): void {
  forEachShardSum((slot, records, bytes, throttled) => {
    const ids = shards[slot]!.metricIds;
    if (records > 0) {
      metrics.put(ids.incomingRecords, now, records, 'Count');
      metrics.put(ids.incomingBytes, now, bytes, 'Bytes');
    }
    if (throttled > 0) metrics.put(ids.writeThrottled, now, throttled, 'Count');
  });
}

/**
 * PutRecords: up to 500 records (5 MiB in 2016, 10 MiB today), each routed by the MD5 of its partition key
 * (or its ExplicitHashKey) to the open shard whose range holds it. Records a shard cannot take this second
 * fail individually with ProvisionedThroughputExceededException; the others are written. A malformed
 * request fails whole. `metrics`, when given, receives the CloudWatch metrics of each shard.
 */
export function putRecords(
  state: KinesisState,
  request: PutRecordsRequest,
  now: Millis,
  metrics?: MetricStore,
): Result<PutRecordsResponse, KinesisError> {
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const limits = limitsOf(state);
  const records = request.Records;
  if (!Array.isArray(records) || records.length < 1 || records.length > limits.putRecordsMaxRecords) {
    const got = Array.isArray(records) ? String(records.length) : 'no list';
    return kinesisFail(
      'ValidationException',
      `1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length between 1 and ${limits.putRecordsMaxRecords} (got ${got}). Send larger batches as several PutRecords calls.`,
      'Records',
    );
  }
  const checked = validateEntries(state, stream, records, (i) => `Records[${i}]`);
  if (!checked.ok) return checked;
  if (checked.value > limits.putRecordsMaxBytes) {
    return kinesisFail(
      'InvalidArgumentException',
      `The PutRecords request is ${checked.value.toLocaleString('en-US')} bytes including partition keys; the limit is ${limits.putRecordsMaxBytes.toLocaleString('en-US')} bytes. Send fewer records per call.`,
      'Records',
    );
  }
  const results: PutRecordsResultEntry[] = new Array<PutRecordsResultEntry>(records.length);
  const table = routeTable(stream);
  startShardSums();
  let failed = 0;
  for (let i = 0; i < records.length; i++) {
    const slot = routedSlot(table, i);
    const shard = table.shards[slot]!;
    // A shard's bucket refills once per request: every record of a request arrives at the same instant.
    if (firstTouch(slot)) refillWrite(shard, now, limits);
    const size = routedSizeOf(i);
    const ordinal = writeRecord(stream, records[i]!, shard, size, now);
    if (ordinal < 0) {
      failed++;
      countThrottled(slot);
      results[i] = {
        ErrorCode: 'ProvisionedThroughputExceededException',
        ErrorMessage: throttleMessageOf(state.accountId, stream.StreamName, shard),
      };
    } else {
      countWritten(slot, size);
      results[i] = {
        ShardId: shard.ShardId,
        SequenceNumber: sequenceNumberInSlot(slot, shard.seqPrefix, ordinal),
      };
    }
  }
  if (metrics !== undefined) recordWriteMetrics(metrics, now, table.shards);
  return ok({ FailedRecordCount: failed, Records: results });
}

/**
 * PutRecord: one record. Unlike PutRecords, a throttled record fails the whole call with
 * ProvisionedThroughputExceededException.
 */
export function putRecord(
  state: KinesisState,
  request: PutRecordRequest,
  now: Millis,
  metrics?: MetricStore,
): Result<PutRecordsResultSuccess, KinesisError> {
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const checked = validateEntries(state, stream, [request], () => 'record');
  if (!checked.ok) return checked;
  const table = routeTable(stream);
  const shard = table.shards[routedSlot(table, 0)]!;
  refillWrite(shard, now, limitsOf(state));
  const size = routedSizeOf(0);
  const ordinal = writeRecord(stream, request, shard, size, now);
  if (metrics !== undefined) {
    const ids = shard.metricIds;
    if (ordinal < 0) metrics.put(ids.writeThrottled, now, 1, 'Count');
    else {
      metrics.put(ids.incomingRecords, now, 1, 'Count');
      metrics.put(ids.incomingBytes, now, size, 'Bytes');
    }
  }
  if (ordinal < 0) {
    return kinesisFail(
      'ProvisionedThroughputExceededException',
      throttleMessageOf(state.accountId, stream.StreamName, shard),
    );
  }
  return ok({ ShardId: shard.ShardId, SequenceNumber: sequenceNumber(shard.seqPrefix, ordinal) });
}
