import type { SimError } from '../core/index.ts';
import type { KplServiceState } from '../kpl/index.ts';
import type { PartitionKeyStrategy } from './keys.ts';
import type { RatePattern, RecordSize } from './load-shape.ts';
import type { ProducerConfig, RetrySettings } from './scenario-schema.ts';

/**
 * Load generators emit one batch per tick of this many milliseconds rather than one event per record, and
 * send it in PutRecords (or PutRecordBatch) calls of up to 500 records: a producer costs ten events per
 * simulated second whatever its rate, so a million records take seconds, not minutes. 100 ms is the KPL's
 * default RecordMaxBufferedTime, the usual batching window of a well-behaved producer, and far below the
 * one-second scale of every per-shard limit: the shards' token buckets (THROUGHPUT_ACCOUNTING in
 * sim/kinesis) hold a second of quota, so a tenth of a second's records arriving at once are throttled
 * exactly when the same records spread over the tenth of a second would be, over any whole second.
 */
export const PRODUCER_TICK_MS = 100;

/** Tick lengths that divide PRODUCER_TICK_MS, so every producer's ticks fall on its 100 ms boundaries. */
const KPL_TICKS_MS = [100, 50, 25, 20, 10, 5, 4, 2, 1] as const;

/**
 * The tick of a producer writing through the KPL: the longest divisor of 100 ms that is at most a tenth
 * of its RecordMaxBufferedTime (10 ms for the default 100 ms, 1 ms below 20 ms). A 100 ms tick would hand
 * the KPL a tenth of a second's records at one instant, so every record would wait the whole buffered
 * time and a RecordMaxBufferedTime under 100 ms would change only the wait, not how many aggregates are
 * made; with records arriving a tenth of the buffered time apart, shorter buffering makes more, smaller
 * aggregates and shorter mean waits, as on AWS, within a tenth of the buffered time.
 */
export function kplTickMs(recordMaxBufferedTimeMs: number): number {
  return KPL_TICKS_MS.find((tick) => tick * 10 <= recordMaxBufferedTimeMs) ?? 1;
}

/** A record waiting out its back-off before it is sent again. */
export interface RetryingRecord {
  readonly data: Uint8Array;
  readonly key: string;
  /** Puts that failed so far. */
  readonly attempts: number;
  readonly dueAtMs: number;
}

/** An API error a producer got (a refused request, not throttling), counted by code and message. */
export interface ProducerError extends SimError {
  /** Records lost to it. */
  records: number;
  readonly firstAtMs: number;
}

/**
 * Running totals of one producer. Records and attempts are counted apart: a record is one the generator
 * made, counted once however often it is sent; an attempt is one put of a record, so a record refused
 * twice is one throttled record and two throttled attempts.
 */
export interface ProducerStats {
  /** Records the generator made (each counted once, however often it was resent). */
  recordsOffered: number;
  /** Records written to the stream or accepted by the delivery stream. */
  recordsAccepted: number;
  /** Distinct records refused for throughput at least once (ProvisionedThroughputExceeded, or Firehose's "Slow down."). */
  recordsThrottled: number;
  /** Put attempts refused for throughput: every refused entry, a record refused twice counts twice. */
  attemptsThrottled: number;
  /** Resends after a throttled attempt (attempts, not records). */
  retries: number;
  /** Records given up after their last attempt was throttled: they never reached the service. */
  recordsDropped: number;
  /** Records lost to a refused request (such as a record over the size limit). */
  recordsFailed: number;
  /** Data + partition key bytes accepted. */
  bytesAccepted: number;
  /** PUT payload units of the accepted Kinesis records (25 KB chunks, rounded up per record). */
  putPayloadUnits: number;
  /** PutRecords or PutRecordBatch calls made. */
  putCalls: number;
}

/** One load generator: what it is set to produce, where, and how far it has got. Plain data. */
export interface ProducerState {
  readonly name: string;
  readonly target: { readonly kind: 'stream' | 'deliveryStream'; readonly name: string };
  readonly recordsPerSecond: number;
  readonly rate: RatePattern;
  readonly recordBytes: RecordSize;
  /** Changed by the `setProducerKeys` action. */
  partitionKeys: PartitionKeyStrategy;
  readonly retries: RetrySettings | null;
  /** True when the producer's records go through a KPL instance of the same name. */
  readonly kpl: boolean;
  /** Records generated so far (the next record's index). */
  nextIndex: number;
  /** Fraction of a record carried to the next tick, so a rate of 2.5/tick gives exactly 5 in 2 ticks. */
  carry: number;
  retrying: RetryingRecord[];
  readonly stats: ProducerStats;
  readonly errors: ProducerError[];
}

/** Every load generator of a run, and the KPL instances of those that use the KPL. */
export interface ProducersState {
  /** End of the run (ms): the last tick falls at or before it. */
  readonly endMs: number;
  readonly producers: ProducerState[];
  readonly kpl: KplServiceState;
}

/** The name a producer gets when the scenario gives none: `producer-1`, `producer-2`, … */
export function producerName(config: ProducerConfig, index: number): string {
  return config.name ?? `producer-${index + 1}`;
}

/** A producer at time 0. */
export function createProducer(config: ProducerConfig, index: number): ProducerState {
  const target =
    config.deliveryStream !== undefined
      ? { kind: 'deliveryStream' as const, name: config.deliveryStream }
      : { kind: 'stream' as const, name: config.stream ?? '' };
  return {
    name: producerName(config, index),
    target,
    recordsPerSecond: config.recordsPerSecond,
    rate: config.rate,
    recordBytes: config.recordBytes,
    partitionKeys: config.partitionKeys,
    retries: config.retries ?? null,
    kpl: config.kpl !== undefined,
    nextIndex: 0,
    carry: 0,
    retrying: [],
    stats: {
      recordsOffered: 0,
      recordsAccepted: 0,
      recordsThrottled: 0,
      attemptsThrottled: 0,
      retries: 0,
      recordsDropped: 0,
      recordsFailed: 0,
      bytesAccepted: 0,
      putPayloadUnits: 0,
      putCalls: 0,
    },
    errors: [],
  };
}

/** Most distinct errors kept per producer (each with its count). */
const KEPT_ERRORS = 20;

/** Counts `records` lost to `error`, merged with an earlier error of the same code and message. */
export function noteError(producer: ProducerState, error: SimError, records: number, now: number): void {
  producer.stats.recordsFailed += records;
  const known = producer.errors.find((e) => e.code === error.code && e.message === error.message);
  if (known) known.records += records;
  else if (producer.errors.length < KEPT_ERRORS) {
    producer.errors.push({
      code: error.code,
      message: error.message,
      ...(error.path !== undefined ? { path: error.path } : {}),
      records,
      firstAtMs: now,
    });
  }
}

/**
 * After a throttled attempt (`attempts`: the record's failed puts, this one included): queue the record again after an exponential back-off (base × 2^(attempts−1)),
 * or drop it when it has used its attempts. Without `retries` a producer makes one attempt, as an
 * application calling PutRecords without resending its failed entries does.
 */
export function afterThrottle(
  producer: ProducerState,
  data: Uint8Array,
  key: string,
  attempts: number,
  now: number,
): void {
  const stats = producer.stats;
  stats.attemptsThrottled++;
  // Only throttling brings a record here (any other error loses it), so its first failed put is its first throttle.
  if (attempts === 1) stats.recordsThrottled++;
  const retries = producer.retries;
  if (retries === null || attempts >= retries.maxAttempts) {
    stats.recordsDropped++;
    return;
  }
  stats.retries++;
  producer.retrying.push({ data, key, attempts, dueAtMs: now + retries.baseBackoffMs * 2 ** (attempts - 1) });
}
