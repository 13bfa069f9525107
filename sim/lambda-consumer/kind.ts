import { defineConsumerKind, type ConsumerContext } from '../consumers/index.ts';
import { millis } from '../core/index.ts';
import { toJsonValue } from '../scenario/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import {
  checkLambdaConfig,
  LAMBDA_EVENT_SOURCE_LIMITS,
  lambdaConsumerSchema,
  type LambdaConsumerConfig,
} from './config.ts';
import { advanceShard, discoverShards, pollerOf } from './poll.ts';
import { createLambdaConsumerState, type LambdaConsumerState } from './state.ts';
import { lambdaConsumerDetails, lambdaConsumerView } from './view.ts';

type Context = ConsumerContext<LambdaConsumerConfig, LambdaConsumerState>;

/** The view and report are plain data by construction (numbers, strings, arrays, null). */

function scheduleNew(ctx: Context, shardIds: readonly string[]): void {
  for (const shardId of shardIds) ctx.setTimer(ctx.now, { timer: 'shard', shardId });
}

/**
 * The `"lambda"` consumer kind: one timer per shard, each firing when that shard next needs a poll or its
 * invocation ends; new shards after a reshard are picked up on the next timer of any shard.
 */
export const lambdaConsumerKind = defineConsumerKind<LambdaConsumerConfig, LambdaConsumerState>({
  type: 'lambda',
  title: 'Lambda function (Kinesis event source mapping)',
  schema: lambdaConsumerSchema,
  checkScenario: (config, _scenario, path) => checkLambdaConfig(config, path),
  initialState: (config) => createLambdaConsumerState(config),
  start(ctx) {
    ctx.state.era = ctx.kinesis.era;
    // Each shard's poller starts at a seeded offset within the first second: pollers of different
    // applications are not in step on AWS, and polling all at the same instant would always serve the
    // consumer listed first when a shard's shared read limit runs short.
    for (const shardId of discoverShards(ctx.state, ctx.kinesis, ctx.now)) {
      const at = ctx.now + ctx.rng.nextInt(0, LAMBDA_EVENT_SOURCE_LIMITS.pollIntervalMs - 1);
      pollerOf(ctx.state, shardId)!.nextWakeAtMs = at;
      ctx.setTimer(millis(at), { timer: 'shard', shardId });
    }
  },
  onTimer(ctx, timer) {
    const shardId = timer['shardId'];
    if (typeof shardId !== 'string') return;
    const poller = pollerOf(ctx.state, shardId);
    // Each shard has exactly one pending timer; one that fires early (never expected) is not doubled.
    if (poller === undefined || ctx.now < poller.nextWakeAtMs) return;
    const next = advanceShard(ctx.state, shardId, ctx.now, { kinesis: ctx.kinesis, metrics: ctx.metrics });
    if (next !== null) ctx.setTimer(millis(next), { timer: 'shard', shardId });
    scheduleNew(ctx, discoverShards(ctx.state, ctx.kinesis, ctx.now));
  },
  details: (state) => toJsonValue(lambdaConsumerDetails(state, PRICE_BOOKS[state.era])),
  view: (state) => toJsonValue(lambdaConsumerView(state)),
});
