import { describe, expect, it } from 'vitest';
import { MetricStore, seconds } from '../core/index.ts';
import { DEFAULT_METRIC_OPTIONS } from '../core/index.ts';
import { putRecords, type KinesisState } from '../kinesis/index.ts';
import { encodeAggregatedRecord } from '../kpl/index.ts';
import { millis } from '../core/index.ts';
import { putKeys, streamWithShards } from '../lambda-consumer/test-support.ts';
import { sparkConsumerConfig, type SparkConsumerConfig } from './config.ts';
import { advanceSparkConsumer } from './drive.ts';
import { createSparkConsumerState } from './state.ts';
import { sparkConsumerView } from './view.ts';

function run(kinesis: KinesisState, config: SparkConsumerConfig, seconds: number, puts: (t: number) => void) {
  const state = createSparkConsumerState(config);
  const ctx = { kinesis, metrics: new MetricStore(DEFAULT_METRIC_OPTIONS) };
  for (let t = 0; t < seconds * 1000; t += 1000) {
    puts(t);
    advanceSparkConsumer(state, t, t + 999, ctx);
  }
  advanceSparkConsumer(state, seconds * 1000, seconds * 1000, ctx);
  return state;
}

const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const base = { name: 'app', stream: 'clicks', batchIntervalSeconds: seconds(1), cores: 2 };

describe('batches from the receivers', () => {
  it('keeps the scheduling delay at 0 while processing fits the interval', () => {
    const kinesis = streamWithShards(1);
    // 100 + 500 × 1 ÷ 1 core = 600 ms per 1 s batch.
    const state = run(kinesis, sparkConsumerConfig({ ...base, perRecordMs: millis(1) }), 20, (t) =>
      putKeys(kinesis, t, keys(500, `t${t}-`)),
    );
    const full = state.batches.filter((b) => b.records > 0);
    expect(full.length).toBeGreaterThanOrEqual(18);
    expect(full.every((b) => b.records === 500 && b.processingMs === 600)).toBe(true);
    expect(state.batches.every((b) => b.schedulingDelayMs === 0)).toBe(true);
    expect(state.totals.records).toBe(10_000);
  });

  it('lets the scheduling delay grow without bound when processing outlasts the interval', () => {
    const kinesis = streamWithShards(1);
    // 100 + 500 × 3 = 1,600 ms per 1 s batch: each batch waits 600 ms more than the one before.
    const state = run(kinesis, sparkConsumerConfig({ ...base, perRecordMs: millis(3) }), 30, (t) =>
      putKeys(kinesis, t, keys(500, `t${t}-`)),
    );
    const full = state.batches.filter((b) => b.records > 0);
    const growth = full.slice(1).map((b, i) => b.schedulingDelayMs! - full[i]!.schedulingDelayMs!);
    expect(growth.every((g) => g === 600)).toBe(true);
    const view = sparkConsumerView(state, 30_000);
    expect(view.keepingUp).toBe(false);
    expect(view.queuedBatches).toBeGreaterThan(10);
    // The last batch is scheduled to wait 28 × 600 = 16,800 ms: the delay has no ceiling.
    expect(full.at(-1)!.schedulingDelayMs).toBe(600 * (full.length - 1));
    expect(state.totals.maxSchedulingDelayMs).toBeGreaterThan(15_000);
  });

  it('processes nothing when the receivers hold every core', () => {
    const kinesis = streamWithShards(2);
    const state = run(kinesis, sparkConsumerConfig({ ...base, cores: 2, receivers: 2 }), 5, (t) =>
      putKeys(kinesis, t, keys(100, `t${t}-`)),
    );
    expect(state.totals.records).toBe(500);
    expect(state.batches.every((b) => b.processingMs === null && b.startMs === null)).toBe(true);
    expect(Object.values(state.reads.shards).every((s) => s.recordsProcessed === 0)).toBe(true);
    const view = sparkConsumerView(state, 5000);
    expect(view.processingCores).toBe(0);
    expect(view.batches.at(-1)).toMatchObject({ status: 'NO_CORES', schedulingDelayMs: 0 });
    expect(view.batches[0]).toMatchObject({ status: 'NO_CORES', schedulingDelayMs: 4000 });
  });

  it('spreads shards over receivers and credits records when their batch ends', () => {
    const kinesis = streamWithShards(4);
    const state = run(kinesis, sparkConsumerConfig({ ...base, cores: 4, receivers: 2 }), 5, (t) =>
      putKeys(kinesis, t, keys(200, `t${t}-`)),
    );
    expect(state.readers.map((r) => r.receiver)).toEqual([0, 1, 0, 1]);
    const processed = Object.values(state.reads.shards).reduce((n, s) => n + s.recordsProcessed, 0);
    // Records read at 4 s sit in the batch at 5 s, whose job ends after the run: 800 of 1,000.
    expect(processed).toBe(800);
  });
});

describe('windows on the real records', () => {
  it('counts per partition key over tumbling and sliding windows', () => {
    const kinesis = streamWithShards(2);
    const config = sparkConsumerConfig({
      ...base,
      cores: 4,
      windows: [
        { lengthSeconds: seconds(5), slideSeconds: seconds(5), countBy: 'partitionKey' },
        { lengthSeconds: seconds(3), slideSeconds: seconds(1), countBy: 'field', field: 'page' },
      ],
    });
    const pages = ['/home', '/cart', '/home', '/buy'];
    const state = run(kinesis, config, 12, (t) => {
      const hot = Array.from({ length: 30 }, () => 'hot');
      putKeys(kinesis, t, [...hot, ...keys(10, `t${t}-`)], (i) => JSON.stringify({ page: pages[i % 4] }));
    });
    // Batch at T holds the records put at T − 1 s (read at T − 1 s, one read per second).
    const at10 = state.batches.find((b) => b.batchTimeMs === 10_000)!;
    const tumbling = at10.windowResults.find((r) => r.window === 0)!;
    expect(tumbling.totalRecords).toBe(5 * 40);
    expect(tumbling.top[0]).toEqual({ key: 'hot', count: 150 });
    expect(tumbling.distinctKeys).toBe(1 + 50);
    const sliding = at10.windowResults.find((r) => r.window === 1)!;
    // 40 records a second, pages cycling /home /cart /home /buy → 20 /home, 10 /cart, 10 /buy per second.
    expect(sliding.top).toEqual([
      { key: '/home', count: 60 },
      { key: '/buy', count: 30 },
      { key: '/cart', count: 30 },
    ]);
    expect(state.batches.find((b) => b.batchTimeMs === 9000)!.windowResults.map((r) => r.window)).toEqual([
      1,
    ]);
  });

  it('counts the user records inside KPL aggregates, by their own partition keys', () => {
    const kinesis = streamWithShards(1);
    const encoder = new TextEncoder();
    const users = ['a', 'b', 'a', 'a'].map((k) => ({ PartitionKey: k, Data: encoder.encode(k) }));
    const Data = encodeAggregatedRecord(users);
    const config = sparkConsumerConfig({
      ...base,
      windows: [{ lengthSeconds: seconds(2), slideSeconds: seconds(2), countBy: 'partitionKey' }],
    });
    const state = run(kinesis, config, 2, (t) => {
      if (t === 0)
        putRecords(kinesis, { StreamName: 'clicks', Records: [{ PartitionKey: 'outer', Data }] }, millis(t));
    });
    expect(state.totals.records).toBe(4);
    expect(state.batches[1]!.windowResults[0]!.top).toEqual([
      { key: 'a', count: 3 },
      { key: 'b', count: 1 },
    ]);
  });
});
