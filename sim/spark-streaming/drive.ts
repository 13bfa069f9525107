import { generateDueBatches } from './batches.ts';
import { discoverSparkShards, receiveShard, type SparkStepContext } from './receive.ts';
import type { SparkConsumerState } from './state.ts';

/**
 * Runs every receiver read and batch of a Spark application that falls in [from, until], in time order
 * (batches before reads at the same instant), discovering new shards as it goes. For callers without an
 * event queue (tests, labs that drive the stream second by second); a simulation module instead sets a
 * timer per shard and one for the batches. Returns the time of the next pending step.
 */
export function advanceSparkConsumer(
  state: SparkConsumerState,
  from: number,
  until: number,
  ctx: SparkStepContext,
): number {
  let clock = from;
  for (;;) {
    discoverSparkShards(state, ctx.kinesis, clock);
    let due: string | undefined;
    let dueAt = Math.max(state.open.batchTimeMs, clock);
    for (const r of state.readers) {
      if (r.status === 'FINISHED') continue;
      const at = Math.max(r.nextPollAtMs, clock);
      if (at < dueAt) {
        dueAt = at;
        due = r.shardId;
      }
    }
    if (dueAt > until) {
      generateDueBatches(state, until, ctx.metrics);
      return dueAt;
    }
    clock = dueAt;
    if (due === undefined) generateDueBatches(state, clock, ctx.metrics);
    else receiveShard(state, due, clock, ctx);
  }
}
