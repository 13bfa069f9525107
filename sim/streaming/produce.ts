import type { MetricStore } from '../core/index.ts';
import type { Rng } from '../core/index.ts';
import type { SimContext } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import {
  PUT_RECORD_BATCH_MAX_BYTES,
  PUT_RECORD_BATCH_MAX_RECORDS,
  putRecordBatchAt,
  type FirehoseDeliverEvent,
  type FirehoseServices,
} from '../firehose/index.ts';
import { limitsOf, putRecords, type KinesisState, type PutRecordsRequestEntry } from '../kinesis/index.ts';
import { addUserRecordAt, type KplFlushEvent, type KplServices } from '../kpl/index.ts';
import { utf8Length } from '../kpl/index.ts';
import { limitOf, PRICE_BOOKS } from '../pricing/index.ts';
import { partitionKeyFor } from './keys.ts';
import { payloadUnits } from './producers-report.ts';
import { drawRecordBytes, rateAt } from './load-shape.ts';
import { recordData } from './payload.ts';
import { afterThrottle, noteError, PRODUCER_TICK_MS, type ProducerState } from './producer-state.ts';

/** Rounding slack when a tick's fractional records add up to a whole one. */
const CARRY_TOLERANCE = 1e-9;

/** Records about to be sent: data, partition key and failed attempts so far, as parallel columns. */
export interface OutgoingRecords {
  readonly data: Uint8Array[];
  readonly keys: string[];
  readonly attempts: number[];
}

/**
 * The records a producer sends at tick time `now`: first the throttled records whose back-off has ended,
 * then the new records of the tick that ends at `now` (rate at the tick's middle × `tickMs`, with the
 * fraction carried over). Each new record draws its partition key, then its size, from the generator; its
 * data is a log line stamped `startMs + now`, the calendar time of the clock (a resent record keeps its
 * line, as a real producer resends the same bytes).
 */
export function recordsForTick(
  producer: ProducerState,
  rng: Rng,
  now: number,
  tickMs: number = PRODUCER_TICK_MS,
  startMs = 0,
): OutgoingRecords {
  const out: OutgoingRecords = { data: [], keys: [], attempts: [] };
  if (producer.retrying.length > 0) {
    const waiting = [];
    for (const record of producer.retrying) {
      if (record.dueAtMs <= now) {
        out.data.push(record.data);
        out.keys.push(record.key);
        out.attempts.push(record.attempts);
      } else waiting.push(record);
    }
    producer.retrying = waiting;
  }
  const middleSeconds = (now - tickMs / 2) / 1000;
  const wanted = rateAt(producer.recordsPerSecond, producer.rate, middleSeconds) * (tickMs / 1000);
  const total = producer.carry + wanted;
  // A tenth is not exact in binary: ten ticks of 0.1 records sum to 0.9999999999999999, which must count
  // as the one record a rate of 1/s makes in a second.
  const count = Math.floor(total + CARRY_TOLERANCE);
  producer.carry = total - count;
  const withKeys = producer.target.kind === 'stream';
  for (let i = 0; i < count; i++) {
    const index = producer.nextIndex++;
    out.keys.push(withKeys ? partitionKeyFor(producer.partitionKeys, rng, index) : '');
    out.data.push(recordData(drawRecordBytes(producer.recordBytes, rng), index, startMs + now));
    out.attempts.push(0);
  }
  producer.stats.recordsOffered += count;
  return out;
}

/**
 * The end (exclusive) of the batch starting at `start`: at most `maxRecords` records and `maxBytes` bytes,
 * but always at least one record (an oversized one then gets the service's own error).
 */
function batchEnd(sizes: readonly number[], start: number, maxRecords: number, maxBytes: number): number {
  let end = start;
  let bytes = 0;
  while (
    end < sizes.length &&
    end - start < maxRecords &&
    (end === start || bytes + sizes[end]! <= maxBytes)
  ) {
    bytes += sizes[end]!;
    end++;
  }
  return end;
}

/** Sends records to a Kinesis stream in PutRecords calls; throttled entries are retried or dropped. */
export function sendToStream(
  kinesis: KinesisState,
  metrics: MetricStore,
  producer: ProducerState,
  records: OutgoingRecords,
  now: Millis,
): void {
  const limits = limitsOf(kinesis);
  const unitBytes = limitOf(PRICE_BOOKS[kinesis.era], 'kinesis.putPayloadUnitBytes').value;
  const n = records.data.length;
  const sizes = new Array<number>(n);
  for (let i = 0; i < n; i++) sizes[i] = records.data[i]!.length + utf8Length(records.keys[i]!);
  const stats = producer.stats;
  for (let start = 0; start < n;) {
    const end = batchEnd(sizes, start, limits.putRecordsMaxRecords, limits.putRecordsMaxBytes);
    const entries: PutRecordsRequestEntry[] = new Array<PutRecordsRequestEntry>(end - start);
    for (let i = start; i < end; i++)
      entries[i - start] = { Data: records.data[i]!, PartitionKey: records.keys[i]! };
    stats.putCalls++;
    const response = putRecords(
      kinesis,
      { StreamName: producer.target.name, Records: entries },
      now,
      metrics,
    );
    if (!response.ok) noteError(producer, response.error, end - start, now);
    else {
      const results = response.value.Records;
      for (let i = start; i < end; i++) {
        if ('ErrorCode' in results[i - start]!) {
          afterThrottle(producer, records.data[i]!, records.keys[i]!, records.attempts[i]! + 1, now);
        } else {
          stats.recordsAccepted++;
          stats.bytesAccepted += sizes[i]!;
          stats.putPayloadUnits += payloadUnits(sizes[i]!, unitBytes);
        }
      }
    }
    start = end;
  }
}

/**
 * Sends records to a Firehose delivery stream in PutRecordBatch calls (≤ 500 records, ≤ 4 MiB). A call
 * refused for the calls-per-second limit and entries refused for the records or bytes limit are all
 * ServiceUnavailableException ("Slow down."): throttling, retried or dropped like Kinesis throttling.
 */
export function sendToDeliveryStream(
  ctx: SimContext<FirehoseDeliverEvent, FirehoseServices>,
  producer: ProducerState,
  records: OutgoingRecords,
): void {
  const n = records.data.length;
  const sizes = records.data.map((d) => d.length);
  const stats = producer.stats;
  for (let start = 0; start < n;) {
    const end = batchEnd(sizes, start, PUT_RECORD_BATCH_MAX_RECORDS, PUT_RECORD_BATCH_MAX_BYTES);
    const batch = records.data.slice(start, end).map((Data) => ({ Data }));
    stats.putCalls++;
    const response = putRecordBatchAt(ctx, {
      DeliveryStreamName: producer.target.name,
      Records: batch,
    });
    if (!response.ok) {
      if (response.error.code === 'ServiceUnavailableException') {
        for (let i = start; i < end; i++)
          afterThrottle(producer, records.data[i]!, '', records.attempts[i]! + 1, ctx.now);
      } else noteError(producer, response.error, end - start, ctx.now);
    } else {
      const entries = response.value.RequestResponses;
      for (let i = start; i < end; i++) {
        if (entries[i - start]!.ErrorCode !== undefined) {
          afterThrottle(producer, records.data[i]!, '', records.attempts[i]! + 1, ctx.now);
        } else {
          stats.recordsAccepted++;
          stats.bytesAccepted += sizes[i]!;
        }
      }
    }
    start = end;
  }
}

/**
 * Hands records to the producer's KPL instance (addUserRecord); the KPL aggregates, collects, sends,
 * retries and expires them on its own flush timer. A record the KPL refuses (too large, bad key) is an error.
 */
export function sendThroughKpl(
  ctx: SimContext<KplFlushEvent, KplServices>,
  producer: ProducerState,
  records: OutgoingRecords,
): void {
  for (let i = 0; i < records.data.length; i++) {
    const added = addUserRecordAt(ctx, producer.name, {
      PartitionKey: records.keys[i]!,
      Data: records.data[i]!,
    });
    if (!added.ok) noteError(producer, added.error, 1, ctx.now);
  }
}
