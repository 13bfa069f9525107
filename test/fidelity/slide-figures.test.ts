/**
 * Fidelity: the figures a learner saw on the workshop slides (SEED-FIGURES.md), rebuilt by the calculators
 * from sourced prices, or shown not to follow from them.
 */
import { describe, expect, it } from 'vitest';
import { calculateEmr, calculateKinesis, calculateRedshift, calculateS3 } from '../../sim/calc/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';

const book = PRICE_BOOKS['2016'];

describe('slide figures', () => {
  it('S3 "$28.16 / TB / month" = $0.0275 × 1,024 (AWS-FACTS row 55, top tier)', () => {
    const result = calculateS3({ terabytes: 1, months: 1 }, book);
    expect(result.ok && result.value.steps.find((s) => s.id === 'slideS3PerTb')?.value).toBeCloseTo(28.16, 9);
  });

  it('Glacier "$7.16 / TB / month" ≈ $0.007 × 1,024 = $7.168 (row 57, unconfirmed)', () => {
    const result = calculateS3({ terabytes: 1, months: 1 }, book);
    expect(result.ok && result.value.steps.find((s) => s.id === 'slideGlacierPerTb')?.value).toBeCloseTo(
      7.168,
      9,
    );
  });

  it('Redshift "start at $0.25 / hour" is one dc1.large (row 65)', () => {
    const result = calculateRedshift({ nodeType: 'dc1.large', nodeCount: 1 }, book);
    expect(result.ok && result.value.usdPerHour).toBe(0.25);
  });

  it('Redshift "$1,000 / TB / year" vs on-demand ds2.xlarge ≈ $3,723 (AWS-FACTS §6.7)', () => {
    const result = calculateRedshift({ nodeType: 'ds2.xlarge', nodeCount: 1 }, book);
    expect(result.ok && result.value.thousandPerTb?.onDemandDs2UsdPerTbYear).toBeCloseTo(3723, 6);
  });

  it('EMR "$0.15 / hr, 10-node Spark cluster" cannot arise from sourced 2016 prices (row 60)', () => {
    const result = calculateEmr({ instanceType: 'm3.xlarge', instanceCount: 10, hours: 1 }, book);
    expect(result.ok && result.value.clusterUsdPerHour).toBeCloseTo(3.36, 9);
    expect(result.ok && result.value.slideCheck?.possible).toBe(false);
  });

  it('Kinesis "each shard ingests up to 1 MB/s and 1,000 records/s": 1,000 records/s of 1,000 B fit one shard', () => {
    const result = calculateKinesis({ recordsPerSecond: 1000, recordBytes: 1000, consumers: 1 }, book);
    expect(result.ok && result.value.shards).toBe(1);
    const oneMore = calculateKinesis({ recordsPerSecond: 1001, recordBytes: 1000, consumers: 1 }, book);
    expect(oneMore.ok && oneMore.value.shards).toBe(2);
  });
});
