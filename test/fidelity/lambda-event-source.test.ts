/**
 * Fidelity: the Lambda event source mapping for Kinesis against AWS-FACTS §2.3 and Numbers rows 41–43
 * (batch size, poll rate, one batch per shard at a time, retries until success or expiry), row 15
 * (24 h retention bounds the retries) and rows 3–4 (consumers share each shard's read limits).
 */
import { describe, expect, it } from 'vitest';
import { count, MetricStore, millis, seconds } from '../../sim/core/index.ts';
import { DEFAULT_METRIC_OPTIONS } from '../../sim/core/index.ts';
import {
  advanceLambdaConsumer,
  createLambdaConsumerState,
  LAMBDA_EVENT_SOURCE_LIMITS,
  lambdaConsumerConfig,
  lambdaConsumerSchema,
  lambdaTotals,
  validateLambdaConfig,
  type LambdaBatch,
  type LambdaConsumerConfig,
} from '../../sim/lambda-consumer/index.ts';
import { putKeys, streamWithShards } from '../../sim/lambda-consumer/test-support.ts';
import type { KinesisState } from '../../sim/kinesis/index.ts';

const HOUR = 3_600_000;
const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function consume(
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
  return { state, batches };
}

describe('BatchSize (row 41: default 100, max 10,000)', () => {
  it('defaults to 100 and allows 1 to 10,000', () => {
    expect(LAMBDA_EVENT_SOURCE_LIMITS.defaultBatchSize).toBe(100);
    expect(lambdaConsumerSchema.check({ type: 'lambda', name: 'f', stream: 's' }, '$', [])?.batchSize).toBe(
      100,
    );
    expect(
      validateLambdaConfig(lambdaConsumerConfig({ name: 'f', stream: 's', batchSize: count(10_000) })).ok,
    ).toBe(true);
    expect(
      validateLambdaConfig(lambdaConsumerConfig({ name: 'f', stream: 's', batchSize: count(10_001) })).ok,
    ).toBe(false);
    expect(
      validateLambdaConfig(lambdaConsumerConfig({ name: 'f', stream: 's', batchSize: count(0) })).ok,
    ).toBe(false);
  });

  it('never hands the function more than BatchSize records', () => {
    const kinesis = streamWithShards(1);
    const { batches } = consume(
      kinesis,
      lambdaConsumerConfig({ name: 'f', stream: 'clicks', batchSize: count(250) }),
      5000,
      (t) => {
        if (t < 3000) putKeys(kinesis, t, keys(900, `t${t}-`));
      },
    );
    expect(Math.max(...batches.map((b) => b.records.length))).toBe(250);
    expect(batches.reduce((n, b) => n + b.records.length, 0)).toBe(2700);
  });
});

describe('polling (row 42: once per second per shard; row 43: one batch per shard at a time)', () => {
  it('an idle mapping calls GetRecords once a second on each shard', () => {
    const kinesis = streamWithShards(3);
    const { state } = consume(kinesis, lambdaConsumerConfig({ name: 'f', stream: 'clicks' }), 10_000);
    for (const stats of Object.values(state.reads.shards)) expect(stats.getRecordsCalls).toBe(11);
  });

  it('keeps one invocation at a time per shard, in sequence-number order', () => {
    const kinesis = streamWithShards(2);
    const config = lambdaConsumerConfig({ name: 'f', stream: 'clicks', perRecordMs: millis(8) });
    const { batches } = consume(kinesis, config, 20_000, (t) => {
      if (t < 5000) putKeys(kinesis, t, keys(400, `t${t}-`));
    });
    for (const shardId of ['shardId-000000000000', 'shardId-000000000001']) {
      const mine = batches.filter((b) => b.shardId === shardId);
      for (let i = 1; i < mine.length; i++) {
        const previousEnd = mine[i - 1]!.atMs + 20 + 8 * mine[i - 1]!.records.length;
        expect(mine[i]!.atMs).toBeGreaterThanOrEqual(previousEnd);
        expect(BigInt(mine[i]!.records[0]!.SequenceNumber)).toBeGreaterThan(
          BigInt(mine[i - 1]!.records.at(-1)!.SequenceNumber),
        );
      }
    }
  });
});

describe('errors (§2.3: the whole batch is retried until it succeeds or the data expires)', () => {
  it('retries the same batch while the function fails, then delivers it once', () => {
    const kinesis = streamWithShards(1);
    putKeys(kinesis, 0, keys(50, 'k'));
    const config = lambdaConsumerConfig({
      name: 'f',
      stream: 'clicks',
      functionErrors: [{ fromSeconds: seconds(0), untilSeconds: seconds(10) }],
    });
    const { state, batches } = consume(kinesis, config, 15_000);
    expect(lambdaTotals(state).failedInvocations).toBe(10);
    expect(batches.map((b) => b.records.length)).toEqual([50]);
    expect(lambdaTotals(state).recordsProcessed).toBe(50);
  });

  it(
    'gives up only when retention (24 h, row 15) trims the records, and then moves on',
    { timeout: 60_000 },
    () => {
      const kinesis = streamWithShards(1);
      putKeys(kinesis, 0, ['a', 'b']);
      const config = lambdaConsumerConfig({
        name: 'f',
        stream: 'clicks',
        functionErrors: [{ fromSeconds: seconds(0), untilSeconds: seconds(30 * HOUR) }],
      });
      const state = createLambdaConsumerState(config);
      const ctx = { kinesis, metrics: new MetricStore(DEFAULT_METRIC_OPTIONS) };
      advanceLambdaConsumer(state, 0, 23 * HOUR, ctx);
      expect(lambdaTotals(state).recordsExpired).toBe(0);
      expect(state.pollers[0]!.consecutiveFailures).toBeGreaterThan(82_000);
      advanceLambdaConsumer(state, 23 * HOUR, 24 * HOUR + 2000, ctx);
      expect(lambdaTotals(state).recordsExpired).toBe(2);
      expect(lambdaTotals(state).recordsProcessed).toBe(0);
    },
  );
});

describe('shared read limits (rows 3 and 4: 2 MiB/s and 5 GetRecords calls/s per shard, for all consumers)', () => {
  it('six functions polling one shard once a second exceed 5 calls/s: some polls are throttled', () => {
    const kinesis = streamWithShards(1);
    const ctx = { kinesis, metrics: new MetricStore(DEFAULT_METRIC_OPTIONS) };
    const states = Array.from({ length: 6 }, (_, i) =>
      createLambdaConsumerState(lambdaConsumerConfig({ name: `f${i}`, stream: 'clicks' })),
    );
    for (let t = 0; t <= 30_000; t += 1000) for (const s of states) advanceLambdaConsumer(s, t, t, ctx);
    const throttled = states.reduce((n, s) => n + lambdaTotals(s).throttledPolls, 0);
    const calls = states.reduce((n, s) => n + lambdaTotals(s).polls, 0);
    expect(throttled).toBeGreaterThan(0);
    // Over 30 s the shard serves at most 5 calls per second plus its initial burst of 5.
    expect(calls - throttled).toBeLessThanOrEqual(5 * 30 + 5);
  });

  it('three functions reading a full shard (≈ 1 MB/s) exceed 2 MiB/s together and fall behind', () => {
    const kinesis = streamWithShards(1);
    const ctx = { kinesis, metrics: new MetricStore(DEFAULT_METRIC_OPTIONS) };
    const states = Array.from({ length: 3 }, (_, i) =>
      createLambdaConsumerState(
        lambdaConsumerConfig({
          name: `f${i}`,
          stream: 'clicks',
          batchSize: count(10_000),
          perRecordMs: millis(0),
        }),
      ),
    );
    const data = 'x'.repeat(990);
    // The three mappings poll a third of a second apart, stepped together in 50 ms slices.
    for (let t = 0; t < 60_000; t += 1000) {
      putKeys(kinesis, t, keys(1000, `t${t}-`), () => data);
      for (let step = t; step < t + 1000; step += 50) {
        states.forEach((s, i) => {
          if (step >= i * 333) advanceLambdaConsumer(s, step, step + 49, ctx);
        });
      }
    }
    const totals = states.map(lambdaTotals);
    expect(totals.reduce((n, t) => n + t.throttledPolls, 0)).toBeGreaterThan(0);
    const read = totals.reduce((n, t) => n + t.bytesProcessed, 0);
    // 60 s at 2 MiB/s plus the first second's burst: the three together cannot read more.
    expect(read).toBeLessThanOrEqual(61 * 2 * 1_048_576 + 10 * 1_048_576);
    expect(Math.max(...totals.map((t) => t.maxIteratorAgeMs))).toBeGreaterThan(5000);
  });
});
