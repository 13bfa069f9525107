import { describe, expect, it } from 'vitest';
import { downsample } from './downsample.ts';
import type { Datapoint } from './time-series.ts';
import { millis } from './units.ts';

const point = (second: number, sum: number, sampleCount = 1): Datapoint => ({
  timestamp: millis(second * 1000),
  sampleCount,
  sum,
  minimum: sum / sampleCount,
  maximum: sum / sampleCount,
});

describe('downsample', () => {
  it('keeps min, max and mean of each bucket so a spike survives', () => {
    const points = [point(0, 1), point(1, 9), point(2, 2), point(3, 4)];
    expect(downsample(points, 'Sum', millis(0), millis(4000), 2)).toEqual([
      { start: 0, end: 2000, periods: 2, minimum: 1, maximum: 9, mean: 5 },
      { start: 2000, end: 4000, periods: 2, minimum: 2, maximum: 4, mean: 3 },
    ]);
  });

  it('leaves empty buckets out and ignores points outside the range', () => {
    const points = [point(0, 1), point(5, 3), point(9, 8)];
    const buckets = downsample(points, 'Sum', millis(0), millis(8000), 4);
    expect(buckets.map((b) => [b.start, b.mean])).toEqual([
      [0, 1],
      [4000, 3],
    ]);
  });

  it('plots the chosen statistic', () => {
    const points = [point(0, 10, 4)];
    expect(downsample(points, 'Average', millis(0), millis(1000), 1)[0]?.mean).toBe(2.5);
    expect(downsample(points, 'SampleCount', millis(0), millis(1000), 1)[0]?.mean).toBe(4);
  });

  it('refuses zero buckets or an empty range', () => {
    expect(() => downsample([], 'Sum', millis(0), millis(10), 0)).toThrow(/buckets/);
    expect(() => downsample([], 'Sum', millis(10), millis(10), 3)).toThrow(/to > from/);
  });
});
