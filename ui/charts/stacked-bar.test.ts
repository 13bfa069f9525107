import { describe, expect, it } from 'vitest';
import { layoutStackedBar } from './stacked-bar';

const parts = [
  { key: 'firehose', label: 'Firehose', value: 30 },
  { key: 's3', label: 'S3', value: 10 },
  { key: 'emr', label: 'EMR', value: 60 },
];

describe('layoutStackedBar', () => {
  it('places segments left to right in input order, proportional to value', () => {
    const layout = layoutStackedBar(parts, 1000, { labelFontSize: 10 });
    expect(layout.total).toBe(100);
    expect(layout.segments.map((s) => [s.key, s.x, s.width])).toEqual([
      ['firehose', 0, 300],
      ['s3', 300, 100],
      ['emr', 400, 600],
    ]);
  });

  it('rounds the axis to a nice maximum and ticks within it', () => {
    const layout = layoutStackedBar([{ key: 'a', label: 'A', value: 87 }], 500, { labelFontSize: 10 });
    expect(layout.domainMax).toBe(100);
    expect(layout.ticks.at(-1)).toEqual({ x: 500, value: 100 });
    expect(layout.segments[0]?.width).toBeCloseTo(435);
  });

  it('says which labels fit inside their segment (about 0.6 em per character plus 1 em padding)', () => {
    const layout = layoutStackedBar(parts, 200, { labelFontSize: 10 });
    expect(layout.segments.map((s) => s.labelFits)).toEqual([true, false, true]);
  });

  it('gives zero and negative values no width, and an all-zero bar a usable axis', () => {
    const layout = layoutStackedBar(
      [
        { key: 'a', label: 'A', value: 0 },
        { key: 'b', label: 'B', value: -5 },
      ],
      100,
      { labelFontSize: 10 },
    );
    expect(layout.total).toBe(0);
    expect(layout.segments.map((s) => s.width)).toEqual([0, 0]);
    expect(layout.domainMax).toBe(1);
  });
});
