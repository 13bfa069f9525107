import { describe, expect, it } from 'vitest';
import { encodeAggregatedRecord } from '../kpl/index.ts';
import { aggregateShape, kinesisRecordBytes, kinesisRecordsPerSecond } from './aggregation.ts';

function userRecords(count: number, dataBytes: number, key: (i: number) => string) {
  return Array.from({ length: count }, (_, i) => ({ PartitionKey: key(i), Data: new Uint8Array(dataBytes) }));
}

describe('aggregateShape', () => {
  it('predicts the real encoder’s size for distinct 16-character keys', () => {
    const shape = aggregateShape(500, 16, Number.POSITIVE_INFINITY, 51_200);
    const encoded = encodeAggregatedRecord(userRecords(50, 500, (i) => i.toString(16).padStart(16, '0')));
    expect(shape.fixedBytes + 50 * shape.perUserRecordBytes).toBe(encoded.length);
  });

  it('stores a hot key once', () => {
    const shape = aggregateShape(100, 3, 1, 51_200);
    const encoded = encodeAggregatedRecord(userRecords(40, 100, () => 'hot'));
    expect(shape.fixedBytes + 40 * shape.perUserRecordBytes).toBe(encoded.length);
  });

  it('fits as many user records as 51,200 bytes allow', () => {
    const shape = aggregateShape(500, 16, Number.POSITIVE_INFINITY, 51_200);
    expect(shape.fixedBytes + shape.maxUserRecords * shape.perUserRecordBytes).toBeLessThanOrEqual(51_200);
    expect(shape.fixedBytes + (shape.maxUserRecords + 1) * shape.perUserRecordBytes).toBeGreaterThan(51_200);
  });
});

describe('kinesisRecordsPerSecond', () => {
  const shape = aggregateShape(100, 16, Number.POSITIVE_INFINITY, 51_200);

  it('sends an aggregate every RecordMaxBufferedTime while the rate is low', () => {
    expect(kinesisRecordsPerSecond(500, shape, undefined, 100)).toBe(10);
    expect(kinesisRecordsPerSecond(4, shape, undefined, 100)).toBe(4);
  });

  it('sends full aggregates once they fill faster than that', () => {
    expect(kinesisRecordsPerSecond(100_000, shape, undefined, 100)).toBeCloseTo(
      100_000 / shape.maxUserRecords,
      9,
    );
  });

  it('uses a given factor, capped by the aggregate size', () => {
    expect(kinesisRecordsPerSecond(1000, shape, 10, 100)).toBe(100);
    expect(kinesisRecordsPerSecond(1000, shape, 1e6, 100)).toBeCloseTo(1000 / shape.maxUserRecords, 9);
  });

  it('sends a lone user record as it is', () => {
    expect(kinesisRecordBytes(1, shape, 100, 16)).toBe(116);
  });
});
