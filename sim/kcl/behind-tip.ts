import type { ConsumerContext } from '../consumers/index.ts';
import { lagMetricId } from '../consumers/index.ts';
import { millis } from '../core/index.ts';
import { recordsAfter } from '../kinesis/index.ts';
import type { KclConfig } from './config.ts';
import type { KclAppState } from './state.ts';

type Ctx = ConsumerContext<KclConfig, KclAppState>;

/** How often the application's distance from the tip is sampled: CloudWatch's 1-second resolution. */
export const BEHIND_TIP_SAMPLE_MILLIS = 1_000;

/** The sampler's timer (an observation of the simulator, not a call the application makes). */
export interface SampleTimer {
  readonly [key: string]: string;
  readonly timer: 'sample';
}

/** Starts sampling every BEHIND_TIP_SAMPLE_MILLIS. */
export function startBehindTipSampler(ctx: Ctx): void {
  const timer: SampleTimer = { timer: 'sample' };
  ctx.setTimer(millis(ctx.now + BEHIND_TIP_SAMPLE_MILLIS), timer);
}

function isRead(app: KclAppState, shardId: string): boolean {
  return app.workers.some((w) => w.status === 'RUNNING' && w.processors[shardId]?.status === 'PROCESSING');
}

/**
 * Samples how far behind the tip each leased shard is (see `KclAppState.behindTipMillis`). GetRecords
 * reports MillisBehindLatest only while someone reads: when the owner has crashed, nobody owns the lease
 * or its processor waits for the parent shards, no call reports anything, yet the records wait and grow
 * older. For such a shard the age of its oldest record not processed yet goes into the application's lag
 * metric too, so the chart climbs during a failover instead of showing a stale or zero line.
 */
export function sampleBehindTip(ctx: Ctx): void {
  const app = ctx.state;
  const leased = new Set<string>();
  for (const lease of app.leases) {
    const shardId = lease.leaseKey;
    if (lease.checkpoint === 'SHARD_END') continue;
    leased.add(shardId);
    if (isRead(app, shardId)) {
      app.behindTipMillis[shardId] = app.reads.shards[shardId]?.millisBehindLatest ?? 0;
      continue;
    }
    const upTo = app.processedUpTo[shardId];
    let behind = 0;
    if (upTo !== undefined || lease.checkpoint !== 'LATEST') {
      const waiting = recordsAfter(ctx.kinesis, ctx.config.stream, shardId, upTo ? upTo : null);
      behind = waiting.oldestArrival === null ? 0 : ctx.now - waiting.oldestArrival;
    }
    app.behindTipMillis[shardId] = behind;
    ctx.metrics.put(lagMetricId(ctx.config.name, shardId), ctx.now, behind, 'Milliseconds');
  }
  for (const shardId of Object.keys(app.behindTipMillis)) {
    if (!leased.has(shardId)) delete app.behindTipMillis[shardId];
  }
  startBehindTipSampler(ctx);
}
