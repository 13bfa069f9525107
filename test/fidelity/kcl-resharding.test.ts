/**
 * Fidelity: the KCL after resharding and with KPL aggregates, against AWS-FACTS §1.6 (a consumer must read
 * a parent until NextShardIterator is null before its children, to keep per-key order), §2.2 (the KCL
 * does not start a child's processor until its parent is finished — parentShardId in the lease;
 * cleanupLeasesUponShardCompletion true) and §2.1 (the KCL de-aggregates KPL records).
 */
import { describe, expect, it } from 'vitest';
import { startTestRun } from '../../sim/consumers/test-support.ts';
import { millis } from '../../sim/core/index.ts';
import { leaseTableView, type KclAppState } from '../../sim/kcl/index.ts';
import { splitShard } from '../../sim/kinesis/index.ts';

const PARENT = 'shardId-000000000000';
const CHILDREN = ['shardId-000000000001', 'shardId-000000000002'];

describe('§1.6 / §2.2 parents before children after a split', () => {
  // Reading at most 100 records a call from a 200 records/s shard keeps a backlog in the parent.
  const r = startTestRun({
    seed: 5,
    durationSeconds: 200,
    streams: [{ name: 'clicks', shards: 1 }],
    testLoad: [{ stream: 'clicks', recordsPerSecond: 200, recordBytes: 100, keys: 50 }],
    consumers: [
      {
        type: 'kcl',
        name: 'app',
        stream: 'clicks',
        workers: 2,
        maxRecords: 100,
        initialPosition: 'TRIM_HORIZON',
        checkpointIntervalSeconds: 0,
      },
    ],
  });
  r.advanceTo(30_000);
  const split = splitShard(
    r.kinesis,
    { StreamName: 'clicks', ShardToSplit: PARENT, NewStartingHashKey: (2n ** 127n).toString() },
    millis(30_000),
  );
  r.advanceTo(75_000);
  const mid = leaseTableView(r.state, 'app')!;
  r.advanceTo(200_000);
  const app = r.consumer<KclAppState>('app');
  const parentEnd = app.events.find((e) => e.event === 'shardEnd' && e.shardId === PARENT)!;

  it('reads the parent to its end, after the split, and checkpoints SHARD_END', () => {
    expect(split.ok).toBe(true);
    expect(parentEnd.at).toBeGreaterThan(45_000);
    expect(mid.leases.find((l) => l.leaseKey === PARENT)?.checkpoint).not.toBe('SHARD_END');
  });

  it('creates the children’s leases with their parent and reads none of them before the parent’s end', () => {
    for (const child of CHILDREN) {
      const created = app.events.find((e) => e.event === 'leaseCreated' && e.shardId === child)!;
      expect(created.at).toBeGreaterThanOrEqual(parentEnd.at);
      expect(app.reads.shards[child]!.recordsProcessed).toBeGreaterThan(0);
    }
    const childLease = leaseTableView(r.state, 'app')!.leases.find((l) => l.leaseKey === CHILDREN[0])!;
    expect(childLease.parentShardIds).toEqual([PARENT]);
  });

  it('keeps every partition key in order and reads every record of the parent', () => {
    expect(app.stats.outOfOrderUserRecords).toBe(0);
    expect(app.keysChecked).toBe(50);
    const parent = r.kinesis.streams['clicks']!.shards.find((s) => s.ShardId === PARENT)!;
    expect(app.reads.shards[PARENT]!.kinesisRecordsRead).toBeGreaterThanOrEqual(
      parent.totals.incomingRecords,
    );
  });

  it('deletes the finished parent’s lease once its children have started', () => {
    expect(app.leases.map((l) => l.leaseKey)).toEqual(CHILDREN);
    expect(app.finishedShards).toEqual([PARENT]);
  });
});

describe('§2.1 the KCL de-aggregates KPL records', () => {
  it('hands each aggregate’s user records to the record processor', () => {
    const r = startTestRun({
      seed: 6,
      durationSeconds: 20,
      streams: [{ name: 'clicks', shards: 1 }],
      testLoad: [{ stream: 'clicks', recordsPerSecond: 400, recordBytes: 40, aggregate: 40 }],
      consumers: [{ type: 'kcl', name: 'app', stream: 'clicks', initialPosition: 'TRIM_HORIZON' }],
    });
    r.advanceTo(20_000);
    const app = r.consumer<KclAppState>('app');
    const read = app.reads.shards[PARENT]!.kinesisRecordsRead;
    expect(read).toBeGreaterThan(150);
    expect(app.stats.aggregatedKinesisRecords).toBe(read);
    expect(app.stats.userRecordsDelivered).toBe(40 * read);
  });
});
