import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { applyPriceOverrides } from '../pricing/index.ts';
import { calculateFirehose, type FirehoseInput } from './firehose.ts';

const book2016 = PRICE_BOOKS['2016'];
const current = PRICE_BOOKS.current;

function run(input: FirehoseInput, book = book2016) {
  const result = calculateFirehose(input, book);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('calculateFirehose', () => {
  it('rounds each record up to 5 KB and prices GB at $0.035 (2016)', () => {
    // AWS-FACTS §3 / row 52: 3,000 B → 5,120 B billed; 100 × 5,120 × 3,600 × 730 = 1,345,536,000,000 B
    // ÷ 2^30 = 1,253.128 GB × $0.035 = $43.8595.
    const result = run({ recordsPerSecond: 100, recordBytes: 3000, bufferIntervalSeconds: 60 });
    expect(result.billedBytesPerRecord).toBe(5120);
    expect(result.billedGbPerMonth).toBeCloseTo(1253.128, 3);
    expect(result.monthlyCostUsd).toBeCloseTo(43.8595, 4);
  });

  it('bills a 42 KB record as 45 KB', () => {
    // AWS-FACTS §3: "42 KB → 45 KB": ⌈43,008 ÷ 5,120⌉ × 5,120 = 9 × 5,120 = 46,080 B = 45 KiB.
    expect(run({ recordsPerSecond: 1, recordBytes: 42 * 1024 }).billedBytesPerRecord).toBe(45 * 1024);
  });

  it('uses $0.029 per GB today', () => {
    // 1,253.128 GB × $0.029 = $36.3407
    expect(run({ recordsPerSecond: 100, recordBytes: 3000 }, current).monthlyCostUsd).toBeCloseTo(36.3407, 4);
  });

  it('derives the record rate from GB per month', () => {
    // 1,000 GB × 2^30 ÷ 200 B ÷ 2,628,000 s = 2,042.888 records/s; billed 5,120 B each → 25,600 GB.
    const result = run({ gbPerMonth: 1000, recordBytes: 200 }, current);
    expect(result.recordsPerSecond).toBeCloseTo(2042.888, 3);
    expect(result.billedGbPerMonth).toBeCloseTo(25_600, 6);
  });

  it('delivers when the size hint fills first', () => {
    // 100 × 3,000 = 300,000 B/s; 5 MiB = 5,242,880 B fills in 17.476 s < 60 s → ≈ 206 objects/h.
    const result = run({ recordsPerSecond: 100, recordBytes: 3000, bufferIntervalSeconds: 60 });
    expect(result.deliveryTrigger).toBe('size');
    expect(result.bufferSeconds).toBeCloseTo(17.476, 3);
    expect(result.objectsPerHour).toBeCloseTo(205.994, 3);
    expect(result.objectBytes).toBe(5 * 1024 * 1024);
  });

  it('delivers on the interval when data is slow', () => {
    // 1,000 B/s fills 5 MiB in 5,242.88 s > 300 s → 3,600 ÷ 300 = 12 objects/h of 300,000 B.
    const result = run({ recordsPerSecond: 10, recordBytes: 100 });
    expect(result.deliveryTrigger).toBe('interval');
    expect(result.objectsPerHour).toBe(12);
    expect(result.objectBytes).toBe(300_000);
  });

  it('allows a 0–59 s interval today but not in 2016', () => {
    const input = { recordsPerSecond: 10, recordBytes: 100, bufferIntervalSeconds: 30 };
    const old = calculateFirehose(input, book2016);
    expect(old.ok || old.errors[0]?.allowed).toBe('an integer from 60 to 900');
    expect(calculateFirehose(input, current).ok).toBe(true);
  });

  it('warns above the 2016 Direct-PUT record limit of 5,000/s', () => {
    // AWS-FACTS row 48: 5,000 records/s per delivery stream in 2016, 500,000 today (big regions).
    const old = run({ recordsPerSecond: 6000, recordBytes: 100 });
    expect(old.limits.find((c) => c.id === 'firehose.directPutRecordsPerSecond')?.withinLimit).toBe(false);
    expect(old.notes.some((note) => note.severity === 'warning')).toBe(true);
    const today = run({ recordsPerSecond: 6000, recordBytes: 100 }, current);
    expect(today.limits.every((c) => c.withinLimit)).toBe(true);
  });

  it('counts PutRecord calls one per record when batching is off', () => {
    // 3,000 records/s with 1 record per call = 3,000 requests/s > 2,000 (row 48).
    const result = run({ recordsPerSecond: 3000, recordBytes: 100, recordsPerRequest: 1 });
    expect(result.limits.find((c) => c.id === 'firehose.directPutRequestsPerSecond')?.withinLimit).toBe(
      false,
    );
  });

  it('refuses to price beyond the sourced first tier today unless overridden', () => {
    // 600 TB/month > 500 TB: the second tier has no sourced price.
    const input = { gbPerMonth: 600 * 1024, recordBytes: 5120 };
    const result = calculateFirehose(input, current);
    expect(result.ok || result.errors[0]?.path).toBe('firehose.ingestPerGbAbove500Tb');
    const overridden = applyPriceOverrides(current, { 'firehose.ingestPerGbAbove500Tb': 0.025 });
    // 512,000 GB × $0.029 + 102,400 GB × $0.025 = $14,848 + $2,560 = $17,408
    expect(run(input, overridden).monthlyCostUsd).toBeCloseTo(17_408, 6);
  });

  it('needs exactly one of records per second and GB per month', () => {
    const result = calculateFirehose({ recordBytes: 100 }, book2016);
    expect(result.ok || result.errors[0]?.allowed).toBe('exactly one of recordsPerSecond, gbPerMonth');
  });

  it('names today’s first price tier in TB as AWS does, with its GB', () => {
    const result = run({ recordsPerSecond: 100, recordBytes: 3000 }, current);
    const step = result.steps.find((s) => s.id === 'ingestCost');
    expect(step?.label).toBe('Ingestion cost, first 500 TB (512,000 GB) tier');
  });
});
