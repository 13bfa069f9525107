import { fail, ok, type Result } from '../core/index.ts';
import type { Bytes, BytesPerSecond, CallsPerSecond, Millis, RecordsPerSecond } from '../core/index.ts';
import { limitOf } from '../pricing/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import type { S3State } from '../s3/index.ts';
import {
  validateDeliveryStream,
  type CreateDeliveryStreamInput,
  type DeliveryStreamConfig,
} from './config.ts';

/** One object Firehose wrote to S3: what the scenario report lists under `deliveries[]`. */
export interface DeliveryLogEntry {
  readonly key: string;
  /** Records concatenated into the object. */
  readonly records: number;
  /** Bytes before compression. */
  readonly bytes: Bytes;
  /** Bytes of the S3 object (equal to `bytes` when UNCOMPRESSED). */
  readonly compressedBytes: Bytes;
  readonly deliveredAtMs: Millis;
  /** Which buffering hint fired first. */
  readonly trigger: 'size' | 'interval';
}

/** The Direct-PUT limits of one delivery stream, taken from the price book of the era. */
export interface DirectPutLimits {
  readonly requestsPerSecond: CallsPerSecond;
  readonly recordsPerSecond: RecordsPerSecond;
  readonly bytesPerSecond: BytesPerSecond;
  readonly maxRecordBytes: Bytes;
  /** Each record is billed rounded up to a multiple of this (5 KB). */
  readonly billingIncrementBytes: Bytes;
}

/** Running totals of one delivery stream. */
export interface DeliveryStreamStats {
  putRecordCalls: number;
  putRecordBatchCalls: number;
  /** Calls refused whole for exceeding the requests-per-second limit. */
  throttledCalls: number;
  incomingRecords: number;
  incomingBytes: number;
  /** Ingested bytes as billed: each record rounded up to 5 KB. */
  billedBytes: number;
  /**
   * Record entries refused with ServiceUnavailableException (records/s or bytes/s limit): put attempts, so
   * a record resent and refused again counts twice; records of calls refused whole are in throttledCalls.
   */
  attemptsThrottled: number;
  deliveredRecords: number;
  deliveredBytes: number;
  deliveredCompressedBytes: number;
}

/** One delivery stream: configuration, the buffer filling up, the per-second throttle window and the log. */
export interface DeliveryStreamState {
  readonly config: DeliveryStreamConfig;
  /** Starts at 1; would increase with every configuration change (FH17). */
  readonly DeliveryStreamVersion: number;
  readonly createdAtMs: number;
  readonly limits: DirectPutLimits;
  /** Records waiting for delivery, in arrival order, and their total size before compression. */
  buffer: { records: Uint8Array[]; bytes: number; oldestArrivalMs: number | null };
  /** Usage within the current whole second of virtual time (see ingest.ts). */
  window: { second: number; requests: number; records: number; bytes: number };
  /** Set when the last delivery attempt failed (the bucket is gone); delivery is retried from `retryAtMs`. */
  deliveryError: { message: string; retryAtMs: number } | null;
  nextRecordId: number;
  readonly stats: DeliveryStreamStats;
  readonly deliveries: DeliveryLogEntry[];
}

/** Every delivery stream of the simulated account and region, by name. */
export interface FirehoseState {
  readonly deliveryStreams: Record<string, DeliveryStreamState>;
  /**
   * The UTC time (ms since 1970) the virtual clock's zero stands for: S3 keys and ZIP entry times are
   * written in calendar time, everything else in virtual time.
   */
  clockStartsAtMs: number;
  /** Time of the pending `firehose.deliver` event in a simulation (module.ts), or null when none is pending. */
  deliveryTimerAtMs: number | null;
}

/** An account with no delivery streams, its clock's zero at `clockStartsAtMs` (UTC ms). */
export function createFirehoseState(clockStartsAtMs = 0): FirehoseState {
  return { deliveryStreams: {}, deliveryTimerAtMs: null, clockStartsAtMs };
}

/**
 * Delivery streams per region: 20 in 2016 (BF16, row 49); 5,000 in today's API model (BFnow). Not in
 * sim/pricing, so stated here with its source.
 */
export function maxDeliveryStreams(book: PriceBook): number {
  return book.id === '2016' ? 20 : 5000;
}

/**
 * Creates a delivery stream (CreateDeliveryStream): validates the configuration for the era, checks the
 * destination bucket exists and the stream name is free, and takes the Direct-PUT limits from the book.
 */
export function createDeliveryStream(
  firehose: FirehoseState,
  s3: S3State,
  input: CreateDeliveryStreamInput,
  book: PriceBook,
  now: number,
): Result<DeliveryStreamState> {
  const config = validateDeliveryStream(input, book);
  if (!config.ok) return config;
  const name = config.value.DeliveryStreamName;
  if (firehose.deliveryStreams[name]) {
    return fail({
      code: 'ResourceInUseException',
      message: `A delivery stream named "${name}" already exists; choose another name.`,
      path: 'DeliveryStreamName',
    });
  }
  const limit = maxDeliveryStreams(book);
  if (Object.keys(firehose.deliveryStreams).length >= limit) {
    return fail({
      code: 'LimitExceededException',
      message: `The account already has ${limit} delivery streams, the most allowed per region in the "${book.label}" era.`,
      path: 'DeliveryStreamName',
    });
  }
  if (!s3.buckets[config.value.BucketName]) {
    return fail({
      code: 'InvalidArgumentException',
      message: `The destination bucket "${config.value.BucketName}" does not exist: create it in S3 first.`,
      path: 'S3DestinationConfiguration.BucketName',
    });
  }
  const stream: DeliveryStreamState = {
    config: config.value,
    DeliveryStreamVersion: 1,
    createdAtMs: now,
    limits: {
      requestsPerSecond: limitOf(book, 'firehose.directPutRequestsPerSecond').value,
      recordsPerSecond: limitOf(book, 'firehose.directPutRecordsPerSecond').value,
      bytesPerSecond: limitOf(book, 'firehose.directPutBytesPerSecond').value,
      maxRecordBytes: limitOf(book, 'firehose.maxRecordBytes').value,
      billingIncrementBytes: limitOf(book, 'firehose.billingIncrementBytes').value,
    },
    buffer: { records: [], bytes: 0, oldestArrivalMs: null },
    window: { second: Math.floor(now / 1000), requests: 0, records: 0, bytes: 0 },
    deliveryError: null,
    nextRecordId: 0,
    stats: {
      putRecordCalls: 0,
      putRecordBatchCalls: 0,
      throttledCalls: 0,
      incomingRecords: 0,
      incomingBytes: 0,
      billedBytes: 0,
      attemptsThrottled: 0,
      deliveredRecords: 0,
      deliveredBytes: 0,
      deliveredCompressedBytes: 0,
    },
    deliveries: [],
  };
  firehose.deliveryStreams[name] = stream;
  return ok(stream);
}
