import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { calculateS3, type S3Input } from './s3.ts';

const book2016 = PRICE_BOOKS['2016'];
const current = PRICE_BOOKS.current;

function run(input: S3Input, book = book2016) {
  const result = calculateS3(input, book);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('calculateS3', () => {
  it('prices the first TB at $0.03 per GB-month (2016)', () => {
    // AWS-FACTS §4: 1,024 GB × $0.0300 = $30.72
    expect(run({ terabytes: 1, months: 1 }).monthlyCostUsd).toBeCloseTo(30.72, 9);
  });

  it('walks the 2016 ladder across tiers', () => {
    // 60 TB = 61,440 GB: 1,024 × 0.03 + 50,176 × 0.0295 + 10,240 × 0.029
    //   = 30.72 + 1,480.192 + 296.96 = $1,807.872 a month; × 12 = $21,694.464
    const result = run({ terabytes: 60, months: 12 });
    expect(result.monthlyCostUsd).toBeCloseTo(1807.872, 6);
    expect(result.totalCostUsd).toBeCloseTo(21_694.464, 6);
    expect(result.steps.filter((step) => step.id.startsWith('storage.')).map((step) => step.id)).toEqual([
      'storage.s3.standard.tier1',
      'storage.s3.standard.tier2',
      'storage.s3.standard.tier3',
    ]);
  });

  it('explains the slide figures $28.16 and $7.16 per TB-month', () => {
    // SEED-FIGURES S3 / Glacier rows: 0.0275 × 1,024 = 28.16; 0.007 × 1,024 = 7.168 (slide: 7.16).
    const steps = run({ terabytes: 1, months: 1 }).steps;
    expect(steps.find((step) => step.id === 'slideS3PerTb')?.value).toBeCloseTo(28.16, 9);
    expect(steps.find((step) => step.id === 'slideGlacierPerTb')?.value).toBeCloseTo(7.168, 9);
  });

  it('prices Glacier and flags its 2016 price as unconfirmed', () => {
    // AWS-FACTS row 57: 1,024 GB × $0.007 = $7.168
    const result = run({ terabytes: 1, months: 1, storageClass: 'glacier' });
    expect(result.monthlyCostUsd).toBeCloseTo(7.168, 9);
    expect(
      result.notes.some((note) => note.severity === 'warning' && note.uses?.includes('glacier.storage')),
    ).toBe(true);
  });

  it('has no current Glacier price and says so', () => {
    const result = calculateS3({ terabytes: 1, months: 1, storageClass: 'glacier' }, current);
    expect(result.ok || result.errors[0]?.code).toBe('PriceNotInBook');
  });

  it('prices today at $0.023 for the first 50 TB and flags the unsourced band above', () => {
    // 100 TB = 102,400 GB: 51,200 × 0.023 + 51,200 × 0.022 = 1,177.6 + 1,126.4 = $2,304
    const result = run({ terabytes: 100, months: 1 }, current);
    expect(result.monthlyCostUsd).toBeCloseTo(2304, 6);
    expect(result.notes.some((note) => note.uses?.includes('s3.standard.tier2'))).toBe(true);
  });

  it('adds requests: $0.005 per 1,000 PUT and $0.004 per 10,000 GET', () => {
    // row 56: 1,000,000 PUT = $5; 10,000,000 GET = $4
    const result = run({
      terabytes: 0,
      months: 1,
      putRequestsPerMonth: 1_000_000,
      getRequestsPerMonth: 10_000_000,
    });
    expect(result.requestsUsdPerMonth).toBeCloseTo(9, 9);
  });

  it('rejects a bad storage class naming the choices', () => {
    const result = calculateS3({ terabytes: 1, months: 1, storageClass: 'cold' as never }, book2016);
    expect(result.ok || result.errors[0]?.message).toBe(
      'Storage class must be one of standard, standard-ia, glacier; got "cold".',
    );
  });
});
