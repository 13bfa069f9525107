/**
 * Fidelity: Spark Streaming on Kinesis. Spark facts are not in AWS-FACTS; each test cites the Apache Spark
 * documentation it checks (as `SPARK_STREAMING_FACTS` does). The KCL inside the receivers follows
 * AWS-FACTS §2.2 and Numbers row 40 (1,000 ms between reads, ≤ 10,000 records per GetRecords).
 */
import { describe, expect, it } from 'vitest';
import { MetricStore, millis, seconds } from '../../sim/core/index.ts';
import { DEFAULT_METRIC_OPTIONS } from '../../sim/core/index.ts';
import type { KinesisState } from '../../sim/kinesis/index.ts';
import { putKeys, streamWithShards } from '../../sim/lambda-consumer/test-support.ts';
import {
  advanceSparkConsumer,
  batchProcessing,
  checkSparkConfig,
  createSparkConsumerState,
  SPARK_STREAMING_FACTS,
  sparkConsumerConfig,
  tasksPerBatch,
  type SparkConsumerConfig,
} from '../../sim/spark-streaming/index.ts';

const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const base = { name: 'app', stream: 'clicks', batchIntervalSeconds: seconds(1), cores: 2 };

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

describe('receivers (Spark Streaming Programming Guide, "Points to remember")', () => {
  it('each receiver holds a core: with as many receivers as cores, data is received but never processed', () => {
    expect(SPARK_STREAMING_FACTS.coresPerReceiver).toBe(1);
    const kinesis = streamWithShards(1);
    const state = run(kinesis, sparkConsumerConfig({ ...base, cores: 1, receivers: 1 }), 5, (t) =>
      putKeys(kinesis, t, keys(100, `t${t}-`)),
    );
    expect(state.totals.records).toBe(500);
    expect(state.batches.every((b) => b.startMs === null)).toBe(true);
  });

  it('the KCL in a receiver reads each shard once per 1,000 ms (row 40)', () => {
    const kinesis = streamWithShards(3);
    const state = run(kinesis, sparkConsumerConfig({ ...base, cores: 4, receivers: 2 }), 10, () => {});
    for (const stats of Object.values(state.reads.shards)) expect(stats.getRecordsCalls).toBe(11);
  });
});

describe('parallelism (Spark Streaming Programming Guide, "Level of Parallelism in Data Receiving")', () => {
  it('a 200 ms block interval makes 10 tasks per receiver for a 2 s batch', () => {
    expect(SPARK_STREAMING_FACTS.defaultBlockIntervalMs).toBe(200);
    expect(tasksPerBatch({ batchIntervalSeconds: seconds(2), blockIntervalMs: millis(200) }, 1)).toBe(10);
  });

  it('tasks, not cores, bound the parallelism when the batch has few blocks', () => {
    const config = sparkConsumerConfig({
      ...base,
      batchIntervalSeconds: seconds(1),
      cores: 17,
      receivers: 1,
    });
    expect(batchProcessing(config, 10_000, 1).parallelism).toBe(5);
  });
});

describe('batch interval vs processing time (Programming Guide, "Setting the Right Batch Interval")', () => {
  it('is stable while processing time stays under the batch interval', () => {
    const kinesis = streamWithShards(1);
    const state = run(kinesis, sparkConsumerConfig({ ...base, perRecordMs: millis(1.5) }), 30, (t) =>
      putKeys(kinesis, t, keys(500, `t${t}-`)),
    );
    expect(state.batches.every((b) => (b.processingMs ?? 0) < 1000)).toBe(true);
    expect(state.totals.maxSchedulingDelayMs).toBe(0);
  });

  it('falls further behind every batch once processing time exceeds the interval', () => {
    const kinesis = streamWithShards(1);
    const state = run(kinesis, sparkConsumerConfig({ ...base, perRecordMs: millis(2.5) }), 30, (t) =>
      putKeys(kinesis, t, keys(500, `t${t}-`)),
    );
    const delays = state.batches.filter((b) => b.records > 0).map((b) => b.schedulingDelayMs!);
    expect(delays.slice(1).every((d, i) => d > delays[i]!)).toBe(true);
    expect(delays.at(-1)!).toBeGreaterThan(8000);
  });
});

describe('windows (Spark API DStream.window: length and slide are multiples of the batching interval)', () => {
  it('refuses a window that is not a multiple of the batch interval', () => {
    const config = sparkConsumerConfig({
      ...base,
      batchIntervalSeconds: seconds(2),
      windows: [{ lengthSeconds: seconds(6), slideSeconds: seconds(3), countBy: 'partitionKey' }],
    });
    expect(checkSparkConfig(config, '$.consumers[0]').map((i) => i.path)).toEqual([
      '$.consumers[0].windows[0].slideSeconds',
    ]);
  });

  it('counts every record once per tumbling window and length ÷ slide times in sliding windows', () => {
    const kinesis = streamWithShards(2);
    const config = sparkConsumerConfig({
      ...base,
      cores: 4,
      windows: [
        { lengthSeconds: seconds(4), slideSeconds: seconds(4), countBy: 'partitionKey' },
        { lengthSeconds: seconds(4), slideSeconds: seconds(2), countBy: 'partitionKey' },
      ],
    });
    const state = run(kinesis, config, 16, (t) => putKeys(kinesis, t, ['hot', ...keys(9, `t${t}-`)]));
    const results = state.batches.flatMap((b) => b.windowResults);
    const tumbling = results.filter((r) => r.window === 0).reduce((n, r) => n + r.totalRecords, 0);
    const sliding = results
      .filter((r) => r.window === 1 && !r.partial)
      .reduce((n, r) => n + r.totalRecords, 0);
    expect(tumbling).toBe(state.totals.records);
    // Each full sliding window of 4 s every 2 s sees each second's records twice (at 4, 6, … 16 s).
    expect(sliding).toBe(7 * 40);
  });
});
