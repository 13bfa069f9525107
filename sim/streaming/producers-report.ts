import { bytes, type Bytes } from '../core/index.ts';
import type { RatePutTotals } from '../rate/index.ts';
import { toJsonValue, type JsonValue } from '../scenario/index.ts';
import type { ProducerError, ProducerState } from './producer-state.ts';
import type { StreamingServices } from './services.ts';

/** What the producers' report reads: the producers and, at rate level, the level's result. */
export type ProducersReportServices = Pick<StreamingServices, 'level' | 'producers'>;

/**
 * Record counts of a producer or of all producers (see ProducerStats for each). Records are user records,
 * each counted once however often it was sent; attempts are puts, a record refused twice counting twice.
 * recordsOffered = recordsAccepted + recordsDropped + recordsFailed + recordsPending, and
 * recordsDropped ≤ recordsThrottled ≤ attemptsThrottled.
 */
export interface RecordTotals {
  readonly recordsOffered: number;
  readonly recordsAccepted: number;
  /** Distinct records refused for throughput at least once. */
  readonly recordsThrottled: number;
  /**
   * Attempts refused for throughput; through the KPL each user record inside a refused aggregate counts
   * (the streams section counts the aggregates, as WriteProvisionedThroughputExceeded does).
   */
  readonly attemptsThrottled: number;
  /** Resends after a throttled attempt. */
  readonly retries: number;
  /** Records given up after their last throttled attempt (through the KPL: RecordTtl ran out). */
  readonly recordsDropped: number;
  readonly recordsFailed: number;
  /** Records still waiting (in a back-off or a KPL buffer) when the run ended. */
  readonly recordsPending: number;
  /** Bytes accepted (data + partition key for Kinesis, data for Firehose); null through the KPL, which does not count them. */
  readonly bytesAccepted: Bytes | null;
  /** PUT payload units of the accepted Kinesis records (25 KB chunks, rounded up per record). */
  readonly putPayloadUnits: number;
}

/** One producer in the report. */
export interface ProducerReport extends RecordTotals {
  readonly name: string;
  readonly stream: string | null;
  readonly deliveryStream: string | null;
  readonly partitionKeys: JsonValue;
  readonly putCalls: number;
  /** Requests the service refused (not throttling): the AWS error code and message, and records lost. */
  readonly errors: readonly ProducerError[];
  /** The KPL's own counters when the producer uses the KPL, else null. */
  readonly kpl: JsonValue;
}

/** The `producers` section: each producer and the `totals` over all of them. */
export interface ProducersReport {
  readonly producers: readonly ProducerReport[];
  readonly totals: RecordTotals;
}

/** 25 KB PUT payload units of a record of `bytes` (data + key): AWS-FACTS row 23, at least one. */
export function payloadUnits(bytes: number, unitBytes: number): number {
  return Math.max(1, Math.ceil(bytes / unitBytes));
}

function producerReport(producer: ProducerState, services: ProducersReportServices): ProducerReport {
  const stats = producer.stats;
  const common = {
    name: producer.name,
    stream: producer.target.kind === 'stream' ? producer.target.name : null,
    deliveryStream: producer.target.kind === 'deliveryStream' ? producer.target.name : null,
    partitionKeys: toJsonValue(producer.partitionKeys),
    putCalls: stats.putCalls,
    errors: producer.errors.map((e) => ({ ...e })),
  };
  const kpl = producer.kpl ? services.producers.kpl.producers[producer.name] : undefined;
  if (kpl !== undefined) {
    const k = kpl.stats;
    const failedAdd = stats.recordsFailed;
    return {
      ...common,
      putCalls: k.putRecordsCalls,
      recordsOffered: stats.recordsOffered,
      recordsAccepted: k.userRecordsSucceeded,
      recordsThrottled: k.userRecordsThrottled,
      attemptsThrottled: k.userRecordAttemptsThrottled,
      retries: k.userRecordRetries,
      recordsDropped: k.userRecordsExpired,
      recordsFailed: failedAdd,
      recordsPending: stats.recordsOffered - failedAdd - k.userRecordsSucceeded - k.userRecordsExpired,
      bytesAccepted: null,
      putPayloadUnits: k.putPayloadUnits,
      kpl: { ...k },
    };
  }
  return {
    ...common,
    recordsOffered: stats.recordsOffered,
    recordsAccepted: stats.recordsAccepted,
    recordsThrottled: stats.recordsThrottled,
    attemptsThrottled: stats.attemptsThrottled,
    retries: stats.retries,
    recordsDropped: stats.recordsDropped,
    recordsFailed: stats.recordsFailed,
    recordsPending: producer.retrying.length,
    bytesAccepted: bytes(stats.bytesAccepted),
    putPayloadUnits: stats.putPayloadUnits,
    kpl: null,
  };
}

/** Producer totals from the rate level's put totals (user records; attempts as user-record attempts). */
function rateRecordTotals(t: RatePutTotals): RecordTotals {
  return {
    recordsOffered: t.userRecordsProduced,
    recordsAccepted: t.userRecordsAccepted,
    recordsThrottled: t.userRecordsThrottled,
    attemptsThrottled: t.userRecordAttemptsThrottled,
    retries: Math.max(0, t.userRecordAttemptsThrottled - t.userRecordsDropped),
    recordsDropped: t.userRecordsDropped,
    recordsFailed: 0,
    recordsPending: 0,
    bytesAccepted: bytes(t.bytesAccepted),
    putPayloadUnits: t.putPayloadUnits,
  };
}

function sumTotals(parts: readonly RecordTotals[]): RecordTotals {
  const sum = (pick: (p: RecordTotals) => number): number => parts.reduce((t, p) => t + pick(p), 0);
  return {
    recordsOffered: sum((p) => p.recordsOffered),
    recordsAccepted: sum((p) => p.recordsAccepted),
    recordsThrottled: sum((p) => p.recordsThrottled),
    attemptsThrottled: sum((p) => p.attemptsThrottled),
    retries: sum((p) => p.retries),
    recordsDropped: sum((p) => p.recordsDropped),
    recordsFailed: sum((p) => p.recordsFailed),
    recordsPending: sum((p) => p.recordsPending),
    bytesAccepted: bytes(sum((p) => p.bytesAccepted ?? 0)),
    putPayloadUnits: sum((p) => p.putPayloadUnits),
  };
}

/** The `producers` section of the report. */
export function producersReport(services: ProducersReportServices): ProducersReport {
  const rate = services.level.rate;
  if (rate !== null) {
    // The rate level keeps totals per stream, not per producer.
    return { producers: [], totals: rateRecordTotals(rate.totals) };
  }
  const producers = services.producers.producers.map((p) => producerReport(p, services));
  return { producers, totals: sumTotals(producers) };
}

/**
 * What the producers writing to each Kinesis stream offered and what became of it, by stream name (whole
 * run so far): records and attempts apart, as the report counts them.
 */
export function recordTotalsByStream(services: ProducersReportServices): Map<string, RecordTotals> {
  const byStream = new Map<string, RecordTotals>();
  const rate = services.level.rate;
  if (rate !== null) {
    for (const stream of rate.streams) byStream.set(stream.name, rateRecordTotals(stream.totals));
    return byStream;
  }
  const reports = services.producers.producers.map((p) => producerReport(p, services));
  for (const name of new Set(reports.flatMap((p) => (p.stream === null ? [] : [p.stream])))) {
    byStream.set(name, sumTotals(reports.filter((p) => p.stream === name)));
  }
  return byStream;
}
