import type { Millis } from '../core/index.ts';
import { describeStream, type KinesisState, type ShardDescription } from '../kinesis/index.ts';
import { logLeaseEvent, type Checkpoint, type KclAppState, type KclWorker, type Lease } from './state.ts';

/** The lease of `shardId`, if the table has one. */
export function findLease(app: KclAppState, shardId: string): Lease | undefined {
  return app.leases.find((l) => l.leaseKey === shardId);
}

function parentsOf(shard: ShardDescription): string[] {
  return [shard.ParentShardId, shard.AdjacentParentShardId].filter((p): p is string => p !== undefined);
}

function newLease(shard: ShardDescription, checkpoint: Checkpoint, now: number): Lease {
  return {
    leaseKey: shard.ShardId,
    leaseOwner: null,
    leaseCounter: 0,
    checkpoint,
    checkpointSubSequenceNumber: 0,
    ownerSwitchesSinceCheckpoint: 0,
    parentShardIds: parentsOf(shard),
    lastCounterChangeAt: now,
  };
}

/**
 * The KCL's shard sync (ShardSyncer): lists the stream's shards (DescribeStream) and creates a lease for
 * every shard that needs one, then deletes finished leases whose children have started
 * (cleanupLeasesUponShardCompletion, true by default).
 *
 * - The first sync of an application creates leases for the open shards at the initial position; with
 *   TRIM_HORIZON it also creates leases for closed shards still retained, so their data is read first.
 * - Later, any shard descending from a leased or finished shard gets a lease at TRIM_HORIZON (the KCL
 *   starts children at the beginning whatever the initial position, so no record after a reshard is
 *   skipped). Shards are visited in creation order, so parents are decided before their children.
 */
export function syncShards(
  app: KclAppState,
  kinesis: KinesisState,
  streamName: string,
  initialPosition: 'LATEST' | 'TRIM_HORIZON',
  now: Millis,
): void {
  const described = describeStream(kinesis, { StreamName: streamName }, now);
  if (!described.ok) return;
  const shards = described.value.StreamDescription.Shards;
  const firstSync = app.leases.length === 0 && app.finishedShards.length === 0;
  const known = (id: string) => findLease(app, id) !== undefined || app.finishedShards.includes(id);
  const descendant = new Map<string, boolean>();
  for (const shard of shards) {
    const parents = parentsOf(shard);
    const isDescendant = parents.some((p) => known(p) || descendant.get(p) === true);
    descendant.set(shard.ShardId, isDescendant);
    if (known(shard.ShardId)) continue;
    const open = shard.SequenceNumberRange.EndingSequenceNumber === undefined;
    let checkpoint: Checkpoint | undefined;
    if (!firstSync && isDescendant) checkpoint = 'TRIM_HORIZON';
    else if (firstSync && initialPosition === 'TRIM_HORIZON') checkpoint = 'TRIM_HORIZON';
    else if (open) checkpoint = initialPosition;
    if (checkpoint === undefined) continue;
    app.leases.push(newLease(shard, checkpoint, now));
    logLeaseEvent(app, { at: now, event: 'leaseCreated', workerId: null, shardId: shard.ShardId });
  }
  cleanupFinishedLeases(app, shards, now);
}

/** Deletes SHARD_END leases once every child shard's lease has moved past TRIM_HORIZON (or is gone). */
function cleanupFinishedLeases(app: KclAppState, shards: readonly ShardDescription[], now: number): void {
  const listed = new Set(shards.map((s) => s.ShardId));
  for (const lease of [...app.leases]) {
    if (lease.checkpoint !== 'SHARD_END') continue;
    const children = shards.filter((s) => parentsOf(s).includes(lease.leaseKey));
    const childrenStarted =
      children.length > 0 &&
      children.every((child) => {
        const childLease = findLease(app, child.ShardId);
        if (childLease === undefined) return app.finishedShards.includes(child.ShardId);
        return childLease.checkpoint !== 'TRIM_HORIZON';
      });
    if (childrenStarted || !listed.has(lease.leaseKey)) {
      app.leases.splice(app.leases.indexOf(lease), 1);
      app.finishedShards.push(lease.leaseKey);
      logLeaseEvent(app, {
        at: now,
        event: 'leaseDeleted',
        workerId: lease.leaseOwner,
        shardId: lease.leaseKey,
      });
    }
  }
}

/** True when `worker` still owns the lease at the counter it last wrote (the KCL's conditional update). */
export function holdsLease(app: KclAppState, worker: KclWorker, shardId: string): boolean {
  const lease = findLease(app, shardId);
  const counter = worker.held[shardId];
  return lease !== undefined && lease.leaseOwner === worker.workerId && lease.leaseCounter === counter;
}

/**
 * The lease renewer: increments the counter of every lease the worker holds (a conditional update on
 * owner and counter). A lease another worker has taken, or that was deleted, fails the update: the worker
 * drops it and shuts its processor down without checkpointing. Returns the shard ids dropped.
 */
export function renewLeases(app: KclAppState, worker: KclWorker, now: number): string[] {
  const lost: string[] = [];
  for (const shardId of Object.keys(worker.held)) {
    if (holdsLease(app, worker, shardId)) {
      const lease = findLease(app, shardId)!;
      lease.leaseCounter++;
      lease.lastCounterChangeAt = now;
      worker.held[shardId] = lease.leaseCounter;
    } else {
      lost.push(shardId);
      delete worker.held[shardId];
      delete worker.processors[shardId];
      if (findLease(app, shardId) !== undefined) {
        app.stats.leasesLost++;
        logLeaseEvent(app, { at: now, event: 'leaseLost', workerId: worker.workerId, shardId });
      }
    }
  }
  return lost;
}

/**
 * Checkpoints a lease: a conditional update on owner and counter (refused when the worker no longer holds
 * the lease) that, like every KCL lease update, also increments the counter. Resets
 * ownerSwitchesSinceCheckpoint.
 */
export function checkpointLease(
  app: KclAppState,
  worker: KclWorker,
  shardId: string,
  checkpoint: Checkpoint,
  now: number,
): boolean {
  if (!holdsLease(app, worker, shardId)) {
    app.stats.failedCheckpoints++;
    return false;
  }
  const lease = findLease(app, shardId)!;
  lease.checkpoint = checkpoint;
  lease.checkpointSubSequenceNumber = 0;
  lease.ownerSwitchesSinceCheckpoint = 0;
  lease.leaseCounter++;
  lease.lastCounterChangeAt = now;
  worker.held[shardId] = lease.leaseCounter;
  app.stats.checkpoints++;
  return true;
}
