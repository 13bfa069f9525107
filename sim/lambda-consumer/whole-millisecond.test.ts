import { describe, expect, it } from 'vitest';
import { MetricStore, millis, count } from '../core/index.ts';
import { DEFAULT_METRIC_OPTIONS } from '../core/index.ts';
import { lambdaConsumerConfig } from './config.ts';
import { advanceLambdaConsumer } from './drive.ts';
import { createLambdaConsumerState, lambdaTotals } from './state.ts';
import { putKeys, streamWithShards } from './test-support.ts';

describe('an invocation of a fractional number of milliseconds', () => {
  it('keeps the shard polling: the next GetRecords uses a valid iterator at the next whole millisecond', () => {
    const kinesis = streamWithShards(1);
    putKeys(
      kinesis,
      0,
      Array.from({ length: 20 }, (_, i) => `k${i}`),
    );
    // 200 ms + 0.5 ms × 1 record = 200.5 ms per invocation. Before, the poll at 200.5 ms got an iterator
    // stamped 200.5, which GetRecords then refused as not an iterator, and the shard stopped for good.
    const config = lambdaConsumerConfig({
      name: 'fn',
      stream: 'clicks',
      batchSize: count(1),
      invocationOverheadMs: millis(200),
      perRecordMs: millis(0.5),
    });
    const state = createLambdaConsumerState(config);
    const ctx = { kinesis, metrics: new MetricStore(DEFAULT_METRIC_OPTIONS) };
    advanceLambdaConsumer(state, 0, 10_000, ctx);
    const totals = lambdaTotals(state);
    expect(totals.recordsProcessed).toBe(20);
    expect(totals.invocations).toBe(20);
    // Billing keeps the exact duration.
    expect(totals.durationMs).toBe(20 * 200.5);
    expect(state.pollers[0]!.status).toBe('POLLING');
    expect(state.pollers[0]!.recent.every((p) => Number.isInteger(p.atMs))).toBe(true);
  });
});
