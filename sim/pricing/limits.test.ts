import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  bytes,
  MIB,
  seconds,
  type Bytes,
  type BytesPerSecond,
  type Hours,
  type Mebibytes,
  type UnitName,
} from '../core/index.ts';
import { findLimit, isLimitId, limitOf, PRICE_BOOKS } from './books.ts';
import type { LimitSpecs } from './facts.ts';
import { limits2016 } from './limits.ts';
import type { LimitId, LimitRecord, LimitUnits } from './types.ts';

/** The brand of each limit, spelled out so a test can compare it with the unit the book shows. */
const BRAND: { readonly [Id in LimitId]: UnitName<LimitUnits[Id]> } = {
  'kinesis.shardWriteBytesPerSecond': 'BytesPerSecond',
  'kinesis.shardWriteRecordsPerSecond': 'RecordsPerSecond',
  'kinesis.shardReadBytesPerSecond': 'BytesPerSecond',
  'kinesis.shardReadCallsPerSecond': 'CallsPerSecond',
  'kinesis.maxRecordBytes': 'Bytes',
  'kinesis.retentionDefaultHours': 'Hours',
  'kinesis.retentionMaxHours': 'Hours',
  'kinesis.defaultShardLimitPerRegion': 'Count',
  'kinesis.putPayloadUnitBytes': 'Bytes',
  'kinesis.kplAggregationMaxBytes': 'Bytes',
  'kinesis.kplRecordMaxBufferedTimeMs': 'Millis',
  'kinesis.kclIdleTimeBetweenReadsMs': 'Millis',
  'firehose.bufferSizeMinMiB': 'Mebibytes',
  'firehose.bufferSizeMaxMiB': 'Mebibytes',
  'firehose.bufferIntervalMinSeconds': 'Seconds',
  'firehose.bufferIntervalMaxSeconds': 'Seconds',
  'firehose.billingIncrementBytes': 'Bytes',
  'firehose.maxRecordBytes': 'Bytes',
  'firehose.directPutRequestsPerSecond': 'CallsPerSecond',
  'firehose.directPutRecordsPerSecond': 'RecordsPerSecond',
  'firehose.directPutBytesPerSecond': 'BytesPerSecond',
  'ml.realtimeRequestsPerSecond': 'CallsPerSecond',
  'emr.billingIncrementSeconds': 'Seconds',
  'emr.billingMinimumSeconds': 'Seconds',
};

/** How each brand reads in a limit's `unit` text, as the calculators and "show the source" print it. */
const WORDS: Readonly<Record<UnitName<LimitUnits[LimitId]>, RegExp>> = {
  Bytes: /^bytes$/,
  BytesPerSecond: /^bytes\/s\b/,
  RecordsPerSecond: /^records\/s\b/,
  CallsPerSecond: /^(calls|requests)\/s\b/,
  Count: /^shards$/,
  Hours: /^h$/,
  Millis: /^ms$/,
  Mebibytes: /^MiB$/,
  Seconds: /^s$/,
};

describe('price-book limits carry their units', () => {
  it('types a limit in its unit, with the number the book states', () => {
    const book = PRICE_BOOKS['2016'];
    expectTypeOf(limitOf(book, 'kinesis.maxRecordBytes').value).toEqualTypeOf<Bytes>();
    expectTypeOf(limitOf(book, 'kinesis.retentionMaxHours')).toEqualTypeOf<LimitRecord<Hours>>();
    expectTypeOf(book.limits['firehose.bufferSizeMaxMiB'].value).toEqualTypeOf<Mebibytes>();
    expect(limitOf(book, 'kinesis.maxRecordBytes').value).toBe(MIB);
    expect(limitOf(PRICE_BOOKS.current, 'kinesis.retentionMaxHours').value).toBe(8760);
  });

  it('says in words the unit the type checker enforces, for every limit of both books', () => {
    for (const book of Object.values(PRICE_BOOKS)) {
      expect(Object.keys(book.limits).sort()).toEqual(Object.keys(BRAND).sort());
      for (const id of Object.keys(book.limits)) {
        if (!isLimitId(book, id)) throw new Error(`${id} is in the book but not a limit id`);
        expect(book.limits[id].unit, `${book.id} ${id}`).toMatch(WORDS[BRAND[id]]);
      }
    }
  });

  it('refuses a plain number or the wrong unit, in a book and where a limit is used', () => {
    const withMaxRecord = (max: Bytes): Bytes => max;
    const maxRecord = limitOf(PRICE_BOOKS['2016'], 'kinesis.maxRecordBytes').value;
    expect(withMaxRecord(maxRecord)).toBe(MIB);
    // @ts-expect-error bytes per second are not bytes
    withMaxRecord(limitOf(PRICE_BOOKS['2016'], 'kinesis.shardWriteBytesPerSecond').value);
    const spec = limits2016['kinesis.maxRecordBytes'];
    // @ts-expect-error a limit's value must carry its unit: say bytes(…)
    const plain: LimitSpecs['kinesis.maxRecordBytes'] = { ...spec, value: 1024 };
    // @ts-expect-error seconds are not bytes
    const wrong: LimitSpecs['kinesis.maxRecordBytes'] = { ...spec, value: seconds(1024) };
    expect([plain.value, wrong.value, bytes(spec.value)]).toEqual([1024, 1024, MIB]);
    const rate: BytesPerSecond = limitOf(PRICE_BOOKS['2016'], 'kinesis.shardWriteBytesPerSecond').value;
    expect(rate).toBe(MIB);
  });

  it('finds a limit named in text, and refuses an id that is not a limit', () => {
    const book = PRICE_BOOKS['2016'];
    expect(isLimitId(book, 'kinesis.maxRecordBytes')).toBe(true);
    expect(isLimitId(book, 'kinesis.shardHour')).toBe(false);
    expect(findLimit(book, 'kinesis.shardHour')).toBeUndefined();
    // @ts-expect-error a price id is not a limit id
    expect(() => limitOf(book, 'kinesis.shardHour')).toThrow('No limit kinesis.shardHour in');
  });
});
