import { describe, expect, it } from 'vitest';
import { axisNumber, barLayout, lineLayout, MAX_PIE_SLICES, pieLayout } from './chart-layout.ts';
import type { ChartData } from './chart-spec.ts';

const data: ChartData = {
  categories: ['2016-06-01', '2016-06-02'],
  series: ['200', '404'],
  values: [
    [850, 900],
    [35, 40],
  ],
  summed: false,
  nullValues: 0,
};

describe('barLayout', () => {
  it('stacks the series of each category, the taller total reaching higher', () => {
    const layout = barLayout(data);
    expect(layout.bars).toHaveLength(4);
    const [first200, first404, second200, second404] = layout.bars;
    // The 404 segment sits on top of the 200 segment of its own category.
    expect(first404!.y + first404!.height).toBeCloseTo(first200!.y);
    expect(second404!.y).toBeLessThan(first404!.y);
    expect(second200!.x).toBeGreaterThan(first200!.x);
  });

  it('labels each category on the x axis', () => {
    expect(barLayout(data).xTicks?.map((t) => t.label)).toEqual(['2016-06-01', '2016-06-02']);
  });
});

describe('lineLayout', () => {
  it('draws a line per series', () => {
    const layout = lineLayout(data);
    expect(layout.lines.map((l) => l.key)).toEqual(['200', '404']);
    expect(layout.lines[0]!.path).toMatch(/^M[\d.]+,[\d.]+L/);
  });
});

describe('pieLayout', () => {
  it('gives each category its share of the first series', () => {
    const { slices } = pieLayout(data);
    expect(slices.map((s) => s.label)).toEqual(['2016-06-02', '2016-06-01']);
    expect(slices[0]!.share).toBeCloseTo(900 / 1750);
  });

  it('sums the small categories into Other', () => {
    const many: ChartData = {
      categories: Array.from({ length: 12 }, (_, i) => `p${i}`),
      series: [''],
      values: [Array.from({ length: 12 }, (_, i) => 12 - i)],
      summed: false,
      nullValues: 0,
    };
    const { slices } = pieLayout(many);
    expect(slices).toHaveLength(MAX_PIE_SLICES);
    expect(slices.at(-1)!.label).toBe('Other (5)');
    expect(slices.at(-1)!.value).toBe(5 + 4 + 3 + 2 + 1);
  });
});

describe('axisNumber', () => {
  it('shortens large numbers', () => {
    expect(axisNumber(1_500_000)).toBe('1.5M');
    expect(axisNumber(25_000)).toBe('25k');
    expect(axisNumber(950)).toBe('950');
  });
});
