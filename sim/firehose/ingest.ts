import { fail, ok, type Result, type SimError } from '../core/index.ts';
import { MIB } from '../core/index.ts';
import { PUT_RECORD_BATCH_MAX_BYTES, PUT_RECORD_BATCH_MAX_RECORDS } from './config.ts';
import type { DeliveryStreamState, FirehoseState } from './state.ts';

/** A record as PutRecord and PutRecordBatch take it. */
export interface FirehoseRecord {
  readonly Data: Uint8Array;
}

/** One entry of a PutRecordBatch response: a RecordId, or an ErrorCode and ErrorMessage. */
export interface PutRecordBatchResponseEntry {
  readonly RecordId?: string;
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
}

/** A PutRecordBatch response: entries in request order. */
export interface PutRecordBatchOutput {
  readonly FailedPutCount: number;
  readonly RequestResponses: readonly PutRecordBatchResponseEntry[];
}

const SLOW_DOWN = 'Slow down.';

function findStream(firehose: FirehoseState, name: string): Result<DeliveryStreamState> {
  const stream = firehose.deliveryStreams[name];
  if (stream) return ok(stream);
  return fail({
    code: 'ResourceNotFoundException',
    message: `Delivery stream "${name}" does not exist: create it first or check the name.`,
    path: 'DeliveryStreamName',
  });
}

/**
 * Direct-PUT limits are counted in whole seconds of virtual time: a new second starts a fresh allowance of
 * 2,000 calls, 5,000 records and 5 MiB (2016). This is how "per second" limits read in AWS's documents; the
 * real service smooths over a rolling window, which the UI states as an approximation.
 */
function openWindow(stream: DeliveryStreamState, now: number): void {
  const second = Math.floor(now / 1000);
  if (stream.window.second !== second) stream.window = { second, requests: 0, records: 0, bytes: 0 };
}

function tooLarge(stream: DeliveryStreamState, data: Uint8Array, path: string): SimError | undefined {
  if (data.length <= stream.limits.maxRecordBytes) return undefined;
  return {
    code: 'InvalidArgumentException',
    message: `A record is ${data.length.toLocaleString('en-US')} bytes; Firehose records may be at most ${stream.limits.maxRecordBytes.toLocaleString('en-US')} bytes (1,000 KB) before base64 encoding.`,
    path,
  };
}

function requestThrottled(stream: DeliveryStreamState, name: string): SimError | undefined {
  if (stream.window.requests < stream.limits.requestsPerSecond) {
    stream.window.requests++;
    return undefined;
  }
  stream.stats.throttledCalls++;
  return {
    code: 'ServiceUnavailableException',
    message: `${SLOW_DOWN} Delivery stream "${name}" already took ${stream.limits.requestsPerSecond.toLocaleString('en-US')} calls this second; back off and retry, or batch records with PutRecordBatch.`,
  };
}

/** Takes one record into the buffer if this second's record and byte allowance has room. */
function accept(stream: DeliveryStreamState, data: Uint8Array, now: number): string | undefined {
  const window = stream.window;
  if (
    window.records + 1 > stream.limits.recordsPerSecond ||
    window.bytes + data.length > stream.limits.bytesPerSecond
  ) {
    stream.stats.attemptsThrottled++;
    return undefined;
  }
  window.records++;
  window.bytes += data.length;
  const buffer = stream.buffer;
  if (buffer.records.length === 0) buffer.oldestArrivalMs = now;
  buffer.records.push(data);
  buffer.bytes += data.length;
  const stats = stream.stats;
  stats.incomingRecords++;
  stats.incomingBytes += data.length;
  const increment = stream.limits.billingIncrementBytes;
  stats.billedBytes += Math.max(1, Math.ceil(data.length / increment)) * increment;
  return `${stream.config.DeliveryStreamName}-${(stream.nextRecordId++).toString(16).padStart(12, '0')}`;
}

/**
 * PutRecord: one record into the delivery stream's buffer. Over the calls-per-second, records-per-second
 * or bytes-per-second limit the whole call fails with ServiceUnavailableException ("Slow down.").
 */
export function putRecord(
  firehose: FirehoseState,
  input: { readonly DeliveryStreamName: string; readonly Record: FirehoseRecord },
  now: number,
): Result<{ readonly RecordId: string }> {
  const found = findStream(firehose, input.DeliveryStreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const large = tooLarge(stream, input.Record.Data, 'Record.Data');
  if (large) return fail(large);
  openWindow(stream, now);
  const throttled = requestThrottled(stream, input.DeliveryStreamName);
  if (throttled) return fail(throttled);
  stream.stats.putRecordCalls++;
  const id = accept(stream, input.Record.Data, now);
  if (id === undefined) {
    return fail({
      code: 'ServiceUnavailableException',
      message: `${SLOW_DOWN} Delivery stream "${input.DeliveryStreamName}" is over its ${stream.limits.recordsPerSecond.toLocaleString('en-US')} records/s or ${(stream.limits.bytesPerSecond / MIB).toLocaleString('en-US')} MB/s Direct-PUT limit.`,
    });
  }
  return ok({ RecordId: id });
}

/**
 * PutRecordBatch: up to 500 records and 4 MiB per call, each record at most 1,000 KiB (a call breaking
 * these fails whole with InvalidArgumentException). Records over this second's records or bytes allowance
 * fail one by one with ErrorCode ServiceUnavailableException; the rest are buffered. Like the real API it
 * never fails part-way silently: `FailedPutCount` says how many entries to resend.
 */
export function putRecordBatch(
  firehose: FirehoseState,
  input: { readonly DeliveryStreamName: string; readonly Records: readonly FirehoseRecord[] },
  now: number,
): Result<PutRecordBatchOutput> {
  const found = findStream(firehose, input.DeliveryStreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const records = input.Records;
  if (records.length < 1 || records.length > PUT_RECORD_BATCH_MAX_RECORDS) {
    return fail({
      code: 'InvalidArgumentException',
      message: `PutRecordBatch takes 1 to ${PUT_RECORD_BATCH_MAX_RECORDS} records; this call has ${records.length}. Split it into several calls.`,
      path: 'Records',
    });
  }
  let total = 0;
  for (let i = 0; i < records.length; i++) {
    const large = tooLarge(stream, records[i]!.Data, `Records[${i}].Data`);
    if (large) return fail(large);
    total += records[i]!.Data.length;
  }
  if (total > PUT_RECORD_BATCH_MAX_BYTES) {
    return fail({
      code: 'InvalidArgumentException',
      message: `PutRecordBatch takes at most 4 MB (${PUT_RECORD_BATCH_MAX_BYTES.toLocaleString('en-US')} bytes) per call; this one has ${total.toLocaleString('en-US')}. Send fewer records per call.`,
      path: 'Records',
    });
  }
  openWindow(stream, now);
  const throttled = requestThrottled(stream, input.DeliveryStreamName);
  if (throttled) return fail(throttled);
  stream.stats.putRecordBatchCalls++;
  let failed = 0;
  const responses = records.map((record): PutRecordBatchResponseEntry => {
    const id = accept(stream, record.Data, now);
    if (id !== undefined) return { RecordId: id };
    failed++;
    return { ErrorCode: 'ServiceUnavailableException', ErrorMessage: SLOW_DOWN };
  });
  return ok({ FailedPutCount: failed, RequestResponses: responses });
}
