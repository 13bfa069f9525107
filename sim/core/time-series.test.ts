import { describe, expect, it } from 'vitest';
import { TimeSeries } from './time-series.ts';
import { millis } from './units.ts';

describe('TimeSeries', () => {
  it('aggregates samples per period with CloudWatch statistics', () => {
    const series = new TimeSeries(1000, 10);
    series.add(millis(0), 5);
    series.add(millis(999), 1);
    series.add(millis(1000), 7);
    series.add(millis(3500), 2);
    expect(series.datapoints()).toEqual([
      { timestamp: 0, sampleCount: 2, sum: 6, minimum: 1, maximum: 5 },
      { timestamp: 1000, sampleCount: 1, sum: 7, minimum: 7, maximum: 7 },
      { timestamp: 3000, sampleCount: 1, sum: 2, minimum: 2, maximum: 2 },
    ]);
  });

  it('drops the oldest periods when full but keeps lifetime statistics', () => {
    const series = new TimeSeries(1000, 3);
    for (let second = 0; second < 5; second++) series.add(millis(second * 1000), second + 1);
    expect(series.size).toBe(3);
    expect(series.datapoints().map((p) => p.timestamp)).toEqual([2000, 3000, 4000]);
    expect(series.lifetime()).toEqual({ sampleCount: 5, sum: 15, minimum: 1, maximum: 5 });
  });

  it('refuses samples out of time order and values that are not finite', () => {
    const series = new TimeSeries(1000, 3);
    series.add(millis(2500), 1);
    expect(() => series.add(millis(1500), 1)).toThrow(/time order/);
    expect(() => series.add(millis(2600), Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  it('reports zeros as lifetime extremes when empty', () => {
    expect(new TimeSeries(1000, 1).lifetime()).toEqual({ sampleCount: 0, sum: 0, minimum: 0, maximum: 0 });
  });

  it('restores from a JSON snapshot and goes on wrapping identically', () => {
    const series = new TimeSeries(500, 4);
    for (let t = 0; t < 3000; t += 250) series.add(millis(t), t % 7);
    const copy = TimeSeries.fromSnapshot(JSON.parse(JSON.stringify(series.toSnapshot())));
    for (let t = 3000; t < 5000; t += 250) {
      series.add(millis(t), t % 5);
      copy.add(millis(t), t % 5);
    }
    expect(copy.datapoints()).toEqual(series.datapoints());
    expect(copy.lifetime()).toEqual(series.lifetime());
  });

  it('keeps every datapoint while it grows toward a large capacity, then wraps as if full from the start', () => {
    const series = new TimeSeries(1000, 1000);
    for (let t = 0; t < 1300; t++) series.add(millis(t * 1000), t);
    const points = series.datapoints();
    expect(points).toHaveLength(1000);
    expect(points[0]).toEqual({ timestamp: 300_000, sampleCount: 1, sum: 300, minimum: 300, maximum: 300 });
    expect(points.at(-1)!.sum).toBe(1299);
    expect(points.every((p, i) => p.sum === 300 + i)).toBe(true);
  });

  it('restores a snapshot longer than a new series starts with', () => {
    const series = new TimeSeries(1000, 3600);
    for (let t = 0; t < 500; t++) series.add(millis(t * 1000), t % 7);
    const restored = TimeSeries.fromSnapshot(JSON.parse(JSON.stringify(series.toSnapshot())));
    expect(restored.datapoints()).toEqual(series.datapoints());
    restored.add(millis(500_000), 1);
    expect(restored.size).toBe(501);
  });

  it('refuses a snapshot larger than its capacity', () => {
    const snapshot = new TimeSeries(1000, 2).toSnapshot();
    expect(() => TimeSeries.fromSnapshot({ ...snapshot, capacity: 0 })).toThrow();
    expect(() =>
      TimeSeries.fromSnapshot({ ...snapshot, timestamps: [0, 1, 2], sampleCounts: [1, 1, 1] }),
    ).toThrow(/capacity/);
  });
});
