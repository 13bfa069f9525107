import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { applyPriceOverrides } from '../pricing/index.ts';
import { calculateEmr, type EmrInput } from './emr.ts';

const book2016 = PRICE_BOOKS['2016'];

function run(input: EmrInput, book = book2016) {
  const result = calculateEmr(input, book);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('calculateEmr', () => {
  it('prices the lab cluster with 2016 whole-hour rounding', () => {
    // AWS-FACTS row 60 and §5.2: 1.5 h → 2 billed hours; 2 × 2 = 4 instance-hours;
    // EC2 4 × $0.266 = $1.064; EMR fee 4 × $0.070 = $0.28; total $1.344.
    const result = run({ instanceType: 'm3.xlarge', instanceCount: 2, hours: 1.5 });
    expect(result.billedHoursPerRun).toBe(2);
    expect(result.ec2Usd).toBeCloseTo(1.064, 9);
    expect(result.emrFeeUsd).toBeCloseTo(0.28, 9);
    expect(result.totalUsd).toBeCloseTo(1.344, 9);
    expect(result.clusterUsdPerHour).toBeCloseTo(0.672, 9);
  });

  it('uses the spot price you give and still adds the EMR fee', () => {
    // 4 instance-hours × $0.05 spot = $0.20 + 4 × $0.070 = $0.28 → $0.48
    const result = run({
      instanceType: 'm3.xlarge',
      instanceCount: 2,
      hours: 2,
      purchase: 'spot',
      spotPriceUsd: 0.05,
    });
    expect(result.totalUsd).toBeCloseTo(0.48, 9);
  });

  it('needs a spot price for spot instances', () => {
    const result = calculateEmr(
      { instanceType: 'm3.xlarge', instanceCount: 2, hours: 1, purchase: 'spot' },
      book2016,
    );
    expect(result.ok || result.errors[0]?.path).toBe('spotPriceUsd');
  });

  it('asks for an override when a type has no sourced price', () => {
    const result = calculateEmr({ instanceType: 'r3.xlarge', instanceCount: 2, hours: 1 }, book2016);
    expect(result.ok || result.errors.map((e) => e.path)).toEqual([
      'ec2.r3.xlarge.onDemandHour',
      'emr.r3.xlarge.feeHour',
    ]);
  });

  it('bills per second with a one-minute minimum today (with overridden prices)', () => {
    const book = applyPriceOverrides(PRICE_BOOKS.current, {
      'ec2.m3.xlarge.onDemandHour': 0.2,
      'emr.m3.xlarge.feeHour': 0.05,
    });
    // 1.5 h stays 1.5 h: 2 × 1.5 × ($0.20 + $0.05) = $0.75
    expect(run({ instanceType: 'm3.xlarge', instanceCount: 2, hours: 1.5 }, book).totalUsd).toBeCloseTo(
      0.75,
      9,
    );
    // 36 s is billed as 60 s = 1/60 h
    expect(
      run({ instanceType: 'm3.xlarge', instanceCount: 1, hours: 0.01 }, book).billedHoursPerRun,
    ).toBeCloseTo(1 / 60, 12);
  });

  it('shows the slide’s "$0.15/hr, 10-node" cannot arise from sourced prices', () => {
    // $0.15 ÷ 10 = $0.015 per node-hour; cheapest priced: m3.xlarge $0.266 + $0.070 = $0.336;
    // 10 × $0.336 = $3.36/h (22.4×); fee alone 10 × $0.070 = $0.70/h.
    const check = run({ instanceType: 'm3.xlarge', instanceCount: 2, hours: 1 }).slideCheck;
    expect(check?.impliedUsdPerNodeHour).toBeCloseTo(0.015, 12);
    expect(check?.explanation).toContain('implies $0.015 per node-hour');
    expect(check?.cheapest).toEqual({ instanceType: 'm3.xlarge', usdPerNodeHour: expect.closeTo(0.336, 12) });
    expect(check?.possible).toBe(false);
    expect(check?.explanation).toContain('$3.36 per hour');
  });

  it('would accept the slide figure if an override made it possible', () => {
    const book = applyPriceOverrides(book2016, {
      'ec2.m4.large.onDemandHour': 0.01,
      'emr.m4.large.feeHour': 0.004,
    });
    const check = run({ instanceType: 'm3.xlarge', instanceCount: 2, hours: 1 }, book).slideCheck;
    expect(check?.cheapest?.instanceType).toBe('m4.large');
    expect(check?.possible).toBe(true);
  });

  it('names the allowed instance types', () => {
    const result = calculateEmr({ instanceType: 'm9.huge', instanceCount: 2, hours: 1 }, book2016);
    expect(result.ok || result.errors[0]?.allowed).toBe(
      'one of m3.xlarge, m4.large, m4.xlarge, c3.xlarge, c4.xlarge, r3.xlarge',
    );
  });
});
