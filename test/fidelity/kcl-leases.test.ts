/**
 * Fidelity: the KCL lease model against AWS-FACTS §2.2 and rows 36–38 (KCL16: awslabs/amazon-kinesis-client
 * @6647b4b6, KinesisClientLibConfiguration.java, LeaseCoordinator.java, LeaseTaker.java; KCLnow for today).
 */
import { describe, expect, it } from 'vitest';
import { startTestRun } from '../../sim/consumers/test-support.ts';
import {
  addWorker,
  crashWorker,
  KCL_DEFAULTS,
  leaseRenewalIntervalMillis,
  leaseTableView,
  leaseTakingIntervalMillis,
  type KclAppState,
} from '../../sim/kcl/index.ts';

function run(shards: number, consumer: Record<string, unknown>) {
  return startTestRun({
    seed: 2,
    durationSeconds: 300,
    streams: [{ name: 'clicks', shards }],
    testLoad: [{ stream: 'clicks', recordsPerSecond: 100, recordBytes: 100 }],
    consumers: [{ type: 'kcl', name: 'app', stream: 'clicks', ...consumer }],
  });
}

describe('#36 KCL failover time 10,000 ms', () => {
  it('is the default lease duration', () => expect(KCL_DEFAULTS.failoverTimeMillis).toBe(10_000));

  it('no live worker takes a dead worker’s lease within 10 s of its last renewal', () => {
    const r = run(4, { workers: 2 });
    r.advanceTo(45_000);
    const before = leaseTableView(r.state, 'app')!;
    const lastRenewal = new Map(
      before.leases
        .filter((l) => l.leaseOwner === 'worker-1')
        .map((l) => [l.leaseKey, 45_000 - l.millisSinceCounterChange]),
    );
    expect(lastRenewal.size).toBe(2);
    crashWorker(r.sim, 'app', 'worker-1', 45_000);
    r.advanceTo(120_000);
    const moves = r
      .consumer<KclAppState>('app')
      .events.filter((e) => e.event === 'leaseTaken' && e.at > 45_000);
    expect(moves.map((m) => m.shardId).sort()).toEqual([...lastRenewal.keys()].sort());
    for (const move of moves) {
      const since = move.at - lastRenewal.get(move.shardId!)!;
      expect(since).toBeGreaterThan(10_000);
      // The taker only sees a counter stand still between two of its own scans (row 37: every 20,050 ms).
      expect(since).toBeLessThanOrEqual(2 * 20_050);
    }
  });

  it('follows a shorter failover time when the application sets one', () => {
    const r = run(2, { workers: 2, failoverTimeMillis: 4_000 });
    r.advanceTo(30_000);
    const held = leaseTableView(r.state, 'app')!.leases.find((l) => l.leaseOwner === 'worker-1')!;
    const lastRenewal = 30_000 - held.millisSinceCounterChange;
    crashWorker(r.sim, 'app', 'worker-1', 30_000);
    r.advanceTo(60_000);
    const move = r
      .consumer<KclAppState>('app')
      .events.find((e) => e.event === 'leaseTaken' && e.at > 30_000)!;
    expect(move.at - lastRenewal).toBeGreaterThan(4_000);
    expect(move.at - lastRenewal).toBeLessThanOrEqual(2 * leaseTakingIntervalMillis(4_000));
  });
});

describe('#37 KCL lease renewal every 3,308 ms and lease taking every 20,050 ms (2016)', () => {
  it('derives both from the failover time as LeaseCoordinator does', () => {
    expect(leaseRenewalIntervalMillis(10_000)).toBe(3_308);
    expect(leaseTakingIntervalMillis(10_000)).toBe(20_050);
  });

  it('renews a held lease every 3,308 ms: its counter moves at that pace', () => {
    const r = run(1, { workers: 1 });
    r.advanceTo(2_000);
    const start = leaseTableView(r.state, 'app')!.leases[0]!.leaseCounter;
    r.advanceTo(2_000 + 10 * 3_308);
    expect(leaseTableView(r.state, 'app')!.leases[0]!.leaseCounter - start).toBe(10);
  });

  it('runs a new worker’s lease taker at once and then every 20,050 ms', () => {
    const r = run(4, { workers: 1 });
    r.advanceTo(5_000);
    addWorker(r.sim, 'app', 'worker-2', 5_000);
    r.advanceTo(100_000);
    const steals = r
      .consumer<KclAppState>('app')
      .events.filter((e) => e.event === 'leaseStolen' && e.workerId === 'worker-2')
      .map((e) => e.at);
    expect(steals).toEqual([5_000, 25_050]);
  });
});

describe('#38 KCL steals at most one lease per lease-taking cycle', () => {
  it('balances 8 shards over 4 workers one stolen lease per worker per cycle', () => {
    const r = run(8, { workers: 1 });
    r.advanceTo(5_000);
    for (const id of ['worker-2', 'worker-3', 'worker-4']) addWorker(r.sim, 'app', id, 5_000);
    r.advanceTo(200_000);
    const app = r.consumer<KclAppState>('app');
    const perCycle = new Map<string, number>();
    for (const e of app.events.filter((e) => e.event === 'leaseStolen')) {
      const key = `${e.workerId}@${e.at}`;
      perCycle.set(key, (perCycle.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perCycle.values())).toBe(1);
    const board = leaseTableView(r.state, 'app')!;
    expect(board.workers.map((w) => w.leaseKeys.length)).toEqual([2, 2, 2, 2]);
  });
});

describe('§2.2 lease table and record processors', () => {
  it('has one lease per shard (leaseKey = shardId) and one record processor per leased shard', () => {
    const r = run(3, { workers: 2 });
    r.advanceTo(60_000);
    const board = leaseTableView(r.state, 'app')!;
    expect(board.leases.map((l) => l.leaseKey)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    expect(board.leases.every((l) => l.processorStatus === 'PROCESSING')).toBe(true);
    const held = board.workers.flatMap((w) => w.leaseKeys).sort();
    expect(held).toEqual(board.leases.map((l) => l.leaseKey));
  });

  it('resumes after the last checkpoint when a lease moves: records since then are delivered twice (at least once)', () => {
    const r = run(1, { workers: 2, initialPosition: 'TRIM_HORIZON', checkpointIntervalSeconds: 20 });
    r.advanceTo(50_000);
    const owner = leaseTableView(r.state, 'app')!.leases[0]!.leaseOwner!;
    crashWorker(r.sim, 'app', owner, 50_000);
    r.advanceTo(120_000);
    const app = r.consumer<KclAppState>('app');
    expect(app.stats.duplicateUserRecords).toBeGreaterThan(0);
    // Never more than the records written since the checkpoint before the crash (20 s at 100 records/s).
    expect(app.stats.duplicateUserRecords).toBeLessThanOrEqual(20 * 100);
    expect(app.stats.userRecordsDelivered - app.stats.duplicateUserRecords).toBeGreaterThan(
      r.load.userRecordsSent[0]! - 200,
    );
  });
});
