import { describe, expect, it } from 'vitest';
import type { KinesisRecord } from '../kinesis/index.ts';
import { encodeAggregatedRecord } from './aggregation-format.ts';
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
