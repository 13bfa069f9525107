import { runScenarioSampled } from '../run/index.ts';
import { describe, expect, it } from 'vitest';

const orders = {
  seed: 4,
  durationSeconds: 6,
  streams: [{ name: 'orders', shards: 2 }],
  producers: [
    {
      stream: 'orders',
      recordsPerSecond: 2500,
      recordBytes: 200,
      partitionKeys: { strategy: 'fixed', key: 'store-7' },
    },
  ],
};

describe('runSampled: one stream, second by second, on a streaming session', () => {
  it('per-second series add up to the shard totals, and the hot shard is capped at 1,000 records/s', () => {
    const run = runScenarioSampled(orders, 'orders');
    if (!run.ok) throw new Error(run.error.message);
    const { shards, totals } = run.value;
    for (const shard of shards) {
      expect(shard.perSecond.records.reduce((a, b) => a + b, 0)).toBe(shard.incomingRecords);
      expect(shard.perSecond.throttled.reduce((a, b) => a + b, 0)).toBe(shard.attemptsThrottled);
      expect(shard.perSecond.bytes.reduce((a, b) => a + b, 0)).toBe(shard.incomingBytes);
    }
    const hot = shards.find((s) => s.incomingRecords > 0)!;
    // After the first second (a full bucket), a shard takes 1,000 records a second [AWS-FACTS row 2].
    expect(hot.perSecond.records.slice(1)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(totals.recordsOffered).toBe(15_000);
    expect(totals.recordsAccepted + totals.recordsThrottled).toBe(15_000);
    expect(run.value.kpl).toBeNull();
    expect(run.value.lagPerSecond).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('returns a timed action AWS refused as the error, and an invalid scenario with its JSON path', () => {
    const split = {
      ...orders,
      actions: [{ atSeconds: 2, action: 'splitShard', stream: 'orders', shardId: 'shardId-000000000009' }],
    };
    expect(runScenarioSampled(split, 'orders')).toMatchObject({
      ok: false,
      error: { code: 'ResourceNotFoundException' },
    });
    expect(
      runScenarioSampled({ ...orders, streams: [{ name: 'orders', shards: 0 }] }, 'orders'),
    ).toMatchObject({
      ok: false,
      error: { path: '$.streams[0].shards' },
    });
  });

  it('shows a paused consumer falling behind and catching up after it resumes', () => {
    const run = runScenarioSampled(
      {
        ...orders,
        durationSeconds: 20,
        producers: [{ ...orders.producers[0], recordsPerSecond: 500 }],
        consumers: [{ type: 'kcl', name: 'archive', stream: 'orders', initialPosition: 'TRIM_HORIZON' }],
        actions: [
          { atSeconds: 4, action: 'pauseConsumer', consumer: 'archive' },
          { atSeconds: 12, action: 'resumeConsumer', consumer: 'archive' },
        ],
      },
      'orders',
    );
    if (!run.ok) throw new Error(run.error.message);
    const lag = run.value.lagPerSecond;
    expect(lag[10]).toBeGreaterThanOrEqual(5_000);
    expect(lag[10]!).toBeGreaterThan(lag[8]!);
    expect(Math.max(...lag.slice(14))).toBeLessThan(1_000);
    expect(run.value.maxMillisBehindLatest).toBe(Math.max(...lag));
  });
});
