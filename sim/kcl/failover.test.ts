/**
 * What a failover does to the records, as the KCL documents it:
 * - InitialPositionInStream "is used during initial application bootstrap (when a checkpoint doesn't exist
 *   for a shard or its parents)"; LATEST means "start after the most recent data record" (KCL 1.x,
 *   InitialPositionInStream.java). A new owner of a lease that still has no checkpoint therefore starts at
 *   LATEST and never sees the records its crashed predecessor had not processed.
 * - "Shard processors that were migrated to other instances restart processing records from the last
 *   checkpoint. This results in duplicated record processing" (KDS developer guide,
 *   kinesis-record-processor-duplicates.md, Consumer Retries) — after a crash, a restart, or when a lease is
 *   stolen to balance the load (awslabs/amazon-kinesis-client issue #265, "duplicate handling of stream due
 *   to stealing of leases").
 * - A processor whose lease moved is shut down with reason ZOMBIE and "SHOULD NOT checkpoint" (KCL 1.x,
 *   ShutdownReason.java); the checkpoint is the lease table's `checkpoint` column (kinesis-record-processor-ddb.md).
 * - When the first checkpoint falls due is the application's choice: the stock-trades tutorial's
 *   StockTradeRecordProcessor sets it one CHECKPOINT_INTERVAL_MILLIS (60 s) after `initialize`; the KCL's
 *   sample processor checkpoints after its first batch.
 */
import { describe, expect, it } from 'vitest';
import { startTestRun, type TestRun } from '../consumers/test-support.ts';
import { crashWorker, addWorker, leaseTableView, type KclAppState } from './index.ts';

const RATE = 200;

function run(consumer: Record<string, unknown>, shards = 2) {
  return startTestRun({
    seed: 3,
    durationSeconds: 180,
    streams: [{ name: 'clicks', shards }],
    testLoad: [{ stream: 'clicks', recordsPerSecond: RATE, recordBytes: 100 }],
    consumers: [{ type: 'kcl', name: 'app', stream: 'clicks', workers: 2, ...consumer }],
  });
}

const app = (r: TestRun) => r.consumer<KclAppState>('app');
const board = (r: TestRun) => leaseTableView(r.state, 'app')!;
const firstTime = (a: KclAppState) => a.stats.userRecordsDelivered - a.stats.duplicateUserRecords;

/** Crashes worker-1 at `at` and returns the shard it held alone (the tests use 2 shards for 2 workers). */
function crashAt(r: TestRun, at: number): string {
  r.advanceTo(at);
  const held = board(r).workers.find((w) => w.workerId === 'worker-1')!.leaseKeys;
  expect(held).toHaveLength(1);
  expect(crashWorker(r.sim, 'app', 'worker-1', at).ok).toBe(true);
  return held[0]!;
}

describe('KCL failover: where the new owner starts', () => {
  it('skips the records a crashed worker never checkpointed when the lease is still at LATEST, and says so', () => {
    // Tutorial policy: no checkpoint in a processor's first 60 s, so at 30 s the lease still says LATEST.
    const r = run({ initialPosition: 'LATEST', firstCheckpoint: 'AFTER_INTERVAL' });
    const shard = crashAt(r, 30_000);
    expect(app(r).leases.find((l) => l.leaseKey === shard)!.checkpoint).toBe('LATEST');
    r.advanceTo(90_000);
    const a = app(r);
    const taken = a.events.find((e) => e.event === 'leaseTaken' && e.shardId === shard && e.at > 30_000)!;
    expect(taken).toMatchObject({ workerId: 'worker-2', from: 'worker-1' });
    const started = a.events.find(
      (e) => e.event === 'initialized' && e.shardId === shard && e.at >= taken.at,
    )!;
    expect(started).toMatchObject({ workerId: 'worker-2', position: 'LATEST' });
    const skipped = a.events.find((e) => e.event === 'recordsSkipped' && e.shardId === shard)!;
    // About half the load goes to each shard: everything between the crash and the takeover is lost.
    const gapSeconds = (started.at - 30_000) / 1000;
    expect(skipped.records).toBeGreaterThan(0.35 * RATE * gapSeconds);
    expect(skipped.records).toBeLessThan(0.65 * RATE * (gapSeconds + 1));
    expect(a.stats.userRecordsSkipped).toBe(skipped.records);
    expect(board(r).leases.find((l) => l.leaseKey === shard)!.recordsSkipped).toBe(skipped.records);
    // Every record sent is accounted for: processed once, skipped, or written before the application
    // started reading (LATEST) or in the last second (not read yet).
    const sent = r.load.userRecordsSent[0]!;
    const unaccounted = sent - firstTime(a) - a.stats.userRecordsSkipped;
    expect(unaccounted).toBeGreaterThanOrEqual(0);
    expect(unaccounted).toBeLessThan(2 * RATE);
    // The only duplicates are those of the lease worker-2 stole at start-up, none from the failover.
    expect(a.stats.duplicatesByCause.failover).toBe(0);
  });

  it('resumes after the last checkpoint when there is one: nothing skipped, records after it processed twice', () => {
    const r = run({ initialPosition: 'LATEST', firstCheckpoint: 'FIRST_BATCH' });
    const shard = crashAt(r, 30_000);
    const checkpoint = app(r).leases.find((l) => l.leaseKey === shard)!.checkpoint;
    expect(checkpoint).toMatch(/^49\d+$/);
    const before = app(r).stats.duplicateUserRecords;
    r.advanceTo(90_000);
    const a = app(r);
    const started = a.events.find((e) => e.event === 'initialized' && e.shardId === shard && e.at > 30_000)!;
    expect(started.position).toBe(checkpoint);
    expect(a.stats.userRecordsSkipped).toBe(0);
    expect(a.events.some((e) => e.event === 'recordsSkipped' && e.at > 30_000)).toBe(false);
    // Up to 30 s of one shard's records since the first checkpoint come again, and all are a failover's.
    expect(a.stats.duplicateUserRecords - before).toBeGreaterThan(0.35 * RATE * 25);
    expect(a.stats.duplicatesByCause.failover).toBe(a.stats.duplicateUserRecords - before);
    const sent = r.load.userRecordsSent[0]!;
    expect(sent - firstTime(a)).toBeLessThan(2 * RATE);
  });

  it('starts a lease with no checkpoint at TRIM_HORIZON again: everything the crashed worker did is redone', () => {
    const r = run({ initialPosition: 'TRIM_HORIZON', firstCheckpoint: 'AFTER_INTERVAL' });
    const shard = crashAt(r, 30_000);
    const processed = app(r).reads.shards[shard]!.recordsProcessed;
    r.advanceTo(90_000);
    const a = app(r);
    expect(
      a.events.find((e) => e.event === 'initialized' && e.shardId === shard && e.at > 30_000)!.position,
    ).toBe('TRIM_HORIZON');
    expect(a.stats.userRecordsSkipped).toBe(0);
    expect(a.stats.duplicatesByCause.failover).toBe(processed);
  });

  it('checkpoints every N records when the application asks for it', () => {
    const r = run(
      { initialPosition: 'TRIM_HORIZON', checkpointIntervalSeconds: 3_600, checkpointEveryRecords: 500 },
      1,
    );
    r.advanceTo(30_000);
    const a = app(r);
    // 200 records/s read once a second: a checkpoint every third batch (600 records), about 10 in 30 s.
    expect(a.stats.checkpoints).toBeGreaterThanOrEqual(8);
    expect(a.stats.checkpoints).toBeLessThanOrEqual(12);
  });
});

describe('KCL failover: what the board and the figures say', () => {
  it('shows a crashed worker’s lease as held by a worker that is down, not as processing', () => {
    const r = run({ initialPosition: 'TRIM_HORIZON' });
    const shard = crashAt(r, 30_000);
    r.advanceTo(31_000);
    const row = board(r).leases.find((l) => l.leaseKey === shard)!;
    expect(row).toMatchObject({ leaseOwner: 'worker-1', ownerRunning: false, processorStatus: null });
  });

  it('lets "behind the tip" grow while nobody reads the shard, and drop once the new owner catches up', () => {
    const r = run({ initialPosition: 'LATEST', firstCheckpoint: 'FIRST_BATCH' });
    const shard = crashAt(r, 30_000);
    r.advanceTo(38_000);
    // The last record worker-1 processed arrived up to a second before the crash.
    expect(board(r).leases.find((l) => l.leaseKey === shard)!.millisBehindLatest).toBeGreaterThan(7_000);
    const lag = r.state.metrics.get({
      namespace: 'BDLab/Consumers',
      metricName: 'MillisBehindLatest',
      dimensions: { ConsumerName: 'app', ShardId: shard },
    })!;
    const during = [...lag.series.datapoints()].filter((p) => p.timestamp >= 31_000 && p.timestamp < 38_000);
    expect(during.length).toBeGreaterThanOrEqual(6);
    expect(during.at(-1)!.maximum).toBeGreaterThan(during[0]!.maximum);
    r.advanceTo(90_000);
    expect(board(r).leases.find((l) => l.leaseKey === shard)!.millisBehindLatest).toBeLessThan(1_500);
  });

  it('counts the duplicates of a lease stolen at start-up as balancing, not as a failover', () => {
    const r = run({ workers: 1, initialPosition: 'TRIM_HORIZON', firstCheckpoint: 'FIRST_BATCH' }, 4);
    r.advanceTo(10_000);
    expect(addWorker(r.sim, 'app', undefined, 10_000).ok).toBe(true);
    r.advanceTo(60_000);
    const a = app(r);
    expect(a.stats.leasesStolen).toBeGreaterThan(0);
    expect(a.stats.duplicatesByCause.leaseStolen).toBeGreaterThan(0);
    expect(a.stats.duplicatesByCause.failover).toBe(0);
    expect(a.stats.duplicateUserRecords).toBe(a.stats.duplicatesByCause.leaseStolen);
  });

  it('counts nothing as skipped when a zombie processes the records a LATEST start passed over', () => {
    // Stolen at start-up before any checkpoint, the lease says LATEST; the old owner keeps reading until its
    // next renewal fails, so the records the thief passed over are still processed once.
    const r = run({ workers: 1, initialPosition: 'LATEST', firstCheckpoint: 'AFTER_INTERVAL' }, 4);
    r.advanceTo(10_000);
    expect(addWorker(r.sim, 'app', undefined, 10_000).ok).toBe(true);
    r.advanceTo(60_000);
    const a = app(r);
    expect(a.stats.leasesStolen).toBeGreaterThan(0);
    expect(a.stats.userRecordsSkipped).toBe(0);
  });
});
