import { describe, expect, it } from 'vitest';
import { count, MetricStore, seconds } from '../core/index.ts';
import { DEFAULT_METRIC_OPTIONS } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { splitShard, type KinesisState } from '../kinesis/index.ts';
import {
  lambdaConsumerSchema,
  lambdaConsumerConfig,
  validateLambdaConfig,
  type LambdaConsumerConfig,
} from './config.ts';
import { advanceLambdaConsumer } from './drive.ts';
import type { LambdaBatch } from './poll.ts';
import { createLambdaConsumerState, lambdaTotals } from './state.ts';
import { putKeys, streamWithShards } from './test-support.ts';

function run(
  kinesis: KinesisState,
  config: LambdaConsumerConfig,
  untilMs: number,
  puts?: (t: number) => void,
) {
  const state = createLambdaConsumerState(config);
  const batches: LambdaBatch[] = [];
  const ctx = {
    kinesis,
    metrics: new MetricStore(DEFAULT_METRIC_OPTIONS),
    onBatch: (b: LambdaBatch) => batches.push(b),
  };
  for (let t = 0; t <= untilMs; t += 1000) {
    puts?.(t);
    advanceLambdaConsumer(state, t, Math.min(t + 999, untilMs), ctx);
  }
  return { state, batches, totals: lambdaTotals(state) };
}

const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('batch size', () => {
  it('defaults to 100 and accepts 1 to 10,000', () => {
    const checked = lambdaConsumerSchema.check({ type: 'lambda', name: 'fn', stream: 'clicks' }, '$', []);
    expect(checked?.batchSize).toBe(100);
    expect(
      validateLambdaConfig(lambdaConsumerConfig({ name: 'f', stream: 's', batchSize: count(10_000) })).ok,
    ).toBe(true);
    expect(
      validateLambdaConfig(lambdaConsumerConfig({ name: 'f', stream: 's', batchSize: count(1) })).ok,
    ).toBe(true);
  });

  it('refuses 0 and 10,001 with the JSON path and the allowed range', () => {
    for (const batchSize of [0, 10_001]) {
      const issues: { path: string; message: string }[] = [];
      lambdaConsumerSchema.check(
        { type: 'lambda', name: 'fn', stream: 'clicks', batchSize },
        '$.consumers[0]',
        issues,
      );
      expect(issues[0]?.path).toBe('$.consumers[0].batchSize');
      expect(issues[0]?.message).toContain('from 1 to 10,000');
      const result = validateLambdaConfig(
        lambdaConsumerConfig({ name: 'f', stream: 's', batchSize: count(batchSize) }),
      );
      expect(!result.ok && result.error.code).toBe('InvalidParameterValueException');
    }
  });

  it('hands the function at most batchSize records, and keeps reading at once while a backlog exists', () => {
    const kinesis = streamWithShards(1);
    putKeys(kinesis, 0, keys(250));
    const { batches } = run(
      kinesis,
      lambdaConsumerConfig({ name: 'fn', stream: 'clicks', batchSize: count(100) }),
      3000,
    );
    expect(batches.map((b) => b.records.length)).toEqual([100, 100, 50]);
    // 20 ms + 0.5 ms × 100 = 70 ms per full batch: the next poll follows the previous invocation at once.
    expect(batches.map((b) => b.atMs)).toEqual([0, 70, 140]);
  });
});

describe('polling', () => {
  it('polls each shard once per second when it is caught up', () => {
    const kinesis = streamWithShards(2);
    const { state } = run(kinesis, lambdaConsumerConfig({ name: 'fn', stream: 'clicks' }), 4000);
    for (const poller of state.pollers) {
      expect(poller.recent.map((s) => s.atMs)).toEqual([0, 1000, 2000, 3000, 4000]);
      expect(poller.totals.emptyPolls).toBe(5);
    }
  });

  it('delivers each shard in sequence-number order, one batch in the function at a time', () => {
    const kinesis = streamWithShards(2);
    const config = lambdaConsumerConfig({
      name: 'fn',
      stream: 'clicks',
      batchSize: count(50),
      perRecordMs: millis(10),
    });
    const { batches, totals } = run(kinesis, config, 30_000, (t) => {
      if (t < 5000) putKeys(kinesis, t, keys(200, `t${t}-`));
    });
    expect(totals.recordsProcessed).toBe(1000);
    expect(totals.outOfOrder).toBe(0);
    for (const shardId of ['shardId-000000000000', 'shardId-000000000001']) {
      const mine = batches.filter((b) => b.shardId === shardId);
      const sequence = mine.flatMap((b) => b.records.map((r) => BigInt(r.SequenceNumber)));
      expect(sequence.every((s, i) => i === 0 || s > sequence[i - 1]!)).toBe(true);
      // 20 + 10 × 50 = 520 ms per batch: the next batch of a shard never starts before the previous ends.
      expect(mine.every((b, i) => i === 0 || b.atMs >= mine[i - 1]!.atMs + 520)).toBe(true);
    }
  });

  it('reports the iterator age growing when the function is slower than the stream', () => {
    const kinesis = streamWithShards(1);
    // 100 records per 20 + 100 × 5 = 520 ms → about 190 records/s, against 400 records/s put.
    const config = lambdaConsumerConfig({ name: 'fn', stream: 'clicks', perRecordMs: millis(5) });
    const { state } = run(kinesis, config, 20_000, (t) => putKeys(kinesis, t, keys(400, `t${t}-`)));
    const ages = state.pollers[0]!.recent.map((s) => s.iteratorAgeMs);
    expect(ages[ages.length - 1]!).toBeGreaterThan(9000);
    expect(state.pollers[0]!.totals.maxIteratorAgeMs).toBeGreaterThan(9000);
  });
});

describe('errors', () => {
  it('retries a failing batch until the function succeeds, losing nothing', () => {
    const kinesis = streamWithShards(1);
    putKeys(kinesis, 0, keys(30));
    const config = lambdaConsumerConfig({
      name: 'fn',
      stream: 'clicks',
      functionErrors: [{ fromSeconds: seconds(0), untilSeconds: seconds(3.5) }],
    });
    const { state, batches, totals } = run(kinesis, config, 6000);
    expect(totals.failedInvocations).toBe(4);
    expect(totals.recordsProcessed).toBe(30);
    expect(totals.recordsExpired).toBe(0);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.atMs).toBe(4000);
    expect(state.pollers[0]!.recent.slice(0, 5).map((s) => s.outcome)).toEqual([
      'FUNCTION_ERROR',
      'FUNCTION_ERROR',
      'FUNCTION_ERROR',
      'FUNCTION_ERROR',
      'OK',
    ]);
  });

  // A simulated day of retries once a second: heavy, so it gets more than the default 5 s on a busy machine.
  it(
    'blocks the shard on a poison record until the record expires, then carries on',
    { timeout: 60_000 },
    () => {
      const kinesis = streamWithShards(1);
      putKeys(kinesis, 0, ['poison', 'a', 'b']);
      const config = lambdaConsumerConfig({ name: 'fn', stream: 'clicks', poisonPartitionKey: 'poison' });
      const hours = 3600_000;
      const state = createLambdaConsumerState(config);
      const batches: LambdaBatch[] = [];
      const ctx = {
        kinesis,
        metrics: new MetricStore(DEFAULT_METRIC_OPTIONS),
        onBatch: (b: LambdaBatch) => batches.push(b),
      };
      advanceLambdaConsumer(state, 0, 10 * hours, ctx);
      putKeys(kinesis, 10 * hours + 1, ['c']);
      advanceLambdaConsumer(state, 10 * hours + 1, 24 * hours + 5000, ctx);
      const totals = lambdaTotals(state);
      expect(state.pollers[0]!.consecutiveFailures).toBe(0);
      expect(batches.map((b) => b.records.map((r) => r.PartitionKey))).toEqual([['c']]);
      expect(totals.recordsExpired).toBe(3);
      expect(totals.recordsProcessed).toBe(1);
      // One retry per second for the 24 h retention period (row 15), then the record is gone.
      expect(totals.failedInvocations).toBeGreaterThanOrEqual(86_399);
      expect(totals.failedInvocations).toBeLessThanOrEqual(86_401);
    },
  );
});

describe('resharding', () => {
  it('reads a parent shard to its end before its children', () => {
    const kinesis = streamWithShards(1);
    putKeys(kinesis, 0, keys(300));
    const config = lambdaConsumerConfig({ name: 'fn', stream: 'clicks', perRecordMs: millis(20) });
    const state = createLambdaConsumerState(config);
    const batches: LambdaBatch[] = [];
    const ctx = {
      kinesis,
      metrics: new MetricStore(DEFAULT_METRIC_OPTIONS),
      onBatch: (b: LambdaBatch) => batches.push(b),
    };
    advanceLambdaConsumer(state, 0, 500, ctx);
    const split = splitShard(
      kinesis,
      {
        StreamName: 'clicks',
        ShardToSplit: 'shardId-000000000000',
        NewStartingHashKey: (1n << 127n).toString(),
      },
      millis(1000),
    );
    expect(split.ok).toBe(true);
    putKeys(kinesis, 1000, keys(100, 'after-'));
    advanceLambdaConsumer(state, 1000, 20_000, ctx);
    const parentEnd = Math.max(
      ...batches.filter((b) => b.shardId === 'shardId-000000000000').map((b) => b.atMs),
    );
    const children = batches.filter((b) => b.shardId !== 'shardId-000000000000');
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((b) => b.atMs > parentEnd)).toBe(true);
    expect(lambdaTotals(state).recordsProcessed).toBe(400);
    expect(state.pollers[0]!.status).toBe('FINISHED');
  });
});
