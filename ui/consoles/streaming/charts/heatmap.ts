/**
 * The hot-shard heatmap: one row per shard, one cell per second, shaded by write utilization (the larger of
 * the record and byte shares of the limits), with throttled seconds marked. Rows follow the hash key space
 * (lowest range first), so a hot key shows as one bright row.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { ShardLimitsView, ShardView } from '../console-view.ts';
import { utilizationAt } from './utilization.ts';

/** One cell of the heatmap. */
export interface HeatCell {
  readonly x: number;
  readonly width: number;
  /** 0–1, capped at 1 (a shard cannot write past its limit for long). */
  readonly utilization: number;
  readonly throttled: number;
}

/** Everything the heatmap draws. */
export interface HeatmapLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly rows: readonly {
    readonly shardId: string;
    readonly open: boolean;
    readonly y: number;
    readonly height: number;
    readonly cells: readonly HeatCell[];
  }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
}

/** Lays out the heatmap of the given shards (open ones and any closed within the window). */
export function layoutHeatmap(
  shards: readonly ShardView[],
  limits: ShardLimitsView,
  windowSeconds: number,
  size = { width: 640, rowHeight: 28 },
): HeatmapLayout {
  const ordered = [...shards].sort(
    (a, b) => a.startFraction - b.startFraction || (a.shardId < b.shardId ? -1 : 1),
  );
  const plot = { left: 64, top: 6, right: size.width - 8, bottom: 6 + ordered.length * size.rowHeight };
  const first = ordered[0]?.incomingRecords;
  const startMs = first?.startMs ?? 0;
  const periodMs = first?.periodMs ?? 1000;
  const endMs = startMs + (first?.values.length ?? 0) * periodMs;
  const fromMs = Math.max(0, Math.min(startMs, endMs - windowSeconds * 1000));
  const x = scaleLinear()
    .domain([fromMs / 1000, Math.max(fromMs + windowSeconds * 1000, endMs) / 1000])
    .range([plot.left, plot.right]);
  const y = scaleBand<string>()
    .domain(ordered.map((s) => s.shardId))
    .range([plot.top, plot.bottom])
    .paddingInner(0.12);
  const cellWidth = Math.max(1, x(periodMs / 1000) - x(0));
  return {
    width: size.width,
    height: plot.bottom + 24,
    plot,
    rows: ordered.map((shard) => ({
      shardId: shard.shardId,
      open: shard.status === 'OPEN',
      y: y(shard.shardId) ?? 0,
      height: y.bandwidth(),
      cells: shard.incomingRecords.values.flatMap((_, i) => {
        const utilization = Math.min(1, utilizationAt(shard, limits, i));
        const throttled = shard.writeThrottled.values[i] ?? 0;
        if (utilization === 0 && throttled === 0) return [];
        const t = (shard.incomingRecords.startMs + i * periodMs) / 1000;
        return [{ x: x(t), width: cellWidth, utilization, throttled }];
      }),
    })),
    xTicks: x.ticks(6).map((t) => ({ x: x(t), label: `${t} s` })),
  };
}
