/** Fidelity: Kinesis PUT payload units and KPL aggregation against AWS-FACTS §1.9, §2.1 and rows 23, 31. */
import { describe, expect, it } from 'vitest';
import { calculateKinesis } from '../../sim/calc/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';

const book = PRICE_BOOKS['2016'];

function unitsFor(recordBytes: number): number {
  const result = calculateKinesis({ recordsPerSecond: 1, recordBytes, consumers: 1 }, book);
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.value.payloadUnitsPerRecord;
}

describe('PUT payload units (AWS-FACTS §1.9, row 23)', () => {
  it('"5 KB → 1 unit, 45 KB → 2"', () => {
    expect(unitsFor(5 * 1024)).toBe(1);
    expect(unitsFor(45 * 1024)).toBe(2);
  });

  it('"1 MB → 40" holds when 1 MB is 1,000 KB, as the pricing page counts it', () => {
    // 1,000 × 1,024 = 1,024,000 bytes ÷ 25,600 = 40 units; a full 1,048,576-byte record is 41.
    expect(unitsFor(1_024_000)).toBe(40);
    expect(unitsFor(1_048_576)).toBe(41);
  });
});

describe('KPL aggregation (AWS-FACTS §2.1, row 31)', () => {
  it('packs small user records into one ≤ 51,200-byte Kinesis record = 2 PUT payload units', () => {
    // 100,000 records/s of 100 B → ⌈10,000,000 ÷ 1,048,576⌉ = 10 shards; 1,000 arrive per shard per 100 ms,
    // but only ⌊51,180 ÷ 106⌋ = 482 fit: 20 + 482 × 106 = 51,112 bytes ≤ 51,200 → ⌈51,112 ÷ 25,600⌉ = 2 units.
    const result = calculateKinesis(
      { recordsPerSecond: 100_000, recordBytes: 100, consumers: 1, kplAggregation: true },
      book,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.aggregation?.peak.kinesisRecordBytes).toBe(51_112);
    expect(result.value.aggregation?.peak.limitedBy).toBe('size');
    expect(result.value.payloadUnitsPerRecord).toBe(2);
  });
});
