import { describe, expect, it } from 'vitest';
import { calculateMl } from '../../sim/calc/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing';
import { groupMissingPrices, listInWords } from './missing-prices';

describe('groupMissingPrices', () => {
  it('says once why today’s book has none of the Amazon ML prices, naming every one', () => {
    const result = calculateMl(
      { computeHours: 10, batchPredictions: 100_000, realtimePredictions: 1000, endpointModelMb: 10 },
      PRICE_BOOKS.current,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const missing = result.errors.filter((error) => error.code === 'PriceNotInBook');
    expect(missing.length).toBeGreaterThan(1);
    const groups = groupMissingPrices(result.errors, PRICE_BOOKS.current);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.reason).toBe(
      'Amazon ML no longer accepts new users (successor: SageMaker); there is no current price.',
    );
    expect(groups[0]!.prices).toHaveLength(missing.length);
    expect(groups[0]!.prices[0]).toMatch(/^Amazon ML .+ \(ml\.\w+\)$/);
  });

  it('keeps different reasons apart and leaves out the how-to-override advice', () => {
    const groups = groupMissingPrices(
      [
        { code: 'PriceNotInBook', path: 'ec2.m4.large.onDemandHour', message: '' },
        { code: 'PriceNotInBook', path: 'emr.m4.large.feeHour', message: '' },
        { code: 'PriceNotInBook', path: 'glacier.storage', message: '' },
        { code: 'InvalidInput', path: 'nodes', message: '' },
      ],
      PRICE_BOOKS.current,
    );
    expect(groups.map((group) => group.prices.length)).toEqual([2, 1]);
    expect(groups.every((group) => !group.reason.includes('--prices'))).toBe(true);
  });
});

describe('listInWords', () => {
  it('joins with commas and “and”', () => {
    expect([listInWords(['a']), listInWords(['a', 'b']), listInWords(['a', 'b', 'c'])]).toEqual([
      'a',
      'a and b',
      'a, b and c',
    ]);
  });
});
