import type { ConsumersState } from '../consumers/index.ts';
import { formatCount, formatDuration, formatNumber } from '../core/index.ts';
import { leaseRenewalIntervalMillis, leaseTakingIntervalMillis, type KclConfig } from './config.ts';
import type { Checkpoint, KclAppState, KclStats, LeaseEvent, ProcessorStatus } from './state.ts';

/** One row of the workers-and-leases board. */
export type LeaseRowView = {
  readonly leaseKey: string;
  readonly leaseOwner: string | null;
  readonly leaseCounter: number;
  readonly checkpoint: Checkpoint;
  readonly checkpointSubSequenceNumber: number;
  readonly ownerSwitchesSinceCheckpoint: number;
  readonly parentShardIds: readonly string[];
  /** Time since the counter last moved; past failoverTimeMillis the lease is up for grabs. */
  readonly millisSinceCounterChange: number;
  /**
   * Whether the owner is a running worker: false for a crashed worker's lease, which stays in its name
   * until another worker sees it expire and takes it (null for a lease nobody owns).
   */
  readonly ownerRunning: boolean | null;
  /** The owner's processor on this shard, or null when the owner is down or has none. */
  readonly processorStatus: ProcessorStatus | null;
  /** Where the owner's processor resumed: the lease's checkpoint when it started (null before it has). */
  readonly startedFrom: Checkpoint | null;
  /** How far behind the tip the shard is (see `KclAppState.behindTipMillis`), also while nobody reads it. */
  readonly millisBehindLatest: number;
  /** User records handed to processors on this shard, re-deliveries included. */
  readonly recordsProcessed: number;
  /** User records of this shard never processed (passed over by a LATEST start). */
  readonly recordsSkipped: number;
};

/** One worker on the board. */
export type WorkerView = {
  readonly workerId: string;
  readonly status: 'RUNNING' | 'CRASHED';
  readonly leaseKeys: readonly string[];
  readonly recordsProcessed: number;
  readonly startedAt: number;
  readonly crashedAt: number | null;
};

/** The KCL workers-and-leases board of one application: plain data for the UI. */
export type LeaseTableView = {
  readonly application: string;
  readonly stream: string;
  readonly workers: readonly WorkerView[];
  readonly leases: readonly LeaseRowView[];
  readonly timing: {
    readonly failoverTimeMillis: number;
    readonly leaseRenewalIntervalMillis: number;
    readonly leaseTakingIntervalMillis: number;
    readonly idleTimeBetweenReadsMillis: number;
    readonly maxRecords: number;
  };
  readonly stats: KclStats;
  /** How the record processors checkpoint (the application's policy, after AWS's samples). */
  readonly checkpointPolicy: {
    readonly intervalSeconds: number;
    readonly firstCheckpoint: KclConfig['firstCheckpoint'];
    readonly everyRecords: number;
    readonly initialPosition: KclConfig['initialPosition'];
  };
  /** Recent lease events, oldest first. */
  readonly events: readonly LeaseEvent[];
};

/** How a checkpoint policy reads to a learner: "every 60 s (none in a processor's first 60 s)". */
export function describeCheckpointPolicy(policy: {
  readonly intervalSeconds: number;
  readonly firstCheckpoint: KclConfig['firstCheckpoint'];
  readonly everyRecords: number;
}): string {
  const interval =
    policy.intervalSeconds <= 120
      ? `${formatNumber(policy.intervalSeconds)} s`
      : formatDuration(policy.intervalSeconds);
  const every = policy.intervalSeconds === 0 ? 'after every batch' : `every ${interval}`;
  const records = policy.everyRecords > 0 ? ` or every ${formatCount(policy.everyRecords)} records` : '';
  const first =
    policy.intervalSeconds === 0 || policy.firstCheckpoint === 'FIRST_BATCH'
      ? 'the first after the first batch'
      : `none in a processor's first ${interval}`;
  return `${every}${records} (${first})`;
}

/** The board of a KCL application from its state. */
export function buildLeaseTableView(app: KclAppState, config: KclConfig, now: number): LeaseTableView {
  const running = app.workers.filter((w) => w.status === 'RUNNING');
  return {
    application: config.name,
    stream: config.stream,
    workers: app.workers.map((w) => ({
      workerId: w.workerId,
      status: w.status,
      leaseKeys: Object.keys(w.held).sort(),
      recordsProcessed: w.recordsProcessed,
      startedAt: w.startedAt,
      crashedAt: w.crashedAt,
    })),
    leases: app.leases.map((lease) => {
      const owner = running.find((w) => w.workerId === lease.leaseOwner);
      const reads = app.reads.shards[lease.leaseKey];
      const processor = owner?.processors[lease.leaseKey];
      return {
        leaseKey: lease.leaseKey,
        leaseOwner: lease.leaseOwner,
        leaseCounter: lease.leaseCounter,
        checkpoint: lease.checkpoint,
        checkpointSubSequenceNumber: lease.checkpointSubSequenceNumber,
        ownerSwitchesSinceCheckpoint: lease.ownerSwitchesSinceCheckpoint,
        parentShardIds: [...lease.parentShardIds],
        millisSinceCounterChange: now - lease.lastCounterChangeAt,
        ownerRunning: lease.leaseOwner === null ? null : owner !== undefined,
        processorStatus: processor?.status ?? null,
        startedFrom: processor?.startedFrom ?? null,
        millisBehindLatest: app.behindTipMillis[lease.leaseKey] ?? reads?.millisBehindLatest ?? 0,
        recordsProcessed: reads?.recordsProcessed ?? 0,
        recordsSkipped: app.skippedByShard[lease.leaseKey] ?? 0,
      };
    }),
    timing: {
      failoverTimeMillis: config.failoverTimeMillis,
      leaseRenewalIntervalMillis: leaseRenewalIntervalMillis(config.failoverTimeMillis),
      leaseTakingIntervalMillis: leaseTakingIntervalMillis(config.failoverTimeMillis),
      idleTimeBetweenReadsMillis: config.idleTimeBetweenReadsMillis,
      maxRecords: config.maxRecords,
    },
    stats: { ...app.stats, duplicatesByCause: { ...app.stats.duplicatesByCause } },
    checkpointPolicy: {
      intervalSeconds: config.checkpointIntervalSeconds,
      firstCheckpoint: config.firstCheckpoint,
      everyRecords: config.checkpointEveryRecords,
      initialPosition: config.initialPosition,
    },
    events: [...app.events],
  };
}

/**
 * The workers-and-leases board of the KCL application `consumerName`, from a running simulation's state
 * (`session.state`), or undefined when there is no such KCL application.
 */
export function leaseTableView(
  state: { readonly now: number; readonly services: { readonly consumers?: ConsumersState } },
  consumerName: string,
): LeaseTableView | undefined {
  const entry = state.services.consumers?.consumers.find((c) => c.config.name === consumerName);
  if (entry === undefined || entry.config.type !== 'kcl') return undefined;
  return buildLeaseTableView(entry.state as KclAppState, entry.config as KclConfig, state.now);
}
