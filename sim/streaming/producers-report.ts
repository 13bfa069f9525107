import type { JsonValue } from '../scenario/component.ts';
import type { ProducerError, ProducerState } from './producer-state.ts';
import type { StreamingServices } from './services.ts';

/** Record counts of a producer or of all producers (see ProducerStats for each). */
export interface RecordTotals {
  readonly recordsAttempted: number;
  readonly recordsAccepted: number;
  readonly recordsThrottled: number;
  readonly recordsRetried: number;
  readonly recordsDropped: number;
  readonly recordsFailed: number;
  /** Records still waiting (in a back-off or a KPL buffer) when the run ended. */
  readonly recordsPending: number;
  /** Bytes accepted (data + partition key for Kinesis, data for Firehose); null through the KPL, which does not count them. */
  readonly bytesAccepted: number | null;
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

function producerReport(producer: ProducerState, services: StreamingServices): ProducerReport {
  const stats = producer.stats;
  const common = {
    name: producer.name,
    stream: producer.target.kind === 'stream' ? producer.target.name : null,
    deliveryStream: producer.target.kind === 'deliveryStream' ? producer.target.name : null,
    partitionKeys: producer.partitionKeys as unknown as JsonValue,
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
      recordsAttempted: stats.recordsAttempted,
      recordsAccepted: k.userRecordsSucceeded,
      recordsThrottled: k.kinesisRecordsThrottled,
      recordsRetried: k.userRecordRetries,
      recordsDropped: k.userRecordsExpired,
      recordsFailed: failedAdd,
      recordsPending: stats.recordsAttempted - failedAdd - k.userRecordsSucceeded - k.userRecordsExpired,
      bytesAccepted: null,
      putPayloadUnits: k.putPayloadUnits,
      kpl: { ...k },
    };
  }
  return {
    ...common,
    recordsAttempted: stats.recordsAttempted,
    recordsAccepted: stats.recordsAccepted,
    recordsThrottled: stats.recordsThrottled,
    recordsRetried: stats.recordsRetried,
    recordsDropped: stats.recordsDropped,
    recordsFailed: stats.recordsFailed,
    recordsPending: producer.retrying.length,
    bytesAccepted: stats.bytesAccepted,
    putPayloadUnits: stats.putPayloadUnits,
    kpl: null,
  };
}

/** The `producers` section of the report. */
export function producersReport(services: StreamingServices): ProducersReport & JsonValue {
  const rate = services.level.rate;
  if (rate !== null) {
    // The rate level keeps totals per stream, not per producer.
    const t = rate.totals;
    return {
      producers: [],
      totals: {
        recordsAttempted: t.userRecordsProduced,
        recordsAccepted: t.userRecordsAccepted,
        recordsThrottled: t.recordsThrottled,
        recordsRetried: Math.max(0, t.recordsThrottled - t.userRecordsDropped),
        recordsDropped: t.userRecordsDropped,
        recordsFailed: 0,
        recordsPending: 0,
        bytesAccepted: t.bytesAccepted,
        putPayloadUnits: t.putPayloadUnits,
      },
    } as unknown as ProducersReport & JsonValue;
  }
  const producers = services.producers.producers.map((p) => producerReport(p, services));
  const sum = (pick: (p: ProducerReport) => number): number => producers.reduce((t, p) => t + pick(p), 0);
  return {
    producers,
    totals: {
      recordsAttempted: sum((p) => p.recordsAttempted),
      recordsAccepted: sum((p) => p.recordsAccepted),
      recordsThrottled: sum((p) => p.recordsThrottled),
      recordsRetried: sum((p) => p.recordsRetried),
      recordsDropped: sum((p) => p.recordsDropped),
      recordsFailed: sum((p) => p.recordsFailed),
      recordsPending: sum((p) => p.recordsPending),
      bytesAccepted: sum((p) => p.bytesAccepted ?? 0),
      putPayloadUnits: sum((p) => p.putPayloadUnits),
    },
  } as unknown as ProducersReport & JsonValue;
}
