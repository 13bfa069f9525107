/**
 * The KCL workers-and-leases board as data: which worker column each lease sits in, what state its record
 * processor is in, and which leases changed hands recently (failover after a crash, or a steal to balance
 * the load). Pure, so the board component keeps it in `$derived` and the tests need no DOM.
 */
import type { KclConsumerView, KclWorkerView, LeaseView } from '../console-view';
import type { ConsoleAction } from '../protocol';

/**
 * What the record processor of one lease is doing, in the KCL's own words: nothing at all while the owner
 * is down (its lease stays in its name until it expires and another worker takes it) or nobody owns it yet.
 */
export type LeaseState = 'processing' | 'waiting-for-parent' | 'shard-end' | 'owner-down' | 'no-owner';

/** How a lease reached its current owner. */
export type LeaseTransferKind = 'failover' | 'steal';

/** One lease that changed owner between two frames. */
export interface LeaseTransfer {
  readonly leaseKey: string;
  readonly kind: LeaseTransferKind;
  /** The previous owner (crashed for a failover, alive for a steal). */
  readonly fromWorker: string;
  readonly toWorker: string;
  /** Virtual time of the first frame that showed the new owner. */
  readonly seenAtMs: number;
}

/** One column of the board: a worker and the leases it holds. */
export interface WorkerColumn {
  readonly worker: KclWorkerView;
  readonly leases: readonly LeaseView[];
}

/** The board's layout: one column per worker, then the leases nobody (alive or known) holds. */
export interface LeaseBoardLayout {
  readonly columns: readonly WorkerColumn[];
  /** Leases with no owner, or whose owner is no longer one of the application's workers. */
  readonly unowned: readonly LeaseView[];
}

/** The checkpoint the KCL writes when a shard is closed and fully processed. */
export const SHARD_END = 'SHARD_END';

/**
 * The state of a lease's record processor: SHARD_END once checkpointed there; not processed while its owner
 * is down or nobody owns it; else waiting for its parents or processing.
 */
export function leaseState(lease: LeaseView): LeaseState {
  if (lease.checkpoint === SHARD_END) return 'shard-end';
  if (lease.ownerRunning === false) return 'owner-down';
  if (lease.ownerRunning === null) return 'no-owner';
  if (lease.waitingForParents) return 'waiting-for-parent';
  return 'processing';
}

/** Labels of {@link LeaseState} as the board prints them. */
export const leaseStateLabels: Record<LeaseState, string> = {
  processing: 'processing',
  'waiting-for-parent': 'waiting for parent',
  'shard-end': 'SHARD_END',
  'owner-down': 'owner crashed',
  'no-owner': 'no owner yet',
};

/** Puts every lease in its owner's column, in lease-key (shard id) order; the rest go to `unowned`. */
export function layoutLeaseBoard(consumer: KclConsumerView): LeaseBoardLayout {
  const byKey = (a: LeaseView, b: LeaseView) => a.leaseKey.localeCompare(b.leaseKey);
  const workerIds = new Set(consumer.workers.map((worker) => worker.workerId));
  return {
    columns: consumer.workers.map((worker) => ({
      worker,
      leases: consumer.leases.filter((lease) => lease.leaseOwner === worker.workerId).sort(byKey),
    })),
    unowned: consumer.leases
      .filter((lease) => lease.leaseOwner === null || !workerIds.has(lease.leaseOwner))
      .sort(byKey),
  };
}

/** How long (virtual time) a transfer stays highlighted on the board, at least. */
export const TRANSFER_HIGHLIGHT_MS = 30_000;

/** How many past transfers the board lists. */
export const TRANSFER_HISTORY = 6;

/** What the board highlights and lists after a frame. */
export interface TransferReport {
  /** Transfers to highlight: those of the last 30 virtual seconds, and always the latest batch. */
  readonly highlighted: readonly LeaseTransfer[];
  /** The most recent transfers, newest first. */
  readonly recent: readonly LeaseTransfer[];
}

/**
 * Remembers the owners of the previous frame to tell, frame by frame, which leases moved: a lease taken
 * from a crashed worker is a failover, one taken from a live worker is a steal (the KCL steals at most one
 * lease per lease-taking cycle to even out the counts). Frames only report the lease table, so the history
 * lives here. The latest batch of moves stays highlighted whatever the speed, so a run at 100× does not
 * flash it by. A clock that goes backwards (a restarted run) forgets everything.
 */
export class LeaseTransferTracker {
  private owners = new Map<string, string | null>();
  private history: LeaseTransfer[] = [];
  private lastNowMs = -Infinity;

  /** Compares `consumer`'s lease table with the last frame's. Observing the same frame twice changes nothing. */
  observe(consumer: KclConsumerView, nowMs: number): TransferReport {
    if (nowMs < this.lastNowMs) {
      this.owners.clear();
      this.history = [];
    }
    this.lastNowMs = nowMs;
    const alive = new Map(consumer.workers.map((worker) => [worker.workerId, worker.alive]));
    const moved: LeaseTransfer[] = [];
    for (const lease of consumer.leases) {
      const before = this.owners.get(lease.leaseKey);
      const after = lease.leaseOwner;
      if (before && after && before !== after) {
        moved.push({
          leaseKey: lease.leaseKey,
          kind: alive.get(before) === true ? 'steal' : 'failover',
          fromWorker: before,
          toWorker: after,
          seenAtMs: nowMs,
        });
      }
      this.owners.set(lease.leaseKey, after);
    }
    this.history = [...moved, ...this.history].slice(0, TRANSFER_HISTORY);
    const latestAt = this.history[0]?.seenAtMs;
    const highlighted: LeaseTransfer[] = [];
    for (const transfer of this.history) {
      const current = nowMs - transfer.seenAtMs <= TRANSFER_HIGHLIGHT_MS || transfer.seenAtMs === latestAt;
      // A lease that moved twice is highlighted for its latest move only.
      if (current && !highlighted.some((t) => t.leaseKey === transfer.leaseKey)) highlighted.push(transfer);
    }
    return { highlighted, recent: this.history };
  }
}

/** What the board's buttons ask the console to do: the console's own worker actions, applied at once. */
export type KclWorkerAction = Extract<ConsoleAction, { readonly action: 'addWorker' | 'crashWorker' }>;

/**
 * Lease duration: a lease whose counter has not moved for this long is expired and may be taken
 * (failoverTimeMillis, KCL 1.x and today's default; AWS-FACTS §2.2).
 */
export const FAILOVER_TIME_MS = 10_000;
