/**
 * Geometry of the iterator-age chart (d3 scales and shapes; Svelte draws it): one line per consumer
 * application of GetRecords.IteratorAgeMilliseconds — how old the newest record it read was, i.e. how far
 * behind the tip of the stream it is. A flat line near zero keeps up; a rising line falls behind.
 */
import { line, scaleLinear } from 'd3';
import { formatNumber } from '../../../../sim/core/index.ts';
import type { ConsumerView, SeriesWindow } from '../console-view';
import type { FrameLayout } from '../../../charts/chart-frame';

/** One consumer's line. */
export interface AgeSeries {
  readonly consumer: string;
  readonly kind: ConsumerView['kind'];
  readonly path: string;
  /** The latest value (ms), for the legend and the text alternative. */
  readonly lastMs: number;
  /** The highest value in the window (ms). */
  readonly maxMs: number;
  /** Index of the chart colour (1-based, `--chart-N`). */
  readonly colour: number;
}

/** Everything the chart component draws. */
export interface IteratorAgeLayout extends FrameLayout {
  readonly series: readonly AgeSeries[];
  readonly xTicks: readonly { readonly value: number; readonly x: number; readonly label: string }[];
  readonly yTicks: readonly { readonly value: number; readonly y: number; readonly label: string }[];
}

/** The points of a series window: each value at the end of its period (a datapoint sums up its period). */
export function windowPoints(window: SeriesWindow): { readonly atMs: number; readonly value: number }[] {
  return window.values.map((value, index) => ({
    atMs: window.startMs + (index + 1) * window.periodMs,
    value,
  }));
}

/** A tick label for virtual time: seconds below 2 minutes, then minutes. */
function timeLabel(ms: number): string {
  return ms < 120_000 ? `${formatNumber(ms / 1000)} s` : `${formatNumber(ms / 60_000)} min`;
}

/** A tick label for an age: ms below a second, seconds above. */
export function ageLabel(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** Lays out the chart for `consumers` over the time their windows cover. */
export function layoutIteratorAgeChart(
  consumers: readonly ConsumerView[],
  size = { width: 960, height: 260 },
): IteratorAgeLayout {
  const plot = { left: 64, top: 12, right: size.width - 16, bottom: size.height - 36 };
  const pointsOf = consumers.map((consumer) => windowPoints(consumer.iteratorAgeMs));
  const all = pointsOf.flat();
  const firstMs = Math.min(
    ...consumers.filter((c) => c.iteratorAgeMs.values.length > 0).map((c) => c.iteratorAgeMs.startMs),
  );
  const lastMs = Math.max(...all.map((p) => p.atMs));
  const start = Number.isFinite(firstMs) ? firstMs : 0;
  const end = Number.isFinite(lastMs) && lastMs > start ? lastMs : start + 1000;
  const maxValue = Math.max(1000, ...all.map((p) => p.value));
  const x = scaleLinear().domain([start, end]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, maxValue]).nice().range([plot.bottom, plot.top]);
  const draw = line<{ atMs: number; value: number }>()
    .x((p) => x(p.atMs))
    .y((p) => y(p.value));
  const series = consumers.map((consumer, index) => {
    const points = pointsOf[index] ?? [];
    return {
      consumer: consumer.name,
      kind: consumer.kind,
      path: draw(points) ?? '',
      lastMs: points.at(-1)?.value ?? 0,
      maxMs: Math.max(0, ...points.map((p) => p.value)),
      colour: (index % 6) + 1,
    };
  });
  return {
    width: size.width,
    height: size.height,
    plot,
    series,
    xTicks: x.ticks(6).map((t) => ({ value: t, x: x(t), label: timeLabel(t) })),
    // One unit for the whole axis: seconds, since the domain always reaches at least 1 s.
    yTicks: y.ticks(4).map((t) => ({ value: t, y: y(t), label: `${formatNumber(t / 1000)} s` })),
  };
}
