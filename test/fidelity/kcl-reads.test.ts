/**
 * Fidelity: how a KCL application reads a shard, against AWS-FACTS row 40 (KCL16 defaults: 1,000 ms between
 * GetRecords calls, maxRecords 10,000), rows 3–5 (2 MB/s and 5 GetRecords calls/s per shard shared by
 * every consumer, ≤ 10,000 records per call) and §1.4 (MillisBehindLatest shows consumer lag).
 */
import { describe, expect, it } from 'vitest';
import type { ConsumerStateBase } from '../../sim/consumers/index.ts';
import { startTestRun } from '../../sim/consumers/test-support.ts';
import { addWorker, crashWorker, KCL_DEFAULTS, type KclAppState } from '../../sim/kcl/index.ts';

const SHARD = 'shardId-000000000000';

function oneShard(recordsPerSecond: number, consumers: Record<string, unknown>[]) {
  return startTestRun({
    seed: 3,
    durationSeconds: 120,
    streams: [{ name: 'clicks', shards: 1 }],
    testLoad: [{ stream: 'clicks', recordsPerSecond, recordBytes: 100 }],
    consumers: consumers.map((c, i) => ({ type: 'kcl', name: `app-${i + 1}`, stream: 'clicks', ...c })),
  });
}

describe('#40 KCL idleTimeBetweenReadsInMillis 1,000 ms and maxRecords 10,000', () => {
  it('are the defaults', () => {
    expect(KCL_DEFAULTS.idleTimeBetweenReadsMillis).toBe(1_000);
    expect(KCL_DEFAULTS.maxRecords).toBe(10_000);
  });

  it('a caught-up record processor calls GetRecords once a second', () => {
    const r = oneShard(100, [{}]);
    r.advanceTo(1_000);
    const first = r.consumer<ConsumerStateBase>('app-1').reads.shards[SHARD]!.getRecordsCalls;
    r.advanceTo(61_000);
    expect(r.consumer<ConsumerStateBase>('app-1').reads.shards[SHARD]!.getRecordsCalls - first).toBe(60);
  });

  it('a processor with a backlog reads 10,000 records per call and reports how far behind it is', () => {
    const r = oneShard(1_000, [{ initialPosition: 'TRIM_HORIZON', checkpointIntervalSeconds: 0 }]);
    r.advanceTo(2_000);
    crashWorker(r.sim, 'app-1', 'worker-1', 2_000);
    r.advanceTo(32_000);
    const stats = () => r.consumer<KclAppState>('app-1').reads.shards[SHARD]!;
    const before = stats().kinesisRecordsRead;
    addWorker(r.sim, 'app-1', 'worker-1', 32_000);
    r.advanceTo(32_000);
    expect(stats().kinesisRecordsRead - before).toBe(10_000);
    expect(stats().millisBehindLatest).toBeGreaterThan(15_000);
    r.advanceTo(33_000);
    expect(stats().kinesisRecordsRead - before).toBe(20_000);
    r.advanceTo(40_000);
    expect(stats().millisBehindLatest).toBe(0);
  });
});

describe('#3–#4 the read limits of a shard are shared by every application', () => {
  it('four applications polling once a second stay within 5 GetRecords calls per second', () => {
    const r = oneShard(50, [{}, {}, {}, {}]);
    r.advanceTo(60_000);
    expect(r.kinesis.streams['clicks']!.shards[0]!.totals.throttledGetRecordsCalls).toBe(0);
  });

  it('six applications on a quiet shard are throttled by the call rate alone', () => {
    const r = oneShard(50, [{}, {}, {}, {}, {}, {}]);
    r.advanceTo(60_000);
    const totals = r.kinesis.streams['clicks']!.shards[0]!.totals;
    expect(totals.outgoingBytes / 60).toBeLessThan(2 * 1024 * 1024);
    // 6 calls wanted per second, 5 allowed: about one in six refused.
    expect(totals.throttledGetRecordsCalls).toBeGreaterThan(30);
    expect(totals.getRecordsCalls - totals.throttledGetRecordsCalls).toBeLessThanOrEqual(5 * 60 + 5);
  });
});
