import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { startTestRun, type TestRun } from '../consumers/test-support.ts';
import { mergeShards, partitionKeyHashKey, splitShard } from '../kinesis/index.ts';
import { addWorker, crashWorker, leaseTableView, type KclAppState } from './index.ts';

function run(
  consumer: Record<string, unknown>,
  options: { shards?: number; rate?: number; seconds?: number } = {},
) {
  return startTestRun({
    seed: 1,
    durationSeconds: options.seconds ?? 120,
    streams: [{ name: 'clicks', shards: options.shards ?? 2 }],
    testLoad: [{ stream: 'clicks', recordsPerSecond: options.rate ?? 200, recordBytes: 100 }],
    consumers: [{ type: 'kcl', name: 'app', stream: 'clicks', ...consumer }],
  });
}

const board = (r: TestRun) => leaseTableView(r.state, 'app')!;
const leasesOf = (r: TestRun, workerId: string) =>
  board(r).workers.find((w) => w.workerId === workerId)!.leaseKeys;
const unique = (app: KclAppState) => app.stats.userRecordsDelivered - app.stats.duplicateUserRecords;

describe('KCL application', () => {
  it('processes every record once per shard in order, with one record processor per leased shard', () => {
    const r = run({ workers: 2, initialPosition: 'TRIM_HORIZON' }, { shards: 4 });
    r.advanceTo(60_000);
    const app = r.consumer<KclAppState>('app');
    const sent = r.load.userRecordsSent[0]!;
    expect(unique(app)).toBeGreaterThan(sent - 200);
    expect(unique(app)).toBeLessThanOrEqual(sent);
    expect(app.stats.outOfOrderUserRecords).toBe(0);
    const view = board(r);
    expect(view.leases.every((l) => l.processorStatus === 'PROCESSING')).toBe(true);
    expect(leasesOf(r, 'worker-1')).toHaveLength(2);
    expect(leasesOf(r, 'worker-2')).toHaveLength(2);
  });

  it('moves a crashed worker’s leases to a live worker only after the failover time', () => {
    const r = run({ workers: 2, checkpointIntervalSeconds: 5, initialPosition: 'TRIM_HORIZON' });
    r.advanceTo(30_000);
    const held = leasesOf(r, 'worker-1');
    expect(held).toHaveLength(1);
    const lastRenewal =
      30_000 - board(r).leases.find((l) => l.leaseKey === held[0])!.millisSinceCounterChange;
    expect(crashWorker(r.sim, 'app', 'worker-1', 30_000)).toEqual({ ok: true, value: undefined });
    r.advanceTo(90_000);
    const app = r.consumer<KclAppState>('app');
    const moved = app.events.find((e) => e.event === 'leaseTaken' && e.shardId === held[0] && e.at > 30_000)!;
    expect(moved).toMatchObject({ workerId: 'worker-2', from: 'worker-1' });
    expect(moved.at - lastRenewal).toBeGreaterThan(10_000);
    expect(moved.at - lastRenewal).toBeLessThanOrEqual(2 * 20_050);
    expect(leasesOf(r, 'worker-2')).toHaveLength(2);
    expect(app.stats.duplicateUserRecords).toBeGreaterThan(0);
    const sent = r.load.userRecordsSent[0]!;
    expect(unique(app)).toBeGreaterThan(sent - 200);
  });

  it('lets a restarted worker keep the leases still in its name', () => {
    const r = run({ workers: 2 });
    r.advanceTo(30_000);
    const held = leasesOf(r, 'worker-1');
    crashWorker(r.sim, 'app', 'worker-1', 30_000);
    r.advanceTo(32_000);
    expect(addWorker(r.sim, 'app', 'worker-1', 32_000)).toEqual({
      ok: true,
      value: { workerId: 'worker-1' },
    });
    r.advanceTo(60_000);
    expect(leasesOf(r, 'worker-1')).toEqual(held);
    expect(r.consumer<KclAppState>('app').stats.leasesStolen).toBe(1);
  });

  it('balances a new worker in by stealing one lease per lease-taking cycle', () => {
    const r = run({ workers: 1 }, { shards: 4 });
    r.advanceTo(10_000);
    expect(leasesOf(r, 'worker-1')).toHaveLength(4);
    expect(addWorker(r.sim, 'app', undefined, 10_000)).toEqual({ ok: true, value: { workerId: 'worker-2' } });
    r.advanceTo(10_001);
    expect(leasesOf(r, 'worker-2')).toHaveLength(1);
    r.advanceTo(10_000 + 20_049);
    expect(leasesOf(r, 'worker-2')).toHaveLength(1);
    r.advanceTo(10_000 + 20_050);
    expect(leasesOf(r, 'worker-2')).toHaveLength(2);
    r.advanceTo(10_000 + 4 * 20_050);
    expect(leasesOf(r, 'worker-2')).toHaveLength(2);
    expect(leasesOf(r, 'worker-1')).toHaveLength(2);
  });

  it('finishes a parent shard before its children after a split, keeping each key in order', () => {
    // Reading at most 100 records a second from a 200 records/s shard leaves a backlog in the parent.
    const r = run(
      {
        workers: 2,
        initialPosition: 'TRIM_HORIZON',
        maxRecords: 100,
        checkpointIntervalSeconds: 0,
      },
      { shards: 1, rate: 200, seconds: 200 },
    );
    r.advanceTo(20_000);
    const parent = 'shardId-000000000000';
    expect(r.consumer<KclAppState>('app').reads.shards[parent]!.millisBehindLatest).toBeGreaterThan(3_000);
    const split = splitShard(
      r.kinesis,
      { StreamName: 'clicks', ShardToSplit: parent, NewStartingHashKey: (2n ** 127n).toString() },
      millis(20_000),
    );
    expect(split.ok).toBe(true);
    r.advanceTo(200_000);
    const app = r.consumer<KclAppState>('app');
    const shardEnd = app.events.find((e) => e.event === 'shardEnd' && e.shardId === parent)!;
    expect(shardEnd.at).toBeGreaterThan(20_000);
    for (const child of ['shardId-000000000001', 'shardId-000000000002']) {
      const taken = app.events.find((e) => e.event === 'leaseTaken' && e.shardId === child)!;
      expect(taken.at).toBeGreaterThanOrEqual(shardEnd.at);
      expect(app.reads.shards[child]!.recordsProcessed).toBeGreaterThan(0);
    }
    expect(app.stats.outOfOrderUserRecords).toBe(0);
    expect(app.leases.map((l) => l.leaseKey)).not.toContain(parent);
    expect(app.finishedShards).toEqual([parent]);
  });

  it('keeps a merged child blocked until its second parent reaches SHARD_END', () => {
    let prefix = 'hot-';
    for (let i = 0; BigInt(partitionKeyHashKey(`${prefix}0`)) < 2n ** 127n; i++) prefix = `hot${i}-`;
    // One key hashing to the upper shard keeps that parent behind while the lower parent catches up.
    const r = startTestRun({
      seed: 1,
      durationSeconds: 200,
      streams: [{ name: 'clicks', shards: 2 }],
      testLoad: [
        { stream: 'clicks', recordsPerSecond: 60, recordBytes: 100 },
        { stream: 'clicks', recordsPerSecond: 150, recordBytes: 100, keys: 1, keyPrefix: prefix },
      ],
      consumers: [
        {
          type: 'kcl',
          name: 'app',
          stream: 'clicks',
          workers: 2,
          maxRecords: 50,
          initialPosition: 'TRIM_HORIZON',
          checkpointIntervalSeconds: 0,
        },
      ],
    });
    r.advanceTo(20_000);
    const [lower, upper] = ['shardId-000000000000', 'shardId-000000000001'];
    const merged = mergeShards(
      r.kinesis,
      { StreamName: 'clicks', ShardToMerge: lower, AdjacentShardToMerge: upper },
      millis(20_000),
    );
    expect(merged.ok).toBe(true);
    r.advanceTo(200_000);
    const app = r.consumer<KclAppState>('app');
    expect(app.stats.outOfOrderUserRecords).toBe(0);
    const child = 'shardId-000000000002';
    const endOf = (shardId: string) =>
      app.events.find((e) => e.event === 'shardEnd' && e.shardId === shardId)!.at;
    expect(endOf(lower)).toBeLessThan(endOf(upper));
    const blocked = app.events.filter((e) => e.event === 'blockedOnParent' && e.shardId === child);
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked[0]!.at).toBeLessThan(endOf(upper));
    expect(app.reads.shards[child]!.recordsProcessed).toBeGreaterThan(0);
  });

  it('hands KPL aggregates to the record processor as their user records', () => {
    const r = startTestRun({
      seed: 1,
      durationSeconds: 30,
      streams: [{ name: 'clicks', shards: 1 }],
      testLoad: [{ stream: 'clicks', recordsPerSecond: 500, recordBytes: 50, aggregate: 25 }],
      consumers: [{ type: 'kcl', name: 'app', stream: 'clicks', initialPosition: 'TRIM_HORIZON' }],
    });
    r.advanceTo(30_000);
    const app = r.consumer<KclAppState>('app');
    const shard = app.reads.shards['shardId-000000000000']!;
    const accepted = r.load.kinesisRecordsAccepted[0]!;
    expect(shard.kinesisRecordsRead).toBeLessThanOrEqual(accepted);
    expect(shard.kinesisRecordsRead).toBeGreaterThanOrEqual(accepted - 20);
    expect(app.stats.aggregatedKinesisRecords).toBe(shard.kinesisRecordsRead);
    expect(app.stats.userRecordsDelivered).toBe(25 * shard.kinesisRecordsRead);
    expect(app.stats.deaggregationErrors).toBe(0);
  });
});

describe('KCL worker actions', () => {
  it('explain what is wrong with a bad consumer, worker or time', () => {
    const r = run({ workers: 2 });
    r.advanceTo(1_000);
    const unknownApp = crashWorker(r.sim, 'ap', 'worker-1', 1_000);
    expect(!unknownApp.ok && unknownApp.error.message).toContain('Did you mean "app"?');
    const unknownWorker = crashWorker(r.sim, 'app', 'worker-3', 1_000);
    expect(!unknownWorker.ok && unknownWorker.error.message).toContain('its workers are worker-1, worker-2');
    const wrongTime = crashWorker(r.sim, 'app', 'worker-1', 500);
    expect(!wrongTime.ok && wrongTime.error.path).toBe('now');
    expect(crashWorker(r.sim, 'app', 'worker-1', 1_000).ok).toBe(true);
    const twice = crashWorker(r.sim, 'app', 'worker-1', 1_000);
    expect(!twice.ok && twice.error.message).toContain('already down');
    const running = addWorker(r.sim, 'app', 'worker-2', 1_000);
    expect(!running.ok && running.error.message).toContain('already running');
  });
});
