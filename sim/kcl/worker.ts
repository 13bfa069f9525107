import type { ConsumerContext, ConsumerTimer } from '../consumers/index.ts';
import { millis } from '../core/index.ts';
import { leaseRenewalIntervalMillis, leaseTakingIntervalMillis, type KclConfig } from './config.ts';
import { sampleBehindTip } from './behind-tip.ts';
import { renewLeases } from './lease-table.ts';
import { takeLeases } from './lease-taker.ts';
import { startProcessor, stepProcessor } from './record-processor.ts';
import { logLeaseEvent, type KclAppState, type KclWorker } from './state.ts';

type Ctx = ConsumerContext<KclConfig, KclAppState>;

/** The timers of a worker's lease coordinator: renew held leases, take leases. */
export interface WorkerTimer {
  readonly [key: string]: string | number;
  readonly timer: 'launch' | 'renew' | 'take';
  readonly workerId: string;
  /** The worker's life the timer belongs to: a crash or restart makes older timers void. */
  readonly incarnation: number;
}

/** A worker that has not started yet. */
export function newWorker(workerId: string, now: number): KclWorker {
  return {
    workerId,
    status: 'RUNNING',
    launched: false,
    incarnation: 0,
    startedAt: now,
    crashedAt: null,
    held: {},
    seen: {},
    processors: {},
    busyUntil: now,
    recordsProcessed: 0,
  };
}

function setWorkerTimer(ctx: Ctx, worker: KclWorker, timer: WorkerTimer['timer'], at: number): void {
  const payload: WorkerTimer = { timer, workerId: worker.workerId, incarnation: worker.incarnation };
  ctx.setTimer(millis(at), payload);
}

/**
 * Starts (or restarts) a worker: like the KCL's LeaseRenewer.initialize, it first renews the leases the
 * table still shows it owning (a restarted worker keeps its leases if nobody took them), then its lease
 * taker scans at once and every (failover + 25 ms) × 2, and its renewer runs every failover / 3 − 25 ms.
 */
export function launchWorker(ctx: Ctx, worker: KclWorker): void {
  worker.status = 'RUNNING';
  worker.launched = true;
  worker.incarnation++;
  worker.startedAt = ctx.now;
  worker.crashedAt = null;
  worker.busyUntil = ctx.now;
  worker.held = {};
  worker.seen = {};
  worker.processors = {};
  logLeaseEvent(ctx.state, { at: ctx.now, event: 'workerStarted', workerId: worker.workerId, shardId: null });
  for (const lease of ctx.state.leases) {
    if (lease.leaseOwner !== worker.workerId) continue;
    worker.held[lease.leaseKey] = lease.leaseCounter;
    ctx.state.lastHandover[lease.leaseKey] = 'workerRestart';
  }
  renewLeases(ctx.state, worker, ctx.now);
  for (const shardId of Object.keys(worker.held)) startProcessor(ctx, worker, shardId);
  setWorkerTimer(ctx, worker, 'take', ctx.now);
  setWorkerTimer(ctx, worker, 'renew', ctx.now + leaseRenewalIntervalMillis(ctx.config.failoverTimeMillis));
}

/**
 * Stops a worker as a crash does: its processors stop without checkpointing and it stops renewing, but the
 * lease table still names it as owner until other workers see the leases expire.
 */
export function stopWorker(ctx: Ctx, worker: KclWorker): void {
  worker.status = 'CRASHED';
  worker.incarnation++;
  worker.crashedAt = ctx.now;
  worker.held = {};
  worker.processors = {};
  logLeaseEvent(ctx.state, { at: ctx.now, event: 'workerCrashed', workerId: worker.workerId, shardId: null });
}

function onRenew(ctx: Ctx, worker: KclWorker): void {
  renewLeases(ctx.state, worker, ctx.now);
  setWorkerTimer(ctx, worker, 'renew', ctx.now + leaseRenewalIntervalMillis(ctx.config.failoverTimeMillis));
}

function onTake(ctx: Ctx, worker: KclWorker): void {
  const result = takeLeases(ctx.state, worker, ctx.now, ctx.rng, ctx.config);
  for (const shardId of [...result.taken, ...result.stolen]) {
    if (worker.processors[shardId] === undefined) startProcessor(ctx, worker, shardId);
  }
  setWorkerTimer(ctx, worker, 'take', ctx.now + leaseTakingIntervalMillis(ctx.config.failoverTimeMillis));
}

/**
 * Launches the scenario's workers at seeded moments within the first idleTimeBetweenReadsMillis: real
 * processes never start in the same millisecond, and workers of several applications polling in lockstep
 * would always leave the same one to find the shard's read quota spent.
 */
export function launchWorkersStaggered(ctx: Ctx): void {
  for (const worker of ctx.state.workers) {
    const offset = ctx.rng.nextInt(0, Math.max(0, ctx.config.idleTimeBetweenReadsMillis - 1));
    setWorkerTimer(ctx, worker, 'launch', ctx.now + offset);
  }
}

/**
 * Dispatches one of the application's timers: the behind-the-tip sampler, or a worker's launch, renew, take
 * and poll timers to the worker they belong to.
 */
export function onKclTimer(ctx: Ctx, timer: ConsumerTimer): void {
  if (timer['timer'] === 'sample') {
    sampleBehindTip(ctx);
    return;
  }
  const worker = ctx.state.workers.find((w) => w.workerId === timer['workerId']);
  if (worker === undefined) return;
  if (timer['timer'] === 'launch') {
    if (!worker.launched && timer['incarnation'] === worker.incarnation) launchWorker(ctx, worker);
    return;
  }
  if (worker.status !== 'RUNNING') return;
  if (timer['timer'] === 'poll') {
    const processor = worker.processors[String(timer['shardId'])];
    if (processor !== undefined && processor.id === timer['processor']) stepProcessor(ctx, worker, processor);
    return;
  }
  if (timer['incarnation'] !== worker.incarnation) return;
  if (timer['timer'] === 'renew') onRenew(ctx, worker);
  else if (timer['timer'] === 'take') onTake(ctx, worker);
}
