import { describe, expect, it } from 'vitest';
import { bytesPerUserRecord, packUserRecords, varintBytes } from './kinesis-kpl.ts';

describe('KPL packing', () => {
  it('sizes protobuf varints', () => {
    expect([
      varintBytes(0),
      varintBytes(127),
      varintBytes(128),
      varintBytes(16_383),
      varintBytes(16_384),
    ]).toEqual([1, 1, 2, 2, 3]);
  });

  it('adds field overhead and the key-table entry per user record', () => {
    // 500 B data: data field 1 + 2 + 500 = 503; + key index 2 = 505; wrapped 1 + 2 + 505 = 508;
    // 20-byte key: table entry 1 + 1 + 20 = 22 → 530
    expect(bytesPerUserRecord(500, 0)).toBe(508);
    expect(bytesPerUserRecord(500, 20)).toBe(530);
  });

  it('sends records too large to aggregate as they are', () => {
    const packing = packUserRecords({
      userRecordsPerSecond: 10,
      dataBytes: 60_000,
      partitionKeyBytes: 0,
      aggregationMaxBytes: 51_200,
      maxBufferedTimeMs: 100,
      shards: 1,
    });
    expect(packing.limitedBy).toBe('bypass');
    expect(packing.kinesisRecordsPerSecond).toBe(10);
  });
});
