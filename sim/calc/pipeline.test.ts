import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { calculatePipeline } from './pipeline.ts';

describe('calculatePipeline', () => {
  it('breaks the lab-4 pipeline into Firehose, S3, EMR and Redshift segments', () => {
    // 100 lines/s × 300 B. Firehose: 5,120 B billed per line → 1,253.128 GB × $0.035 = $43.8595.
    // S3: 100 × 300 × 3,600 × 730 ÷ 2^30 = 73.4255 GB a month, half on average = 36.7127 GB × $0.03 = $1.1014;
    //     60 s interval fires before 5 MiB (174.8 s) → 60 objects/h × 730 = 43,800 PUT × $0.005/1,000 = $0.219.
    // EMR: 2 × m3.xlarge × 1 h × ($0.266 + $0.070) × 730/24 runs = $0.672 × 30.4167 = $20.44.
    // Redshift: 1 × dc1.large × $0.25 × 730 = $182.50.
    const result = calculatePipeline({ logLinesPerSecond: 100, bytesPerLine: 300 }, PRICE_BOOKS['2016']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const usd = Object.fromEntries(result.value.segments.map((segment) => [segment.id, segment.usd]));
    expect(usd.firehose).toBeCloseTo(43.8595, 4);
    expect(usd.s3).toBeCloseTo(1.1014 + 0.219, 4);
    expect(usd.emr).toBeCloseTo(20.44, 9);
    expect(usd.redshift).toBeCloseTo(182.5, 9);
    expect(result.value.monthlyCostUsd).toBeCloseTo(43.8595 + 1.3204 + 20.44 + 182.5, 3);
    expect(result.value.segments.map((segment) => segment.id)).toEqual(['firehose', 's3', 'emr', 'redshift']);
  });

  it('names the pipeline field behind a bad input', () => {
    const result = calculatePipeline(
      { logLinesPerSecond: -1, bytesPerLine: 300, emrInstanceCount: 0 },
      PRICE_BOOKS['2016'],
    );
    expect(result.ok || result.errors.map((e) => e.path)).toEqual(['logLinesPerSecond', 'emrInstanceCount']);
  });

  it('asks for EC2 overrides in the current book rather than guessing', () => {
    const result = calculatePipeline({ logLinesPerSecond: 100, bytesPerLine: 300 }, PRICE_BOOKS.current);
    expect(result.ok || result.errors.map((e) => e.path)).toEqual([
      'ec2.m3.xlarge.onDemandHour',
      'emr.m3.xlarge.feeHour',
    ]);
  });
});
