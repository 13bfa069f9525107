/**
 * The geometry of a result chart, worked out with d3 from `ChartData`: stacked bars per category, a line
 * per series, or a pie of the categories. Pure data for `ChartFrame` (bars, lines) or the pie's own SVG.
 */
import { arc, line, pie, scaleBand, scaleLinear, scalePoint } from 'd3';
import {
  seriesColour,
  type BarMark,
  type FrameLayout,
  type LineMark,
  type XTick,
} from '../../charts/chart-frame.ts';
import type { ChartData } from './chart-spec.ts';

const WIDTH = 720;
const HEIGHT = 320;
const PLOT = { left: 64, top: 16, right: WIDTH - 16, bottom: HEIGHT - 40 };
/** Most x labels drawn; the rest are skipped evenly so labels never overlap. */
const MAX_X_LABELS = 8;
/** Most pie slices; smaller categories are summed into "Other". */
export const MAX_PIE_SLICES = 8;

/** A value as an axis label: 12,345 or 1.2M. */
export function axisNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${+(value / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toFixed(1)}k`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function yAxis(max: number, min = 0) {
  const y = scaleLinear()
    .domain([Math.min(0, min), max > 0 ? max : 1])
    .nice(5)
    .range([PLOT.bottom, PLOT.top]);
  return { y, ticks: y.ticks(5).map((value) => ({ y: y(value), label: axisNumber(value) })) };
}

function xLabels(categories: readonly string[], at: (c: string) => number): XTick[] {
  const step = Math.max(1, Math.ceil(categories.length / MAX_X_LABELS));
  const short = (c: string) => (c.length > 14 ? `${c.slice(0, 13)}…` : c);
  return categories.filter((_, i) => i % step === 0).map((c) => ({ x: at(c), label: short(c) }));
}

/** Bars stacked by series, one per category. */
export function barLayout(data: ChartData): FrameLayout & { readonly bars: readonly BarMark[] } {
  const totals = data.categories.map((_, c) =>
    data.values.reduce((sum, s) => sum + Math.max(0, s[c] ?? 0), 0),
  );
  const { y, ticks } = yAxis(Math.max(0, ...totals));
  const x = scaleBand<string>().domain(data.categories).range([PLOT.left, PLOT.right]).padding(0.2);
  const bars: BarMark[] = [];
  data.categories.forEach((category, c) => {
    let base = 0;
    data.values.forEach((series, s) => {
      const v = Math.max(0, series[c] ?? 0);
      if (v === 0) return;
      bars.push({
        x: x(category) ?? 0,
        y: y(base + v),
        width: x.bandwidth(),
        height: y(base) - y(base + v),
        colour: seriesColour(s),
      });
      base += v;
    });
  });
  return {
    width: WIDTH,
    height: HEIGHT,
    plot: PLOT,
    yTicks: ticks,
    xTicks: xLabels(data.categories, (c) => (x(c) ?? 0) + x.bandwidth() / 2),
    bars,
  };
}

/** One line per series across the categories (in order: dates sorted). */
export function lineLayout(data: ChartData): FrameLayout & { readonly lines: readonly LineMark[] } {
  const all = data.values.flat();
  const { y, ticks } = yAxis(Math.max(0, ...all), Math.min(0, ...all));
  const x = scalePoint<string>().domain(data.categories).range([PLOT.left, PLOT.right]).padding(0.5);
  const path = line<number>()
    .x((_, i) => x(data.categories[i]!) ?? 0)
    .y((v) => y(v));
  const lines = data.values.map((series, s) => ({
    key: data.series[s] ?? String(s),
    path: path(series as number[]) ?? '',
    stroke: { colour: seriesColour(s) },
  }));
  return {
    width: WIDTH,
    height: HEIGHT,
    plot: PLOT,
    yTicks: ticks,
    xTicks: xLabels(data.categories, (c) => x(c) ?? 0),
    lines,
  };
}

/** One slice of the pie. */
export interface PieSlice {
  readonly label: string;
  readonly value: number;
  readonly share: number;
  readonly path: string;
  readonly colour: string;
}

/** The pie of the first series: the largest categories, the rest summed as "Other"; negatives left out. */
export function pieLayout(
  data: ChartData,
  radius = 140,
): { readonly size: number; readonly slices: readonly PieSlice[] } {
  const values = data.values[0] ?? [];
  const parts = data.categories
    .map((label, i) => ({ label, value: Math.max(0, values[i] ?? 0) }))
    .filter((p) => p.value > 0)
    .sort((a, b) => b.value - a.value);
  const kept = parts.slice(0, MAX_PIE_SLICES - 1);
  const rest = parts.slice(MAX_PIE_SLICES - 1);
  if (rest.length === 1) kept.push(rest[0]!);
  else if (rest.length > 1)
    kept.push({ label: `Other (${rest.length})`, value: rest.reduce((s, p) => s + p.value, 0) });
  const total = kept.reduce((s, p) => s + p.value, 0);
  const arcs = pie<{ label: string; value: number }>()
    .sort(null)
    .value((p) => p.value)(kept);
  const shape = arc<(typeof arcs)[number]>().innerRadius(0).outerRadius(radius);
  return {
    size: radius * 2,
    slices: arcs.map((a, i) => ({
      label: a.data.label,
      value: a.data.value,
      share: total > 0 ? a.data.value / total : 0,
      path: shape(a) ?? '',
      colour: seriesColour(i),
    })),
  };
}
