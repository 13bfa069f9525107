/**
 * The KPL-aggregation lab's simulation: the workload (the lab's assumption, not an AWS figure), the
 * scenario built from the learner's KPL settings, and the facts the checks read from its run.
 */
import { HOURS_PER_MONTH } from '../../sim/core/index.ts';
import { kinesisLimits } from '../../sim/kinesis/index.ts';
import { limitOf, priceOf, PRICE_BOOKS } from '../../sim/pricing/index.ts';
import type { SampledStreamRun as LabStreamRun } from '../../sim/streaming/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';
import { sampleStream, type OneStreamScenario } from '../kit/stream-scenario.ts';
import { DEFAULT_RECORD_MAX_BUFFERED_TIME_MS, type KplLabWorkspace, type WriteLimit } from './workspace.ts';

/** The lab's workload: 3,000 readings/s of 100 bytes from 1,000 sensors on 2 shards (assumptions). */
export const workload = {
  streamName: 'sensors',
  shards: 2,
  recordsPerSecond: 3000,
  recordBytes: 100,
  /** Each sensor's readings carry its own key (`entity-1` … `entity-1000`), all sensors equally busy. */
  sensors: 1000,
  durationSeconds: 6,
  /** The dashboard's wish: readings wait at most this long in the producer on average (assumption). */
  latencyBudgetMs: 30,
} as const;

const BOOK = PRICE_BOOKS['2016'];
/** 1,000 records/s and 1 MiB/s per shard [AWS-FACTS §1.1]. */
export const SHARD_WRITE_RECORDS_PER_SECOND = kinesisLimits('2016').shardWriteRecordsPerSecond;
export const SHARD_WRITE_BYTES_PER_SECOND = kinesisLimits('2016').shardWriteBytesPerSecond;
/** A PUT payload unit is a 25 KB chunk of a record [AWS-FACTS §1.9]. */
export const PAYLOAD_UNIT_BYTES = limitOf(BOOK, 'kinesis.putPayloadUnitBytes').value;
/** Largest KPL aggregate, AggregationMaxSize [AWS-FACTS §2.1]. */
export const AGGREGATION_MAX_BYTES = limitOf(BOOK, 'kinesis.kplAggregationMaxBytes').value;
const unitPrice = priceOf(BOOK, 'kinesis.putPayloadUnitsPerMillion');
/** Dollars per 1,000,000 PUT payload units in the 2016 book [AWS-FACTS §1.9]. */
export const USD_PER_MILLION_UNITS = unitPrice.ok ? unitPrice.value.value : 0;

/** A `bdlab run` scenario file: the stream and its producer writing through the KPL. */
export type KplLabScenario = OneStreamScenario<
  { readonly strategy: 'zipf'; readonly keys: number; readonly exponent: number },
  { readonly kpl: { readonly aggregation: boolean; readonly recordMaxBufferedTimeMs: number } }
>;

/** The `bdlab run` scenario for a workspace. */
export function scenarioFor(workspace: KplLabWorkspace): KplLabScenario {
  return {
    seed: workspace.seed,
    durationSeconds: workload.durationSeconds,
    streams: [{ name: workload.streamName, shards: workload.shards }],
    producers: [
      {
        stream: workload.streamName,
        recordsPerSecond: workload.recordsPerSecond,
        recordBytes: workload.recordBytes,
        partitionKeys: { strategy: 'zipf', keys: workload.sensors, exponent: 0 },
        kpl: {
          aggregation: workspace.aggregation,
          recordMaxBufferedTimeMs: workspace.recordMaxBufferedTimeMs,
        },
      },
    ],
  };
}

/** One run's figures, as the explorable and the checks read them. */
export interface KplRunFigures {
  readonly run: LabStreamRun;
  /** Kinesis records refused with ProvisionedThroughputExceededException (the KPL retries them). */
  readonly kinesisRecordsThrottled: number;
  readonly kinesisRecordsPerSecond: number;
  readonly userRecordsPerSecond: number;
  readonly payloadUnitsPerSecond: number;
  /** PUT payload units of a month at this rate, in dollars. */
  readonly payloadUsdPerMonth: number;
  /** Mean time a user record waited in the KPL before it was written, in ms. */
  readonly meanLatencyMs: number;
  /** Which write limit refused records, or null when none was refused. */
  readonly refusedBy: WriteLimit | null;
}

/** What the checks read: the learner's run and, for comparison, the same load with the KPL's defaults but no aggregation. */
export interface KplLabFacts {
  readonly scenario: KplLabScenario;
  readonly current: KplRunFigures;
  readonly withoutAggregation: KplRunFigures;
}

function figures(run: LabStreamRun): KplRunFigures {
  const seconds = run.durationSeconds;
  const throttled = run.totals.attemptsThrottled;
  const perShardRecords = run.shards.map((s) => (s.incomingRecords + s.attemptsThrottled) / seconds);
  const perShardBytes = run.shards.map((s) => s.incomingBytes / seconds);
  const recordShare = Math.max(...perShardRecords) / SHARD_WRITE_RECORDS_PER_SECOND;
  const byteShare = Math.max(...perShardBytes) / SHARD_WRITE_BYTES_PER_SECOND;
  const unitsPerSecond = run.putPayloadUnits / seconds;
  return {
    run,
    kinesisRecordsThrottled: throttled,
    kinesisRecordsPerSecond: run.kinesisRecordsAccepted / seconds,
    userRecordsPerSecond: run.totals.recordsAccepted / seconds,
    payloadUnitsPerSecond: unitsPerSecond,
    payloadUsdPerMonth: (unitsPerSecond * HOURS_PER_MONTH * 3600 * USD_PER_MILLION_UNITS) / 1_000_000,
    meanLatencyMs: run.kpl?.meanLatencyMs ?? 0,
    refusedBy: throttled === 0 ? null : recordShare >= byteShare ? 'records' : 'bytes',
  };
}

const figuresFor = rememberRuns(
  (scenario: KplLabScenario) => JSON.stringify(scenario),
  (scenario: KplLabScenario) => figures(sampleStream(scenario)),
);

/** Runs (or recalls: runs are deterministic) the learner's settings and the unaggregated baseline. */
export function factsFor(workspace: KplLabWorkspace): KplLabFacts {
  const scenario = scenarioFor(workspace);
  return {
    scenario,
    current: figuresFor(scenario),
    withoutAggregation: figuresFor(
      scenarioFor({
        ...workspace,
        aggregation: false,
        recordMaxBufferedTimeMs: DEFAULT_RECORD_MAX_BUFFERED_TIME_MS,
      }),
    ),
  };
}
