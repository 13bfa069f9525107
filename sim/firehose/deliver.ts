import type { Rng } from '../core/index.ts';
import { bytes, MIB, millis } from '../core/index.ts';
import { putObject } from '../s3/index.ts';
import type { S3State } from '../s3/index.ts';
import { compressObject } from './compression.ts';
import { deliveryObjectKey, randomObjectId } from './object-key.ts';
import type { DeliveryLogEntry, DeliveryStreamState, FirehoseState } from './state.ts';

/**
 * Wait before retrying a failed S3 delivery. Firehose retries for up to 24 h (AWS-FACTS §3) without
 * publishing its schedule; 5 s is the model's choice.
 */
export const DELIVERY_RETRY_MS = 5000;

/** Buffer size at which the size hint fires (SizeInMBs in MiB, measured before compression). */
export function bufferSizeLimitBytes(stream: DeliveryStreamState): number {
  return stream.config.BufferingHints.SizeInMBs * MIB;
}

/**
 * When the stream will next deliver, or null with an empty buffer: now once the size hint is reached,
 * otherwise when the interval hint runs out. The interval timer starts when a record enters an empty
 * buffer (the model's reading of "whichever is reached first").
 */
export function nextDeliveryAt(stream: DeliveryStreamState, now: number): number | null {
  const buffer = stream.buffer;
  if (buffer.records.length === 0 || buffer.oldestArrivalMs === null) return null;
  const due =
    buffer.bytes >= bufferSizeLimitBytes(stream)
      ? now
      : Math.max(now, buffer.oldestArrivalMs + stream.config.BufferingHints.IntervalInSeconds * 1000);
  return stream.deliveryError ? Math.max(due, stream.deliveryError.retryAtMs) : due;
}

/** The earliest {@link nextDeliveryAt} over all delivery streams: when a handler should call deliverDue. */
export function nextFirehoseDeliveryAt(firehose: FirehoseState, now: number): number | null {
  let next: number | null = null;
  for (const stream of Object.values(firehose.deliveryStreams)) {
    const at = nextDeliveryAt(stream, now);
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}

/** The buffer as the console's "filling while the interval timer runs" view shows it. */
export interface BufferStatus {
  readonly bufferedRecords: number;
  readonly bufferedBytes: number;
  readonly sizeLimitBytes: number;
  /** bufferedBytes ÷ sizeLimitBytes, capped at 1. */
  readonly fillFraction: number;
  /** When the interval timer started (the oldest buffered record's arrival), or null when empty. */
  readonly intervalStartedAtMs: number | null;
  readonly intervalMs: number;
  /** Time left before the interval hint fires, or null when the buffer is empty. */
  readonly msUntilInterval: number | null;
  readonly nextDeliveryAtMs: number | null;
}

/** Buffer fill level and interval timer of one delivery stream at `now`. */
export function bufferStatus(stream: DeliveryStreamState, now: number): BufferStatus {
  const limit = bufferSizeLimitBytes(stream);
  const intervalMs = stream.config.BufferingHints.IntervalInSeconds * 1000;
  const started = stream.buffer.records.length > 0 ? stream.buffer.oldestArrivalMs : null;
  return {
    bufferedRecords: stream.buffer.records.length,
    bufferedBytes: stream.buffer.bytes,
    sizeLimitBytes: limit,
    fillFraction: Math.min(1, stream.buffer.bytes / limit),
    intervalStartedAtMs: started,
    intervalMs,
    msUntilInterval: started === null ? null : Math.max(0, started + intervalMs - now),
    nextDeliveryAtMs: nextDeliveryAt(stream, now),
  };
}

function concatenate(records: readonly Uint8Array[], bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let offset = 0;
  for (const record of records) {
    out.set(record, offset);
    offset += record.length;
  }
  return out;
}

/**
 * Writes one stream's buffer to S3 as one object; returns its log entry, or null if S3 refused it. The key
 * and the ZIP entry time are calendar times: virtual time plus `clockStartsAtMs`.
 */
function deliver(
  stream: DeliveryStreamState,
  s3: S3State,
  rng: Rng,
  now: number,
  clockStartsAtMs: number,
): DeliveryLogEntry | null {
  const buffer = stream.buffer;
  const oldest = buffer.oldestArrivalMs ?? now;
  const trigger = buffer.bytes >= bufferSizeLimitBytes(stream) ? 'size' : 'interval';
  const key = deliveryObjectKey(
    stream.config,
    stream.DeliveryStreamVersion,
    clockStartsAtMs + oldest,
    randomObjectId(rng),
  );
  const data = concatenate(buffer.records, buffer.bytes);
  const name = key.slice(key.lastIndexOf('/') + 1);
  const object = compressObject(data, stream.config.CompressionFormat, name, clockStartsAtMs + now);
  const put = putObject(
    s3,
    {
      Bucket: stream.config.BucketName,
      Key: key,
      Body: object.body,
      ContentType: object.contentType,
      ...(object.contentEncoding === undefined ? {} : { ContentEncoding: object.contentEncoding }),
    },
    millis(now),
  );
  if (!put.ok) {
    stream.deliveryError = {
      message: `Delivery to s3://${stream.config.BucketName} failed (${put.error.code}): ${put.error.message} Firehose keeps the data and retries for up to 24 hours.`,
      retryAtMs: now + DELIVERY_RETRY_MS,
    };
    return null;
  }
  const entry: DeliveryLogEntry = {
    key,
    records: buffer.records.length,
    bytes: bytes(buffer.bytes),
    compressedBytes: bytes(object.body.length),
    deliveredAtMs: millis(now),
    trigger,
  };
  stream.buffer = { records: [], bytes: 0, oldestArrivalMs: null };
  stream.deliveryError = null;
  stream.deliveries.push(entry);
  stream.stats.deliveredRecords += entry.records;
  stream.stats.deliveredBytes += entry.bytes;
  stream.stats.deliveredCompressedBytes += entry.compressedBytes;
  return entry;
}

/**
 * Delivers every stream whose size or interval hint has fired by `now` (streams in name order, so the
 * random object ids are drawn in a fixed order). Records are concatenated as they are — Firehose adds no
 * delimiter — then compressed as configured and written to S3 under the Firehose key. Returns the new
 * log entries. Call it after each put and at {@link nextFirehoseDeliveryAt}.
 */
export function deliverDue(firehose: FirehoseState, s3: S3State, rng: Rng, now: number): DeliveryLogEntry[] {
  const delivered: DeliveryLogEntry[] = [];
  for (const name of Object.keys(firehose.deliveryStreams).sort()) {
    const stream = firehose.deliveryStreams[name]!;
    const at = nextDeliveryAt(stream, now);
    if (at === null || at > now) continue;
    const entry = deliver(stream, s3, rng, now, firehose.clockStartsAtMs);
    if (entry) delivered.push(entry);
  }
  return delivered;
}
