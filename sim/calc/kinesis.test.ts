import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { calculateKinesis, type KinesisInput } from './kinesis.ts';

const book2016 = PRICE_BOOKS['2016'];
const current = PRICE_BOOKS.current;

function run(input: KinesisInput, book = book2016) {
  const result = calculateKinesis(input, book);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('calculateKinesis', () => {
  it('sizes 3,000 records/s of 500 bytes with one consumer at 3 shards, bound by records per second', () => {
    // AWS-FACTS rows 1–3: write ⌈3,000 × 500 / 1,048,576⌉ = ⌈1.43⌉ = 2; records ⌈3,000 / 1,000⌉ = 3;
    // read ⌈1,500,000 × 1 / 2,097,152⌉ = 1 → 3 shards, records per second binding.
    const result = run({ recordsPerSecond: 3000, recordBytes: 500, consumers: 1 });
    expect(result.shards).toBe(3);
    expect(result.bindingLimit).toBe('writeRecordsPerSecond');
    expect(result.shardsByLimit).toEqual({
      writeBytesPerSecond: 2,
      writeRecordsPerSecond: 3,
      readBytesPerSecond: 1,
      readCallsPerSecond: 1,
    });
    expect(result.headroomPercent).toBeCloseTo(0, 9);
  });

  it('prices a month: shard-hours and 25 KB payload units', () => {
    // AWS-FACTS rows 22–24: 3 shards × 730 h × $0.015 = $32.85;
    // 3,000 records/s × 1 unit × 3,600 × 730 = 7,884,000,000 units × $0.014 / 1M = $110.376.
    const result = run({ recordsPerSecond: 3000, recordBytes: 500, consumers: 1 });
    expect(result.costBreakdown.map((line) => [line.id, line.usd])).toEqual([
      ['shardHours', expect.closeTo(32.85, 9)],
      ['putPayloadUnits', expect.closeTo(110.376, 9)],
    ]);
    expect(result.monthlyCostUsd).toBeCloseTo(143.226, 9);
  });

  it('sizes for the peak, bills units at the average', () => {
    // peak 5,000 records/s → ⌈5,000 / 1,000⌉ = 5 shards; units at the 1,000/s average:
    // 1,000 × 1 × 3,600 × 730 = 2,628,000,000 → $36.792.
    const result = run({
      recordsPerSecond: 1000,
      peakRecordsPerSecond: 5000,
      recordBytes: 100,
      consumers: 1,
    });
    expect(result.shards).toBe(5);
    expect(result.costBreakdown[1]?.usd).toBeCloseTo(36.792, 9);
  });

  it('counts 26 KB records as 2 payload units and binds on bytes', () => {
    // 26,000 bytes > 25,600 → ⌈26,000 / 25,600⌉ = 2 units (row 23); 100 × 26,000 = 2,600,000 B/s
    // → ⌈2,600,000 / 1,048,576⌉ = 3 write-byte shards; read 2,600,000 × 2 / 2,097,152 → 3.
    const result = run({ recordsPerSecond: 100, recordBytes: 26_000, consumers: 2 });
    expect(result.payloadUnitsPerRecord).toBe(2);
    expect(result.shardsByLimit.writeBytesPerSecond).toBe(3);
    expect(result.shardsByLimit.readBytesPerSecond).toBe(3);
    expect(result.shards).toBe(3);
    expect(result.bindingLimit).toBe('writeBytesPerSecond');
  });

  it('binds on read bytes when many consumers share a shard', () => {
    // 500 records/s × 1,000 B = 500,000 B/s; 5 consumers read 2,500,000 B/s → ⌈2,500,000 / 2,097,152⌉ = 2.
    const result = run({ recordsPerSecond: 500, recordBytes: 1000, consumers: 5 });
    expect(result.shards).toBe(2);
    expect(result.bindingLimit).toBe('readBytesPerSecond');
    expect(result.readCalls).toEqual({ callsPerShardPerSecond: 5, limitPerShard: 5, withinLimit: true });
  });

  it('says more than 5 consumers exceed read calls at any shard count instead of inventing shards', () => {
    // KCL idle 1,000 ms (row 40) → 6 consumers × 1 call/s = 6 > 5 calls/s per shard (row 4).
    const result = run({ recordsPerSecond: 10, recordBytes: 100, consumers: 6 });
    expect(result.shardsByLimit.readCallsPerSecond).toBeNull();
    expect(result.readCalls.withinLimit).toBe(false);
    const error = result.notes.find((note) => note.severity === 'error');
    expect(error?.text).toContain('Adding shards cannot fix this');
  });

  it('packs small records with the KPL, changing the record rate and the payload units', () => {
    // 2,000 records/s of 100 bytes: one user record ≈ 100 + 1 (tag) + 1 (len) + 2 (key index) wrapped
    // with 1 + 1 = 106 bytes; ⌊(51,200 − 20) / 106⌋ = 482 fit by size; by time ⌊2,000 × 0.1 / 1⌋ = 200.
    // 200 per aggregate → 10 Kinesis records/s of 20 + 200 × 106 = 21,220 bytes = 1 unit each.
    const result = run({ recordsPerSecond: 2000, recordBytes: 100, consumers: 1, kplAggregation: true });
    expect(result.aggregation?.peak.bytesPerUserRecord).toBe(106);
    expect(result.aggregation?.peak.fitBySize).toBe(482);
    expect(result.aggregation?.peak.userRecordsPerKinesisRecord).toBe(200);
    expect(result.kinesisRecordsPerSecond.peak).toBe(10);
    expect(result.payloadUnitsPerRecord).toBe(1);
    expect(result.shards).toBe(1);
    // without the KPL the same load needs ⌈2,000 / 1,000⌉ = 2 shards
    expect(run({ recordsPerSecond: 2000, recordBytes: 100, consumers: 1 }).shards).toBe(2);
  });

  it('charges extended retention and flags its 2016 price as unconfirmed', () => {
    // row 25: 3 shards × 730 h × $0.020 = $43.80
    const result = run({ recordsPerSecond: 3000, recordBytes: 500, consumers: 1, retentionHours: 168 });
    expect(result.costBreakdown.find((line) => line.id === 'extendedRetention')?.usd).toBeCloseTo(43.8, 9);
    expect(
      result.notes.some((note) => note.severity === 'warning' && note.text.includes('unconfirmed')),
    ).toBe(true);
  });

  it('allows 8,760 h retention today but not in 2016', () => {
    const input = { recordsPerSecond: 10, recordBytes: 10, consumers: 1, retentionHours: 8760 };
    const old = calculateKinesis(input, book2016);
    expect(old.ok).toBe(false);
    if (!old.ok) {
      expect(old.errors[0]?.path).toBe('retentionHours');
      expect(old.errors[0]?.allowed).toBe('an integer from 24 to 168');
    }
    expect(calculateKinesis(input, current).ok).toBe(true);
  });

  it('reports every bad input with the field, the value and what is allowed', () => {
    const result = calculateKinesis({ recordsPerSecond: -1, recordBytes: 0.5, consumers: 1.5 }, book2016);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual(['recordsPerSecond', 'recordBytes', 'consumers']);
      expect(result.errors[0]?.message).toBe(
        'Average records per second must be a number from 0 to 100,000,000; got -1.',
      );
    }
  });

  it('rejects a peak below the average', () => {
    const result = calculateKinesis(
      { recordsPerSecond: 100, peakRecordsPerSecond: 50, recordBytes: 10, consumers: 1 },
      book2016,
    );
    expect(result.ok).toBe(false);
  });
});

describe('binding limit on a tie of shard counts', () => {
  it('names the limit closest to full', () => {
    // 1,500 records/s of 1,000 B: records ⌈1.5⌉ = 2 (75 % of 2 shards); bytes 1,500,000 ÷ 1,048,576 = 1.43
    // → 2 (71.5 %); the records limit is the busier of the two.
    const result = run({ recordsPerSecond: 1500, recordBytes: 1000, consumers: 1 });
    expect(result.shardsByLimit.writeBytesPerSecond).toBe(2);
    expect(result.shardsByLimit.writeRecordsPerSecond).toBe(2);
    expect(result.bindingLimit).toBe('writeRecordsPerSecond');
    // 1,900 records/s of 1,000 B: records 95 %, bytes 1,900,000 ÷ 2,097,152 = 90.6 % → records
    // 1,100 records/s of 1,900 B: records 55 %, bytes 2,090,000 ÷ 2,097,152 = 99.7 % → bytes
    expect(run({ recordsPerSecond: 1100, recordBytes: 1900, consumers: 1 }).bindingLimit).toBe(
      'writeBytesPerSecond',
    );
  });
});

describe('advice beyond the shard count', () => {
  it('suggests one more shard when the peak leaves no headroom', () => {
    // 3 shards at 100 % of records/s; 4 shards: 1 − 3,000 ÷ 4,000 = 25 %
    const result = run({ recordsPerSecond: 3000, recordBytes: 500, consumers: 1 });
    expect(result.notes.some((note) => note.text.includes('4 shards would leave 25 %'))).toBe(true);
  });

  it('warns above the default shard limit of the account (2016 figure unconfirmed)', () => {
    // 60,000 records/s → 60 shards > 50 (row 21, unconfirmed for 2016); today's 500 is not reached
    const old = run({ recordsPerSecond: 60_000, recordBytes: 10, consumers: 1 });
    expect(old.notes.some((note) => note.text.includes('(an unconfirmed figure for 2016)'))).toBe(true);
    const today = run({ recordsPerSecond: 60_000, recordBytes: 10, consumers: 1 }, current);
    expect(today.notes.some((note) => note.uses?.includes('kinesis.defaultShardLimitPerRegion'))).toBe(false);
  });

  it('says today’s book prices provisioned mode only, and 2016 had no other mode', () => {
    const input = { recordsPerSecond: 3000, recordBytes: 500, consumers: 1 };
    const onDemand = (notes: readonly { text: string }[]) =>
      notes.some((note) => note.text.includes('on-demand capacity mode'));
    expect(onDemand(run(input, current).notes)).toBe(true);
    expect(onDemand(run(input).notes)).toBe(false);
  });

  it('labels the per-shard byte limits in MiB, the unit the arithmetic uses', () => {
    const result = run({ recordsPerSecond: 3000, recordBytes: 500, consumers: 1 });
    expect(result.steps.find((step) => step.id === 'shardsByWriteBytes')?.formula).toContain('1 MiB/s');
    expect(result.steps.find((step) => step.id === 'payloadUnitsPerRecord')?.note).toContain(
      '25 KiB = 25,600 bytes',
    );
  });
});
