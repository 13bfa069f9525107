/**
 * Fidelity: RecordMaxBufferedTime in a streaming run (AWS-FACTS §2.1, row 30: default 100 ms). The KPL
 * sends a shard's aggregate when its oldest user record has waited RecordMaxBufferedTime (or the aggregate
 * is full), so with records arriving steadily and aggregates far from full, a shard gets about one
 * Kinesis record per buffered time and a user record waits about half of it on average.
 */
import { runScenarioSampled } from '../../sim/run/index.ts';
import { describe, expect, it } from 'vitest';

function kplRun(recordMaxBufferedTimeMs: number) {
  const run = runScenarioSampled(
    {
      seed: 2,
      durationSeconds: 10,
      streams: [{ name: 'sensors', shards: 1 }],
      producers: [
        {
          stream: 'sensors',
          // 100 records of 60 bytes per 100 ms: 7 KB, far below the 51,200-byte aggregate (row 31).
          recordsPerSecond: 1000,
          recordBytes: 60,
          partitionKeys: { strategy: 'zipf', keys: 50, exponent: 0 },
          kpl: { aggregation: true, recordMaxBufferedTimeMs },
        },
      ],
    },
    'sensors',
  );
  if (!run.ok) throw new Error(run.error.message);
  const { kinesisRecordsAccepted, kpl } = run.value;
  return { kinesisRecordsPerSecond: kinesisRecordsAccepted / 10, meanWaitMs: kpl!.meanLatencyMs };
}

describe('#30 RecordMaxBufferedTime in a streaming run', () => {
  it('at the default 100 ms: about 10 aggregates a second per shard, records waiting about 50 ms', () => {
    const run = kplRun(100);
    expect(run.kinesisRecordsPerSecond).toBeGreaterThan(8.5);
    expect(run.kinesisRecordsPerSecond).toBeLessThanOrEqual(10.5);
    expect(run.meanWaitMs).toBeGreaterThan(40);
    expect(run.meanWaitMs).toBeLessThan(60);
  });

  it('at 20 ms: about five times as many, smaller aggregates, and a fifth of the wait', () => {
    const run = kplRun(20);
    expect(run.kinesisRecordsPerSecond).toBeGreaterThan(42);
    expect(run.kinesisRecordsPerSecond).toBeLessThanOrEqual(52);
    expect(run.meanWaitMs).toBeGreaterThan(8);
    expect(run.meanWaitMs).toBeLessThan(12);
  });
});
