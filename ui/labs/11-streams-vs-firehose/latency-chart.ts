/**
 * The latency chart's geometry (d3): for each path, the share of records per latency bin on a log axis
 * from 5 ms to 15 min, so a sub-second path and a minute-long one fit side by side. Pure.
 */
import { scaleLinear, scaleLog } from 'd3';
import { LATENCY_BIN_EDGES_MS, type LatencySummary } from '../../../labs/11-streams-vs-firehose/latency-run';
import type { FrameLayout, XTick } from '../../charts/chart-frame';

/** One bar: a path's share of records in one bin. */
export interface LatencyBar {
  readonly path: 'streams' | 'firehose';
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly height: number;
  readonly share: number;
  readonly fromMs: number;
  readonly toMs: number;
}

/** Everything the latency chart draws. */
export interface LatencyChartLayout extends FrameLayout {
  readonly bars: readonly LatencyBar[];
  readonly xTicks: readonly XTick[];
  /** Where the 2016 minimum buffer interval (60 s) sits on the axis. */
  readonly minimumIntervalX: number;
}

const FIRST_BAND_DRAWN_FROM_MS = 5;
const TICKS_MS = [10, 100, 1000, 10_000, 60_000, 300_000, 900_000];
const tickLabel = (ms: number) =>
  ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${ms / 1000} s` : `${ms / 60_000} min`;

/** Lays out the two paths' latency histograms. */
export function layoutLatencyChart(
  streams: LatencySummary,
  firehose: LatencySummary,
  size = { width: 800, height: 260 },
): LatencyChartLayout {
  const plot = { left: 56, top: 16, right: size.width - 24, bottom: size.height - 40 };
  const edges = LATENCY_BIN_EDGES_MS;
  // The first band starts at 0 ms, which a log axis cannot show: it is drawn from 5 ms.
  const x = scaleLog()
    .domain([FIRST_BAND_DRAWN_FROM_MS, edges.at(-1)!])
    .range([plot.left, plot.right]);
  const edgeX = (bin: number) => x(Math.max(FIRST_BAND_DRAWN_FROM_MS, edges[bin]!));
  const shares = (summary: LatencySummary) =>
    summary.histogram.map((count) => (summary.records === 0 ? 0 : count / summary.records));
  const streamShares = shares(streams);
  const firehoseShares = shares(firehose);
  const y = scaleLinear()
    .domain([0, Math.max(0.05, ...streamShares, ...firehoseShares)])
    .nice()
    .range([plot.bottom, plot.top]);
  const bars: LatencyBar[] = [];
  for (let bin = 0; bin < edges.length - 1; bin++) {
    const left = edgeX(bin);
    const full = edgeX(bin + 1) - left;
    const half = (full - 2) / 2;
    for (const [path, share, offset] of [
      ['streams', streamShares[bin]!, 1],
      ['firehose', firehoseShares[bin]!, 1 + half],
    ] as const) {
      if (share === 0) continue;
      bars.push({
        path,
        x: left + offset,
        width: half,
        y: y(share),
        height: plot.bottom - y(share),
        share,
        fromMs: edges[bin]!,
        toMs: edges[bin + 1]!,
      });
    }
  }
  return {
    width: size.width,
    height: size.height,
    plot,
    bars,
    xTicks: TICKS_MS.map((ms) => ({ x: x(ms), label: tickLabel(ms) })),
    yTicks: y.ticks(4).map((t) => ({ y: y(t), label: `${Math.round(t * 100)} %` })),
    minimumIntervalX: x(60_000),
  };
}
