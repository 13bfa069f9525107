import { describe, expect, it } from 'vitest';
import { startTestRun } from './test-support.ts';
import type { ConsumerStateBase } from './consumer-kind.ts';

const SHARD = 'shardId-000000000000';

/**
 * A busy shard: 450 records/s of 2,000 bytes, about 0.86 MiB/s in (most of the 1 MiB/s write limit), read
 * by `apps` KCL applications polling once a second. Together they may read 2 MiB/s.
 */
function busyShard(apps: number) {
  const r = startTestRun({
    seed: 4,
    durationSeconds: 90,
    streams: [{ name: 'clicks', shards: 1 }],
    testLoad: [{ stream: 'clicks', recordsPerSecond: 450, recordBytes: 2000 }],
    consumers: Array.from({ length: apps }, (_, i) => ({
      type: 'kcl',
      name: `app-${i + 1}`,
      stream: 'clicks',
      initialPosition: 'TRIM_HORIZON',
    })),
  });
  const names = Array.from({ length: apps }, (_, i) => `app-${i + 1}`);
  const stats = (n: string) => r.consumer<ConsumerStateBase>(n).reads.shards[SHARD]!;
  const shard = () => r.kinesis.streams['clicks']!.shards[0]!;
  /** Records written but not yet read, summed over the applications: the consumers' total lag. */
  const unread = () =>
    names.reduce((t, n) => t + shard().totals.incomingRecords - stats(n).kinesisRecordsRead, 0);
  r.advanceTo(45_000);
  const unreadAt45 = unread();
  r.advanceTo(90_000);
  const totals = shard().totals;
  return {
    unreadAt45,
    unreadAt90: unread(),
    maxLag: Math.max(...names.map((n) => stats(n).maxMillisBehindLatest)),
    throttledCalls: totals.throttledGetRecordsCalls,
    consumerThrottles: names.reduce((t, n) => t + stats(n).readThrottles, 0),
    bytesOut: totals.outgoingBytes,
    throttleMetric: r.state.metrics
      .find('AWS/Kinesis', 'ReadProvisionedThroughputExceeded')
      .reduce((t, s) => t + s.series.lifetime().sum, 0),
  };
}

describe('consumers sharing a shard’s read limit (2 MiB/s, 5 GetRecords/s, shared)', () => {
  const one = busyShard(1);
  const two = busyShard(2);
  const three = busyShard(3);

  it('lets one application keep up without a throttled read', () => {
    expect(one.throttledCalls).toBe(0);
    expect(one.unreadAt90).toBeLessThan(1_000);
  });

  it('throttles reads and lets lag grow once the applications together need more than 2 MiB/s', () => {
    expect(three.throttledCalls).toBeGreaterThan(10);
    expect(three.unreadAt45).toBeGreaterThan(1_000);
    expect(three.unreadAt90).toBeGreaterThan(2 * three.unreadAt45 - 1_000);
    expect(three.maxLag).toBeGreaterThan(10_000);
    expect(one.maxLag).toBeLessThanOrEqual(1_000);
    expect(two.maxLag).toBeLessThanOrEqual(1_000);
    expect(one.throttledCalls).toBeLessThanOrEqual(two.throttledCalls);
    expect(two.throttledCalls).toBeLessThan(three.throttledCalls);
  });

  it('never lets the shard serve much more than 2 MiB/s in total', () => {
    const seconds = 90;
    // One second of quota may be taken in advance (the bucket starts full, and a call may overdraw it).
    expect(three.bytesOut).toBeLessThanOrEqual(2 * 1024 * 1024 * (seconds + 2));
  });

  it('reports the refused calls to the consumers and as the shard’s ReadProvisionedThroughputExceeded metric', () => {
    expect(three.consumerThrottles).toBe(three.throttledCalls);
    expect(three.throttleMetric).toBe(three.throttledCalls);
  });
});
