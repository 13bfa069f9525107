import { describe, expect, it } from 'vitest';
import { MetricStore } from '../core/metrics.ts';
import { DEFAULT_METRIC_OPTIONS } from '../core/simulation.ts';
import { millis } from '../core/units.ts';
import { putRecords, type KinesisRecord } from '../kinesis/index.ts';
import { encodeAggregatedRecord } from '../kpl/index.ts';
import { lambdaConsumerConfig } from './config.ts';
import { advanceLambdaConsumer } from './drive.ts';
import { createLambdaConsumerState, lambdaTotals } from './state.ts';
import { streamWithShards } from './test-support.ts';
import { userRecordsOf } from './user-records.ts';

const encoder = new TextEncoder();
const user = (key: string) => ({ PartitionKey: key, Data: encoder.encode(key) });
const aggregate = encodeAggregatedRecord([user('a'), user('b'), user('a')]);

describe('userRecordsOf', () => {
  it('opens KPL aggregates into their user records and leaves plain records alone', () => {
    const records: KinesisRecord[] = [
      { SequenceNumber: '1', ApproximateArrivalTimestamp: 0, PartitionKey: 'outer', Data: aggregate },
      {
        SequenceNumber: '2',
        ApproximateArrivalTimestamp: 0,
        PartitionKey: 'plain',
        Data: encoder.encode('x'),
      },
    ];
    expect(userRecordsOf(records).map((r) => r.PartitionKey)).toEqual(['a', 'b', 'a', 'plain']);
    const plain = records.slice(1);
    expect(userRecordsOf(plain)).toBe(plain);
  });

  it('keeps an aggregate whose checksum is broken whole', () => {
    const broken = aggregate.slice();
    broken[broken.length - 1] = broken[broken.length - 1]! ^ 0xff;
    const record = {
      SequenceNumber: '1',
      ApproximateArrivalTimestamp: 0,
      PartitionKey: 'outer',
      Data: broken,
    };
    expect(userRecordsOf([record]).map((r) => r.PartitionKey)).toEqual(['outer']);
  });
});

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
