import { defineConsumerKind, type ConsumerContext } from '../consumers/index.ts';
import { millis } from '../core/index.ts';
import { toJsonValue } from '../scenario/index.ts';
import { creditProcessed, generateDueBatches } from './batches.ts';
import {
  checkSparkConfig,
  SPARK_STREAMING_FACTS,
  sparkConsumerSchema,
  type SparkConsumerConfig,
} from './config.ts';
import { discoverSparkShards, receiveShard } from './receive.ts';
import { createSparkConsumerState, type SparkConsumerState } from './state.ts';
import { sparkConsumerView } from './view.ts';

type Context = ConsumerContext<SparkConsumerConfig, SparkConsumerState>;

/** The view and report are plain data by construction (numbers, strings, arrays, null). */

function scheduleNewShards(ctx: Context): void {
  for (const shardId of discoverSparkShards(ctx.state, ctx.kinesis, ctx.now)) {
    ctx.setTimer(ctx.now, { timer: 'shard', shardId });
  }
}

/** Generates due batches and sets a timer for the end of each one's job (to credit its records). */
function batchesDue(ctx: Context): void {
  for (const batch of generateDueBatches(ctx.state, ctx.now, ctx.metrics)) {
    if (batch.endMs !== null && batch.records > 0) ctx.setTimer(millis(batch.endMs), { timer: 'jobEnd' });
  }
}

/**
 * The `"spark"` consumer kind: a timer per shard for its receiver's KCL reads, one for the batch
 * boundaries, and one at the end of each batch's job.
 */
export const sparkConsumerKind = defineConsumerKind<SparkConsumerConfig, SparkConsumerState>({
  type: 'spark',
  title: 'Spark Streaming application (Kinesis receivers)',
  schema: sparkConsumerSchema,
  checkScenario: (config, _scenario, path) => checkSparkConfig(config, path),
  initialState: (config) => createSparkConsumerState(config),
  start(ctx) {
    // Each receiver's KCL starts reading at a seeded offset within its first second: applications are not
    // in step on AWS, and reading all at the same instant would always serve the consumer listed first
    // when a shard's shared read limit runs short.
    for (const shardId of discoverSparkShards(ctx.state, ctx.kinesis, ctx.now)) {
      const at = ctx.now + ctx.rng.nextInt(0, SPARK_STREAMING_FACTS.kclIdleTimeBetweenReadsMs - 1);
      ctx.state.readers.find((r) => r.shardId === shardId)!.nextPollAtMs = at;
      ctx.setTimer(millis(at), { timer: 'shard', shardId });
    }
    ctx.setTimer(millis(ctx.state.open.batchTimeMs), { timer: 'batch' });
  },
  onTimer(ctx, timer) {
    if (timer['timer'] === 'batch') {
      batchesDue(ctx);
      ctx.setTimer(millis(ctx.state.open.batchTimeMs), { timer: 'batch' });
      return;
    }
    if (timer['timer'] === 'jobEnd') {
      creditProcessed(ctx.state, ctx.now);
      return;
    }
    const shardId = timer['shardId'];
    if (typeof shardId !== 'string') return;
    const reader = ctx.state.readers.find((r) => r.shardId === shardId);
    // Each shard has exactly one pending timer; one that fires early (never expected) is not doubled.
    if (reader === undefined || ctx.now < reader.nextPollAtMs) return;
    batchesDue(ctx);
    const next = receiveShard(ctx.state, shardId, ctx.now, { kinesis: ctx.kinesis, metrics: ctx.metrics });
    if (next !== null) ctx.setTimer(millis(next), { timer: 'shard', shardId });
    scheduleNewShards(ctx);
  },
  details(state, config, now) {
    const view = sparkConsumerView(state, now);
    return toJsonValue({
      batchIntervalSeconds: config.batchIntervalSeconds,
      receivers: config.receivers,
      cores: config.cores,
      processingCores: view.processingCores,
      model: view.model,
      totals: view.totals,
      queuedBatches: view.queuedBatches,
      keepingUp: view.keepingUp,
      // Window results are reported once, under `windows`, not again per batch.
      batches: view.batches.map(({ windowResults: _windowResults, ...batch }) => batch),
      windows: view.windows,
    });
  },
  view: (state, _config, now) => toJsonValue(sparkConsumerView(state, now)),
});
