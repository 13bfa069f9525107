import { describe, expect, it } from 'vitest';
import { seconds } from '../core/index.ts';
import { runKind } from '../lambda-consumer/kind-harness.ts';
import { putKeys, streamWithShards } from '../lambda-consumer/test-support.ts';
import { sparkConsumerKind } from './kind.ts';
import type { SparkConsumerState } from './state.ts';

const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const scenario = { seed: 1, durationSeconds: seconds(10), metricResolutionSeconds: seconds(1) };

describe('sparkConsumerKind', () => {
  it('refuses windows that are not multiples of the batch interval, and a field window without a field', () => {
    const config = sparkConsumerKind.schema.check(
      {
        type: 'spark',
        name: 'app',
        stream: 'clicks',
        batchIntervalSeconds: 2,
        cores: 4,
        windows: [
          { lengthSeconds: 5, countBy: 'partitionKey' },
          { lengthSeconds: 4, slideSeconds: 3, countBy: 'field' },
        ],
      },
      '$.consumers[0]',
      [],
    )!;
    const issues = sparkConsumerKind.checkScenario!(config, scenario, '$.consumers[0]');
    expect(issues.map((i) => i.path)).toEqual([
      '$.consumers[0].windows[0].lengthSeconds',
      '$.consumers[0].windows[1].slideSeconds',
      '$.consumers[0].windows[1].field',
    ]);
    expect(issues[0]!.message).toContain('multiple of the batch interval (2 s)');
  });

  it('needs a batch interval and cores', () => {
    const issues: { path: string; message: string }[] = [];
    sparkConsumerKind.schema.check(
      { type: 'spark', name: 'app', stream: 'clicks' },
      '$.consumers[0]',
      issues,
    );
    expect(issues.map((i) => i.path)).toEqual([
      '$.consumers[0].batchIntervalSeconds',
      '$.consumers[0].cores',
    ]);
  });

  it('runs on its own timers: batches every interval, records credited when their job ends', () => {
    const kinesis = streamWithShards(2);
    const { state, config, now } = runKind(
      sparkConsumerKind,
      {
        type: 'spark',
        name: 'app',
        stream: 'clicks',
        batchIntervalSeconds: 2,
        cores: 3,
        windows: [{ lengthSeconds: 4, slideSeconds: 4, countBy: 'partitionKey' }],
      },
      kinesis,
      10,
      (t) => {
        if (t < 6000) putKeys(kinesis, t, ['hot', 'hot', ...keys(8, `t${t}-`)]);
      },
    );
    const spark = state as SparkConsumerState;
    expect(spark.batches.map((b) => b.batchTimeMs)).toEqual([2000, 4000, 6000, 8000, 10_000]);
    expect(spark.batches.map((b) => b.records)).toEqual([20, 20, 20, 0, 0]);
    const processed = Object.values(spark.reads.shards).reduce((n, s) => n + s.recordsProcessed, 0);
    expect(processed).toBe(60);
    const details = sparkConsumerKind.details(state, config, now as never) as Record<string, unknown>;
    // Only the batch generated at the last instant is still running (its 100 ms overhead).
    expect(details['queuedBatches']).toBe(1);
    const window = spark.batches.find((b) => b.batchTimeMs === 4000)!.windowResults[0]!;
    expect(window.top[0]).toEqual({ key: 'hot', count: 8 });
    const view = sparkConsumerKind.view(state, config, now as never);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
