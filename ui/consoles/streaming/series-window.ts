/**
 * Bounded windows of metric datapoints for the console's charts: the last N complete periods before the
 * clock, so a frame stays the same size whether the run is a minute or a day long.
 */
import type { MetricId, MetricStore } from '../../../sim/core/index.ts';
import { formatDuration } from '../../../sim/core/index.ts';
import type { SeriesWindow } from './console-view.ts';

/** Periods each chart window holds: two minutes at CloudWatch's 1-second resolution. */
export const WINDOW_PERIODS = 120;

/** Which CloudWatch statistic a window plots. */
export type WindowStatistic = 'sum' | 'maximum';

/**
 * The window of complete periods ending at the period the clock is in (that one is still filling, so it is
 * left out): `[max(0, end − periods × period), end)`. Periods with no datapoint are 0.
 */
export function seriesWindow(
  metrics: MetricStore,
  id: MetricId,
  nowMs: number,
  statistic: WindowStatistic = 'sum',
  periods = WINDOW_PERIODS,
): SeriesWindow {
  const periodMs = metrics.periodMillis;
  const endMs = Math.floor(nowMs / periodMs) * periodMs;
  const startMs = Math.max(0, endMs - periods * periodMs);
  const values = new Array<number>(Math.round((endMs - startMs) / periodMs)).fill(0);
  const series = metrics.get(id)?.series;
  if (series !== undefined && values.length > 0) {
    for (const point of series.datapoints()) {
      if (point.timestamp < startMs || point.timestamp >= endMs) continue;
      values[Math.round((point.timestamp - startMs) / periodMs)] =
        statistic === 'sum' ? point.sum : point.maximum;
    }
  }
  return { startMs, periodMs, values };
}

/** An empty window at the clock (for a metric the run does not have). */
export function emptyWindow(nowMs: number, periodMs: number): SeriesWindow {
  return { startMs: Math.floor(nowMs / periodMs) * periodMs, periodMs, values: [] };
}

/**
 * Which stretch of the run a window's figures cover, for labels beside them: `in the last 2 min shown`
 * (the window's complete periods), so a count over the window is never read as the whole run's.
 */
export function windowPhrase(window: SeriesWindow): string {
  const seconds = (window.values.length * window.periodMs) / 1000;
  return seconds === 0 ? 'nothing shown yet' : `in the last ${formatDuration(seconds)} shown`;
}
