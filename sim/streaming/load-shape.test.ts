import { describe, expect, it } from 'vitest';
import { bytes, Rng, seconds } from '../core/index.ts';
import { drawRecordBytes, expectedRecords, meanRateFactor, rateAt } from './load-shape.ts';

describe('load shapes', () => {
  it('a diurnal rate averages recordsPerSecond and peaks at the given hour, ratio times the trough', () => {
    const pattern = { pattern: 'diurnal', peakToTroughRatio: 3, peakAtHourUtc: 18 } as const;
    expect(rateAt(1000, pattern, 18 * 3600)).toBeCloseTo(1500, 6);
    expect(rateAt(1000, pattern, 6 * 3600)).toBeCloseTo(500, 6);
    expect(expectedRecords(1000, pattern, 86_400)).toBeCloseTo(86_400_000, -3);
  });

  it('a burst multiplies the rate for lastingSeconds at the start of every everySeconds', () => {
    const pattern = {
      pattern: 'burst',
      everySeconds: seconds(60),
      lastingSeconds: seconds(10),
      multiplier: 5,
    } as const;
    expect(rateAt(100, pattern, 5)).toBe(500);
    expect(rateAt(100, pattern, 30)).toBe(100);
    expect(rateAt(100, pattern, 65)).toBe(500);
    expect(meanRateFactor(pattern)).toBeCloseTo(1 + 4 / 6, 10);
    expect(expectedRecords(100, pattern, 60)).toBe(100 * 50 + 500 * 10);
  });

  it('record sizes: uniform within bounds, lognormal with the requested mean', () => {
    const rng = Rng.fromSeed(3);
    const uniform = Array.from({ length: 1000 }, () =>
      drawRecordBytes({ distribution: 'uniform', min: bytes(200), max: bytes(800) }, rng),
    );
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...uniform)).toBeLessThanOrEqual(800);
    let sum = 0;
    for (let i = 0; i < 50_000; i++)
      sum += drawRecordBytes({ distribution: 'lognormal', mean: bytes(400), sigma: 0.5 }, rng);
    expect(sum / 50_000).toBeGreaterThan(392);
    expect(sum / 50_000).toBeLessThan(408);
    expect(drawRecordBytes(bytes(500), rng)).toBe(500);
  });
});
