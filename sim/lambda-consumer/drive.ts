import { advanceShard, discoverShards, type LambdaStepContext } from './poll.ts';
import type { LambdaConsumerState } from './state.ts';

/**
 * Runs every shard step of a Lambda consumer that falls in [from, until], in time order (ties by shard
 * order), discovering new shards as it goes. For callers without an event queue (tests, labs that drive
 * the stream second by second); a simulation module instead schedules `advanceShard` per shard.
 * Returns the time of the next pending step, or null when every shard is finished.
 */
export function advanceLambdaConsumer(
  state: LambdaConsumerState,
  from: number,
  until: number,
  ctx: LambdaStepContext,
): number | null {
  let clock = from;
  for (;;) {
    discoverShards(state, ctx.kinesis, clock);
    let due: string | undefined;
    let dueAt = Infinity;
    for (const p of state.pollers) {
      if (p.status === 'FINISHED') continue;
      const at = Math.max(p.nextWakeAtMs, clock);
      if (at < dueAt) {
        dueAt = at;
        due = p.shardId;
      }
    }
    if (due === undefined) return null;
    if (dueAt > until) return dueAt;
    clock = dueAt;
    advanceShard(state, due, clock, ctx);
  }
}
