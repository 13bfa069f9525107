import type { Rng } from '../core/index.ts';
import { logLeaseEvent, type KclAppState, type KclWorker, type Lease } from './state.ts';

/** What a lease-taking cycle needs to know besides the table. */
export interface LeaseTakerOptions {
  readonly failoverTimeMillis: number;
  readonly maxLeasesToStealAtOneTime: number;
}

/** What one lease-taking cycle of a worker did. */
export interface TakeResult {
  /** Expired (or never owned) leases taken. */
  readonly taken: readonly string[];
  /** Leases taken from a live worker to balance the load. */
  readonly stolen: readonly string[];
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.nextInt(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Scans the table as the KCL's LeaseTaker.updateAllLeases does: a lease whose counter changed since the
 * last scan is stamped with this scan's time; a new lease nobody owns counts as never renewed. The worker
 * forgets leases no longer in the table.
 */
function scan(app: KclAppState, worker: KclWorker, now: number): void {
  const present = new Set<string>();
  for (const lease of app.leases) {
    present.add(lease.leaseKey);
    const old = worker.seen[lease.leaseKey];
    if (old !== undefined && old.counter === lease.leaseCounter) continue;
    worker.seen[lease.leaseKey] = {
      counter: lease.leaseCounter,
      at: old === undefined && lease.leaseOwner === null ? null : now,
    };
  }
  for (const key of Object.keys(worker.seen)) if (!present.has(key)) delete worker.seen[key];
}

/** True when, as far as this worker has seen, the lease's counter has not moved for longer than the failover time. */
function isExpired(worker: KclWorker, lease: Lease, now: number, failoverTimeMillis: number): boolean {
  const seen = worker.seen[lease.leaseKey];
  return seen === undefined || seen.at === null || now - seen.at > failoverTimeMillis;
}

/**
 * One lease-taking cycle of a worker, following KCL 1.x LeaseTaker (AWS-FACTS §2.2, rows 36–38):
 * 1. scan the table; a lease is expired when its counter has not changed for more than
 *    failoverTimeMillis since this worker first saw that value (a worker only notices on its own scans,
 *    so a dead worker's leases move between 10 s and one scan interval plus 10 s after its last renewal);
 * 2. count the live leases of each worker (this one always included); target = ceil(leases / workers),
 *    or 1 when there are at least as many workers as leases;
 * 3. if below target, take expired leases (shuffled with the seeded generator) up to the target;
 * 4. otherwise, if none is expired, steal from the most loaded worker: when it has more than the target,
 *    or exactly the target while this worker needs more than one — never more than
 *    maxLeasesToStealAtOneTime (1 by default) per cycle.
 * Taking a lease increments its counter and sets its owner, as the KCL's conditional update does.
 */
export function takeLeases(
  app: KclAppState,
  worker: KclWorker,
  now: number,
  rng: Rng,
  options: LeaseTakerOptions,
): TakeResult {
  scan(app, worker, now);
  const expired = app.leases.filter((l) => isExpired(worker, l, now, options.failoverTimeMillis));
  const counts = new Map<string, number>([[worker.workerId, 0]]);
  for (const lease of app.leases) {
    if (lease.leaseOwner === null || expired.includes(lease)) continue;
    counts.set(lease.leaseOwner, (counts.get(lease.leaseOwner) ?? 0) + 1);
  }
  const numLeases = app.leases.length;
  const numWorkers = counts.size;
  if (numLeases === 0) return { taken: [], stolen: [] };
  const target = numWorkers >= numLeases ? 1 : Math.ceil(numLeases / numWorkers);
  const needed = target - counts.get(worker.workerId)!;
  if (needed <= 0) return { taken: [], stolen: [] };

  if (expired.length > 0) {
    const chosen = shuffle([...expired], rng).slice(0, needed);
    for (const lease of chosen) take(app, worker, lease, now, 'leaseTaken');
    return { taken: chosen.map((l) => l.leaseKey), stolen: [] };
  }

  let mostLoaded: [string, number] | undefined;
  for (const entry of counts) if (mostLoaded === undefined || mostLoaded[1] < entry[1]) mostLoaded = entry;
  const [victim, victimCount] = mostLoaded!;
  let toSteal = 0;
  if (victimCount >= target) {
    toSteal = Math.min(needed, victimCount - target);
    if (needed > 1 && toSteal === 0) toSteal = 1;
    toSteal = Math.min(toSteal, options.maxLeasesToStealAtOneTime);
  }
  if (toSteal <= 0 || victim === worker.workerId) return { taken: [], stolen: [] };
  const candidates = shuffle(
    app.leases.filter((l) => l.leaseOwner === victim),
    rng,
  ).slice(0, toSteal);
  for (const lease of candidates) take(app, worker, lease, now, 'leaseStolen');
  return { taken: [], stolen: candidates.map((l) => l.leaseKey) };
}

function take(
  app: KclAppState,
  worker: KclWorker,
  lease: Lease,
  now: number,
  event: 'leaseTaken' | 'leaseStolen',
): void {
  const from = lease.leaseOwner;
  lease.leaseCounter++;
  lease.lastCounterChangeAt = now;
  if (from !== worker.workerId) lease.ownerSwitchesSinceCheckpoint++;
  if (from !== null) {
    app.lastHandover[lease.leaseKey] =
      from === worker.workerId ? 'workerRestart' : event === 'leaseStolen' ? 'leaseStolen' : 'failover';
  }
  lease.leaseOwner = worker.workerId;
  worker.held[lease.leaseKey] = lease.leaseCounter;
  worker.seen[lease.leaseKey] = { counter: lease.leaseCounter, at: now };
  if (event === 'leaseStolen') app.stats.leasesStolen++;
  else app.stats.leasesTaken++;
  logLeaseEvent(app, { at: now, event, workerId: worker.workerId, shardId: lease.leaseKey, from });
}
