import { describe, expect, it } from 'vitest';
import { layoutIteratorAgeChart, windowPoints } from './iterator-age-chart';
import { kclFixture, lambdaFixture, sparkFixture } from './panel-fixtures';
import { layoutSparkBatches, sparkVerdict } from './spark-batches-chart';

describe('layoutIteratorAgeChart', () => {
  it('places each datapoint at the end of its period', () => {
    expect(windowPoints({ startMs: 2000, periodMs: 1000, values: [5, 6] })).toEqual([
      { atMs: 3000, value: 5 },
      { atMs: 4000, value: 6 },
    ]);
  });

  it('draws one line per consumer with its latest and highest age', () => {
    const layout = layoutIteratorAgeChart([kclFixture(), lambdaFixture(), sparkFixture()]);
    expect(layout.series.map((s) => [s.consumer, s.lastMs, s.maxMs])).toEqual([
      ['clicks-app', 600, 14_800],
      ['clicks-to-dynamo', 1000, 1100],
      ['clicks-windows', 5400, 5400],
    ]);
    expect(layout.series.every((s) => s.path.startsWith('M'))).toBe(true);
    expect(new Set(layout.series.map((s) => s.colour)).size).toBe(3);
  });

  it('draws nothing for a consumer that has no datapoint yet', () => {
    const empty = { ...lambdaFixture(), iteratorAgeMs: { startMs: 0, periodMs: 1000, values: [] } };
    expect(layoutIteratorAgeChart([empty]).series[0]?.path).toBe('');
  });
});

describe('Spark batches', () => {
  it('flags batches slower than the interval and a scheduling delay that keeps rising', () => {
    const spark = sparkFixture();
    const verdict = sparkVerdict(spark);
    expect(verdict).toMatchObject({
      batches: 5,
      lastProcessingMs: 2450,
      lastDelayMs: 1100,
      overloaded: true,
    });
    expect(verdict.delayGrowing).toBe(true);
    const layout = layoutSparkBatches(spark);
    expect(layout.bars.map((b) => b.overInterval)).toEqual([false, true, true, true, true]);
    expect(layout.bars[1]!.y).toBeLessThan(layout.intervalY);
  });

  it('calls a flat delay flat', () => {
    const steady = {
      ...sparkFixture(),
      processingTimeMs: { startMs: 0, periodMs: 2000, values: [900, 950, 920] },
      schedulingDelayMs: { startMs: 0, periodMs: 2000, values: [0, 0, 0] },
    };
    expect(sparkVerdict(steady)).toMatchObject({ overloaded: false, delayGrowing: false });
  });
});

describe('chart ticks', () => {
  it('labels sub-second time ticks distinctly (a run only a second old)', () => {
    const young = {
      ...lambdaFixture(),
      iteratorAgeMs: { startMs: 0, periodMs: 200, values: [0, 10, 20, 30, 40] },
    };
    const labels = layoutIteratorAgeChart([young]).xTicks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
