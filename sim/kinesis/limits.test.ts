import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  bytes,
  MIB,
  type Bytes,
  type BytesPerSecond,
  type Millis,
  type RecordsPerSecond,
} from '../core/index.ts';
import { kinesisLimits, type KinesisLimits } from './limits.ts';

describe('Kinesis limits carry their units in their types', () => {
  const limits = kinesisLimits('2016');

  it('gives each limit its unit, as the stream model and the labs read them', () => {
    expectTypeOf(limits.shardWriteBytesPerSecond).toEqualTypeOf<BytesPerSecond>();
    expectTypeOf(limits.shardWriteRecordsPerSecond).toEqualTypeOf<RecordsPerSecond>();
    expectTypeOf(limits.maxRecordBytes).toEqualTypeOf<Bytes>();
    expectTypeOf(limits.shardIteratorLifetimeMillis).toEqualTypeOf<Millis>();
    // The brand is only a type: the value is the plain number AWS states [AWS-FACTS §1.1, row 1].
    expect(limits.shardWriteBytesPerSecond).toBe(MIB);
  });

  it('refuses a plain number or the wrong unit where a limit is expected', () => {
    const withRecordSize = (maxRecordBytes: Bytes): KinesisLimits => ({ ...limits, maxRecordBytes });
    expect(withRecordSize(bytes(1024)).maxRecordBytes).toBe(1024);
    // @ts-expect-error a plain number has no unit: say bytes(…)
    withRecordSize(1024);
    // @ts-expect-error records per second are not bytes
    withRecordSize(limits.shardWriteRecordsPerSecond);
    // @ts-expect-error bytes per second are not bytes
    const rate: Bytes = limits.shardWriteBytesPerSecond;
    expect(rate).toBe(MIB);
  });
});
