/**
 * The consumers lab's simulation: one Kinesis stream read at the same time by a KCL application, a Lambda
 * function and a Spark Streaming application, through the streaming session (sim/streaming) with the
 * consumer models (sim/kcl, sim/lambda-consumer, sim/spark-streaming). All three read through the same
 * shards, so they share each shard's 5 GetRecords calls a second.
 */
import { consumerViews, openStreamingSession, validateScenario } from '../../sim/run/index.ts';
import type { ConsumerView } from '../../sim/consumers/index.ts';
import type { LambdaConsumerView } from '../../sim/lambda-consumer/index.ts';
import type { SparkConsumerView } from '../../sim/spark-streaming/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';

/** The settings the learner changes. */
export interface ConsumerSettings {
  readonly sparkBatchIntervalSeconds: number;
  readonly sparkCores: number;
  readonly lambdaBatchSize: number;
}

/** One application's reads on one shard. */
export interface ShardReads {
  readonly consumer: string;
  readonly type: string;
  readonly shardId: string;
  readonly getRecordsCalls: number;
  readonly readThrottles: number;
}

/** What one run shows. */
export interface ConsumersRun {
  readonly settings: ConsumerSettings;
  readonly kcl: ConsumerView;
  readonly lambda: ConsumerView & { readonly detail: LambdaConsumerView };
  readonly spark: ConsumerView & { readonly detail: SparkConsumerView };
  readonly reads: readonly ShardReads[];
}

/** The lab's workload and applications (assumptions of the lab). */
export const STREAM = 'orders';
export const SHARDS = 2;
export const RECORDS_PER_SECOND = 300;
export const RUN_SECONDS = 60;
export const SPARK_RECEIVERS = 1;
export const SPARK_PER_RECORD_MS = 4;
export const LAMBDA_OVERHEAD_MS = 200;
export const LAMBDA_PER_RECORD_MS = 0.5;
export const NAMES = { kcl: 'order-audit', lambda: 'order-to-db', spark: 'order-windows' } as const;

function simulate(settings: ConsumerSettings, seed: number): ConsumersRun {
  const checked = validateScenario({
    seed,
    durationSeconds: RUN_SECONDS,
    streams: [{ name: STREAM, shards: SHARDS }],
    producers: [
      {
        name: 'shop',
        stream: STREAM,
        recordsPerSecond: RECORDS_PER_SECOND,
        recordBytes: 200,
        partitionKeys: { strategy: 'random' },
      },
    ],
    consumers: [
      { type: 'kcl', name: NAMES.kcl, stream: STREAM, workers: 1, initialPosition: 'TRIM_HORIZON' },
      {
        type: 'lambda',
        name: NAMES.lambda,
        stream: STREAM,
        batchSize: settings.lambdaBatchSize,
        invocationOverheadMs: LAMBDA_OVERHEAD_MS,
        perRecordMs: LAMBDA_PER_RECORD_MS,
      },
      {
        type: 'spark',
        name: NAMES.spark,
        stream: STREAM,
        batchIntervalSeconds: settings.sparkBatchIntervalSeconds,
        receivers: SPARK_RECEIVERS,
        cores: settings.sparkCores,
        perRecordMs: SPARK_PER_RECORD_MS,
      },
    ],
  });
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const session = openStreamingSession(checked.value);
  session.advanceTo(RUN_SECONDS * 1000);
  const state = session.state;
  const views = consumerViews(state);
  const byName = (name: string) => views.find((v) => v.name === name)!;
  const reads = state.services.consumers.consumers.flatMap((entry) =>
    Object.entries(entry.state.reads.shards)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([shardId, stats]) => ({
        consumer: entry.config.name,
        type: entry.config.type,
        shardId,
        getRecordsCalls: stats.getRecordsCalls,
        readThrottles: stats.readThrottles,
      })),
  );
  return {
    settings,
    kcl: byName(NAMES.kcl),
    lambda: byName(NAMES.lambda) as ConsumersRun['lambda'],
    spark: byName(NAMES.spark) as ConsumersRun['spark'],
    reads,
  };
}

const remembered = rememberRuns(
  ({ settings, seed }: { settings: ConsumerSettings; seed: number }) =>
    `${seed}/${settings.sparkBatchIntervalSeconds}/${settings.sparkCores}/${settings.lambdaBatchSize}`,
  ({ settings, seed }: { settings: ConsumerSettings; seed: number }) => simulate(settings, seed),
  24,
);

/** The run for these settings (memoized: deterministic). */
export function runConsumers(settings: ConsumerSettings, seed: number): ConsumersRun {
  return remembered({ settings, seed });
}
