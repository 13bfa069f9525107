/**
 * The KCL scaling lab's checks, all read from the run of the learner's own operations: the lease table,
 * the workers, the lease events and the backlog.
 */
import { formatCount, formatNumber } from '../../sim/core/index.ts';
import type { LeaseEvent } from '../../sim/kcl/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import {
  INITIAL_WORKER,
  PROCESSING_MS_PER_RECORD,
  RECORDS_PER_SECOND,
  runKcl,
  type KclRun,
} from './kcl-run.ts';
import type { KclQuestionId, KclScalingWorkspace } from './workspace.ts';

type Task = LabTask<KclScalingWorkspace, KclRun>;

const memo = new Map<string, KclRun>();

/** The run of a workspace (memoized: answers do not change it). */
export function kclFacts(workspace: KclScalingWorkspace): KclRun {
  const position = workspace.initialPosition ?? 'TRIM_HORIZON';
  const key = JSON.stringify([workspace.seed, position, workspace.operations, workspace.ranUntilSeconds]);
  const known = memo.get(key);
  if (known) return known;
  const run = runKcl(workspace.seed, workspace.operations, workspace.ranUntilSeconds, position);
  if (memo.size > 48) memo.clear();
  memo.set(key, run);
  return run;
}

/** The backlog a keeping-up application stays under: two seconds of traffic (the lab's yardstick). */
export const KEEPING_UP_BACKLOG = 2 * RECORDS_PER_SECOND;

const seconds = (ms: number) => `${formatNumber(ms / 1000, { maxDecimals: 2 })} s`;

/** Leases of shards still open, with their owners. */
function openLeases(run: KclRun) {
  const open = new Set(run.shards.filter((s) => s.open).map((s) => s.shardId));
  return run.board.leases.filter((lease) => open.has(lease.leaseKey));
}

const running = (run: KclRun) =>
  run.board.workers.filter((w) => w.status === 'RUNNING').map((w) => w.workerId);

/** When the first worker added after the start got its second lease, measured from its start. */
export function secondLeaseAfter(run: KclRun): number | null {
  // The application starts with worker-1 alone; the first other worker to start is the one added.
  const added = run.board.events.find((e) => e.event === 'workerStarted' && e.workerId !== INITIAL_WORKER);
  if (!added) return null;
  const gains = run.board.events.filter(
    (e) =>
      (e.event === 'leaseStolen' || e.event === 'leaseTaken') &&
      e.workerId === added.workerId &&
      e.at >= added.at,
  );
  return gains[1] ? gains[1].at - added.at : null;
}

/** From the first crash to the first of the crashed worker's leases taken by another worker. */
export function failoverAfter(run: KclRun): { crashed: LeaseEvent; taken: LeaseEvent | null } | null {
  const crashed = run.board.events.find((e) => e.event === 'workerCrashed');
  if (!crashed) return null;
  const taken = run.board.events.find(
    (e) => e.event === 'leaseTaken' && e.from === crashed.workerId && e.at >= crashed.at,
  );
  return { crashed, taken: taken ?? null };
}

/** From the first split to its parent's SHARD_END. */
export function parentDrainedAfter(
  run: KclRun,
): { parent: string; splitAt: number; endAt: number | null } | null {
  const child = run.shards.find((s) => s.parentShardId !== null);
  if (!child) return null;
  const parent = child.parentShardId!;
  const end = run.board.events.find((e) => e.event === 'shardEnd' && e.shardId === parent);
  return { parent, splitAt: child.openedAtSeconds * 1000, endAt: end ? end.at : null };
}

function question(
  id: KclQuestionId,
  title: string,
  expected: (run: KclRun) => { value: number } | { missing: string },
  tolerance: number,
  wrong: (answer: number, run: KclRun) => string,
  right: (value: number) => string,
): Task {
  return {
    id,
    title,
    check(workspace, { derived }): TaskResult {
      const found = expected(derived);
      if ('missing' in found) return { passed: false, feedback: found.missing };
      const answer = workspace.answers[id];
      if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
      if (Math.abs(answer - found.value) <= tolerance) return { passed: true, feedback: right(found.value) };
      return { passed: false, feedback: `${formatNumber(answer)} is not it. ${wrong(answer, derived)}` };
    },
  };
}

/** Step 1: the leases are spread over the workers. */
export const leasesBalanced: Task = {
  id: 'leases-balanced',
  title: 'At least two workers run, and each holds its share of the open shards’ leases',
  check(_workspace, { derived }): TaskResult {
    const workers = running(derived);
    if (workers.length < 2) return { passed: false, feedback: 'Only one worker runs: add a worker.' };
    const leases = openLeases(derived);
    const counts = workers.map((w) => ({ w, n: leases.filter((l) => l.leaseOwner === w).length }));
    const low = Math.floor(leases.length / workers.length);
    const high = Math.ceil(leases.length / workers.length);
    const off = counts.filter((c) => c.n < low || c.n > high);
    if (off.length === 0) {
      return { passed: true, feedback: counts.map((c) => `${c.w} holds ${c.n}`).join(', ') + '.' };
    }
    return {
      passed: false,
      feedback: `${counts.map((c) => `${c.w} holds ${c.n}`).join(', ')}. Run on: each lease-taking cycle (every ${seconds(derived.board.timing.leaseTakingIntervalMillis)}) a worker steals at most one lease.`,
    };
  },
};

/** Step 1: the application keeps up with the stream. */
export const keepingUp: Task = {
  id: 'keeping-up',
  title: `The application keeps up: at most ${formatCount(KEEPING_UP_BACKLOG)} records (2 s of traffic) wait to be processed`,
  check(_workspace, { derived }): TaskResult {
    if (derived.ranUntilSeconds === 0) return { passed: false, feedback: 'Run the simulation first.' };
    const skipped = derived.board.stats.userRecordsSkipped;
    if (skipped > 0) {
      // A backlog that fell because records were passed over is loss, not keeping up.
      return {
        passed: false,
        feedback: `${formatCount(skipped)} records were never processed: a lease moved before it had a checkpoint, and its new owner started at ${derived.initialPosition}. Keeping up means processing them: restart at TRIM_HORIZON.`,
      };
    }
    const samples = derived.backlog;
    const now = samples.at(-1)!;
    if (now.backlog <= KEEPING_UP_BACKLOG) {
      return { passed: true, feedback: `${formatCount(now.backlog)} records wait at ${now.atSeconds} s.` };
    }
    const earlier = [...samples].reverse().find((s) => s.atSeconds <= now.atSeconds - 30);
    const trend = earlier ? ` (${formatCount(earlier.backlog)} at ${earlier.atSeconds} s)` : '';
    return {
      passed: false,
      feedback: `${formatCount(now.backlog)} records wait to be processed at ${now.atSeconds} s${trend}. One worker processes about ${formatCount(1000 / PROCESSING_MS_PER_RECORD)} records a second; the stream brings ${RECORDS_PER_SECOND}.`,
    };
  },
};

/** Step 1: one steal per cycle. */
export const secondLease = question(
  'second-lease-after',
  'How many seconds after the new worker started did it hold its second lease?',
  (run) => {
    const after = secondLeaseAfter(run);
    return after === null
      ? { missing: 'Add a worker and run until it holds two leases.' }
      : { value: after / 1000 };
  },
  0.5,
  () => 'Find the new worker’s two lease steals in the lease events and subtract its start time.',
  (value) => `Right: ${formatNumber(value, { maxDecimals: 2 })} s — one lease per lease-taking cycle.`,
);

/** Step 2: the crashed worker's leases moved to running workers. */
export const failedOver: Task = {
  id: 'failed-over',
  title: 'A worker has crashed, and running workers process every open shard again',
  check(_workspace, { derived }): TaskResult {
    const crashed = derived.board.workers.filter((w) => w.status === 'CRASHED');
    if (crashed.length === 0) return { passed: false, feedback: 'No worker has crashed yet: crash one.' };
    const alive = new Set(running(derived));
    if (alive.size === 0) return { passed: false, feedback: 'No worker is running: add one.' };
    const orphan = openLeases(derived).find(
      (l) => !alive.has(l.leaseOwner ?? '') || l.processorStatus === null,
    );
    if (!orphan) return { passed: true, feedback: 'Every open shard has a running worker again.' };
    return {
      passed: false,
      feedback: `${orphan.leaseKey} is still in the name of ${orphan.leaseOwner ?? 'nobody'}; its counter has not moved for ${seconds(orphan.millisSinceCounterChange)}. Run on: a lease expires after ${seconds(derived.board.timing.failoverTimeMillis)} without renewal, and workers look for expired leases every ${seconds(derived.board.timing.leaseTakingIntervalMillis)}.`,
    };
  },
};

/** Step 2: how long the failover took. */
export const failoverTime = question(
  'failover-after',
  'How many seconds after the crash did a running worker take the first of the crashed worker’s leases?',
  (run) => {
    const found = failoverAfter(run);
    if (!found) return { missing: 'Crash a worker first.' };
    if (!found.taken) return { missing: 'Run on until another worker takes one of its leases.' };
    return { value: (found.taken.at - found.crashed.at) / 1000 };
  },
  0.5,
  (answer, run) =>
    answer === run.board.timing.failoverTimeMillis / 1000
      ? 'That is the failover time, when the lease expires; the taker only notices at its next scan.'
      : 'Find the first leaseTaken event from the crashed worker and subtract the crash time.',
  (value) => `Right: ${formatNumber(value, { maxDecimals: 2 })} s.`,
);

/** Step 2: at-least-once delivery, counting only what the failover caused. */
export const duplicates = question(
  'duplicates',
  'How many records did the failover make the application process a second time?',
  (run) =>
    failoverAfter(run)?.taken
      ? { value: run.board.stats.duplicatesByCause.failover }
      : { missing: 'Finish the failover first.' },
  0,
  (answer, run) => {
    const { duplicateUserRecords, duplicatesByCause } = run.board.stats;
    if (answer === duplicateUserRecords && duplicatesByCause.leaseStolen > 0) {
      return 'That total also counts the records processed again after the new worker stole its leases in step 1, before any crash; the question asks only for the failover’s.';
    }
    if (answer === 0) {
      return 'The new owner did not start where the crashed worker stopped: find where it resumed in the lease events.';
    }
    return 'The new owner resumes after the lease’s last checkpoint, so what the crashed worker processed after it comes again: read the duplicates the failover caused.';
  },
  (value) =>
    `Right: ${formatCount(value)} records processed twice. KCL delivers at least once; checkpoint more often to redo less.`,
);

/** Step 3: the children are processed. */
export const childrenProcessing: Task = {
  id: 'children-processing',
  title: 'A shard has been split, and a running worker processes both of its children',
  check(_workspace, { derived }): TaskResult {
    const children = derived.shards.filter((s) => s.parentShardId !== null);
    if (children.length === 0) return { passed: false, feedback: 'No shard has been split yet: split one.' };
    const alive = new Set(running(derived));
    const waiting = children.filter((child) => {
      const lease = derived.board.leases.find((l) => l.leaseKey === child.shardId);
      return !lease || !alive.has(lease.leaseOwner ?? '') || lease.processorStatus !== 'PROCESSING';
    });
    if (waiting.length === 0) {
      return {
        passed: true,
        feedback: `${children.map((c) => c.shardId).join(' and ')} are being processed.`,
      };
    }
    const parent = waiting[0]!.parentShardId!;
    return {
      passed: false,
      feedback: `${waiting.map((c) => c.shardId).join(' and ')} wait: the KCL starts a child only once its parent ${parent} has been read to its end (SHARD_END). Run on.`,
    };
  },
};

/** Step 3: how long the parent took to drain. */
export const parentDrained = question(
  'parent-drained-after',
  'How many seconds after the split did the parent shard reach SHARD_END?',
  (run) => {
    const found = parentDrainedAfter(run);
    if (!found) return { missing: 'Split a shard first.' };
    if (found.endAt === null) return { missing: `Run on until ${found.parent} reaches SHARD_END.` };
    return { value: (found.endAt - found.splitAt) / 1000 };
  },
  0.5,
  () => 'Find the parent’s shardEnd event and subtract the time of the split.',
  (value) =>
    `Right: ${formatNumber(value, { maxDecimals: 2 })} s. Until then its records were still being worked through, and the children waited.`,
);

/**
 * The first crash whose leases were taken over by a processor that started at LATEST: the lease had no
 * checkpoint yet, so InitialPositionInStream applied.
 */
export function latestTakeover(run: KclRun): { crashed: LeaseEvent; started: LeaseEvent | null } | null {
  const found = failoverAfter(run);
  if (!found || !found.taken) return null;
  const started = run.board.events.find(
    (e) =>
      e.event === 'initialized' &&
      e.shardId === found.taken!.shardId &&
      e.workerId === found.taken!.workerId &&
      e.at >= found.taken!.at,
  );
  return { crashed: found.crashed, started: started ?? null };
}

/**
 * User records passed over by the new owners of the first crashed worker's leases (a crash leaves no zombie
 * to fill them, so the logged counts are final).
 */
export function skippedAfterCrash(run: KclRun): number {
  const found = failoverAfter(run);
  if (!found) return 0;
  const takes = run.board.events.filter(
    (e) => e.event === 'leaseTaken' && e.from === found.crashed.workerId && e.at >= found.crashed.at,
  );
  return run.board.events
    .filter(
      (e) =>
        e.event === 'recordsSkipped' &&
        takes.some((t) => t.shardId === e.shardId && t.workerId === e.workerId && e.at >= t.at),
    )
    .reduce((sum, e) => sum + (e.records ?? 0), 0);
}

/** Step 4: a crash before the first checkpoint, with the application starting at LATEST. */
export const crashedBeforeCheckpoint: Task = {
  id: 'crashed-before-checkpoint',
  title:
    'The application starts at LATEST, a worker crashed before its first checkpoint, and another worker took over',
  check(_workspace, { derived }): TaskResult {
    if (derived.initialPosition !== 'LATEST') {
      return {
        passed: false,
        feedback: 'The application still starts at TRIM_HORIZON: restart it at LATEST.',
      };
    }
    const found = failoverAfter(derived);
    if (!found) return { passed: false, feedback: 'No worker has crashed yet: crash one.' };
    if (!found.taken) {
      return {
        passed: false,
        feedback: `${found.crashed.workerId}'s leases have not moved yet: run on (and make sure another worker runs to take them).`,
      };
    }
    const takeover = latestTakeover(derived);
    const position = takeover?.started?.position ?? null;
    if (position === null)
      return { passed: false, feedback: 'The new owner has not started its processor yet: run on.' };
    if (position !== 'LATEST') {
      return {
        passed: false,
        feedback: `The new owner resumed after a checkpoint (${position === 'TRIM_HORIZON' ? 'TRIM_HORIZON' : 'a sequence number'}): the crashed worker had already checkpointed. Its processors checkpoint ${formatNumber(derived.board.checkpointPolicy.intervalSeconds)} s after they start; restart and crash earlier.`,
      };
    }
    return {
      passed: true,
      feedback: `${found.taken.workerId} started ${found.taken.shardId} at LATEST: the lease had no checkpoint.`,
    };
  },
};

/** Step 4: the records a LATEST takeover never processes. */
export const recordsSkipped = question(
  'records-skipped',
  'How many records did the new owner never process?',
  (run) => {
    const takeover = latestTakeover(run);
    if (takeover?.started?.position !== 'LATEST') {
      return {
        missing: 'Crash a worker before its first checkpoint and run until another worker takes over.',
      };
    }
    return { value: skippedAfterCrash(run) };
  },
  0,
  (answer, run) => {
    if (answer === 0) {
      return 'Records did wait in the shard between the last one the crashed worker processed and the new owner’s start: find how many the new owner passed over.';
    }
    if (answer === run.board.stats.duplicateUserRecords) {
      return 'That counts records processed twice; the question asks for records processed not even once.';
    }
    return 'Read the lease events: the new owner’s start at LATEST logs the records it passed over.';
  },
  (value) =>
    `Right: ${formatCount(value)} records were never processed. Until a lease has a checkpoint, a new owner starts at the initial position: checkpoint soon after a processor starts, or start at TRIM_HORIZON.`,
);
