import { describe, expect, it } from 'vitest';
import { MetricStore } from '../core/index.ts';
import { DEFAULT_METRIC_OPTIONS } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { putRecords } from '../kinesis/index.ts';
import { encodeAggregatedRecord } from '../kpl/index.ts';
import { lambdaConsumerConfig } from './config.ts';
import { advanceLambdaConsumer } from './drive.ts';
import { createLambdaConsumerState, lambdaTotals } from './state.ts';
import { streamWithShards } from './test-support.ts';

const encoder = new TextEncoder();
const user = (key: string) => ({ PartitionKey: key, Data: encoder.encode(key) });
const aggregate = encodeAggregatedRecord([user('a'), user('b'), user('a')]);

describe('a Lambda function and KPL aggregates', () => {
  function processed(deaggregate: boolean): number {
    const kinesis = streamWithShards(1);
    putRecords(
      kinesis,
      { StreamName: 'clicks', Records: [{ PartitionKey: 'outer', Data: aggregate }] },
      millis(0),
    );
    const state = createLambdaConsumerState(
      lambdaConsumerConfig({ name: 'f', stream: 'clicks', deaggregate }),
    );
    advanceLambdaConsumer(state, 0, 2000, { kinesis, metrics: new MetricStore(DEFAULT_METRIC_OPTIONS) });
    return lambdaTotals(state).recordsProcessed;
  }

  it('sees one record per aggregate unless the function de-aggregates', () => {
    expect(processed(false)).toBe(1);
    expect(processed(true)).toBe(3);
  });
});
