import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { calculateRedshift, type RedshiftInput } from './redshift.ts';

const book2016 = PRICE_BOOKS['2016'];

function run(input: RedshiftInput, book = book2016) {
  const result = calculateRedshift(input, book);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('calculateRedshift', () => {
  it('prices the lab’s single dc1.large', () => {
    // AWS-FACTS row 65: 160 GB, 2 slices, $0.25/h; × 8,760 = $2,190/yr; ÷ 0.16 TB = $13,687.50 per TB-year
    const result = run({ nodeType: 'dc1.large', nodeCount: 1 });
    expect(result.storageTb).toBeCloseTo(0.16, 12);
    expect(result.slices).toBe(2);
    expect(result.usdPerHour).toBe(0.25);
    expect(result.usdPerYear).toBeCloseTo(2190, 9);
    expect(result.usdPerTbYear).toBeCloseTo(13_687.5, 9);
  });

  it('shows how "$1,000 / TB / year" relates to on-demand ds2.xlarge', () => {
    // AWS-FACTS §6.7: $0.85 × 8,760 ÷ 2 TB = $3,723/TB-yr; $1,000 × 2 ÷ 8,760 = $0.2283/node-hour;
    // 1 − 0.2283 ÷ 0.85 = 73.1 % below on-demand.
    const result = run({ nodeType: 'ds2.xlarge', nodeCount: 1 });
    expect(result.usdPerTbYear).toBeCloseTo(3723, 9);
    expect(result.thousandPerTb?.onDemandDs2UsdPerTbYear).toBeCloseTo(3723, 9);
    expect(result.thousandPerTb?.impliedDs2UsdPerNodeHour).toBeCloseTo(0.228311, 6);
    expect(result.thousandPerTb?.impliedDiscount).toBeCloseTo(0.7314, 4);
  });

  it('reaches the slide’s 2 PB with 128 ds2.8xlarge nodes', () => {
    // SEED-FIGURES Redshift "160 GB to 2 PB": 128 × 16 TB = 2,048 TB; 128 × 16 slices = 2,048
    const result = run({ nodeType: 'ds2.8xlarge', nodeCount: 128 });
    expect(result.storageTb).toBe(2048);
    expect(result.slices).toBe(2048);
  });

  it('enforces the node-count limits per type', () => {
    // AWS-FACTS row 68: 8xlarge types need 2–128 nodes; large/xlarge 1–32.
    const single8x = calculateRedshift({ nodeType: 'dc1.8xlarge', nodeCount: 1 }, book2016);
    expect(single8x.ok || single8x.errors[0]?.message).toBe(
      'Nodes of dc1.8xlarge must be an integer from 2 to 128; got 1.',
    );
    expect(calculateRedshift({ nodeType: 'dc1.large', nodeCount: 33 }, book2016).ok).toBe(false);
  });

  it('says dc2 did not exist in 2016 and dc1 has no current price', () => {
    const dc2 = calculateRedshift({ nodeType: 'dc2.large', nodeCount: 1 }, book2016);
    expect(dc2.ok || dc2.errors[0]?.message).toContain('did not exist in 2016');
    const dc1 = calculateRedshift({ nodeType: 'dc1.large', nodeCount: 1 }, PRICE_BOOKS.current);
    expect(dc1.ok || dc1.errors[0]?.code).toBe('PriceNotInBook');
  });

  it('prices today’s dc2.8xlarge with its 16 slices', () => {
    // AWS-FACTS §6.1: 2 × 16 slices = 32; 2 × $4.80 = $9.60/h
    const result = run({ nodeType: 'dc2.8xlarge', nodeCount: 2 }, PRICE_BOOKS.current);
    expect(result.slices).toBe(32);
    expect(result.usdPerHour).toBeCloseTo(9.6, 9);
  });

  it('shows the implied rate and discount with money formatting, not bare numbers', () => {
    const result = run({ nodeType: 'ds2.xlarge', nodeCount: 1 });
    const discount = result.steps.find((step) => step.id === 'thousandPerTbDiscount');
    expect(discount?.substituted).toBe('(1 − $0.2283 ÷ $0.85) × 100');
    expect(result.notes.map((note) => note.text).join(' ')).toContain(
      'about $3,723.00 per TB-year; $1,000 needs an effective $0.2283 per node-hour',
    );
  });

  it('works the yearly cost from the unrounded hourly rate and says RA3 storage is billed apart', () => {
    // 2 × $1.086 = $2.172 per hour; × 8,760 = $19,026.72 (not $2.17 × 8,760).
    const result = run({ nodeType: 'ra3.xlplus', nodeCount: 2 }, PRICE_BOOKS.current);
    const perYear = result.steps.find((step) => step.id === 'usdPerYear');
    expect(perYear?.substituted).toBe('$2.172 × 8,760');
    expect(result.steps.find((step) => step.id === 'usdPerHour')?.unit).toBe('USD per hour');
    const managed = result.notes.find((note) => note.text.includes('managed storage'));
    expect(managed?.severity).toBe('warning');
    expect(managed?.text).toContain('not included');
    expect(run({ nodeType: 'dc1.large', nodeCount: 1 }).notes.some((n) => n.text.includes('managed'))).toBe(
      false,
    );
  });
});
