/** Layout of the per-second chart: d3 scales and line shapes, computed outside the component. */
import { line, scaleLinear } from 'd3';

/** One line of the chart. */
export interface PerSecondSeries {
  readonly key: string;
  readonly label: string;
  /** One value per second; null where the series did not exist (a shard not yet open, or closed). */
  readonly values: readonly (number | null)[];
}

/** Everything the component draws. */
export interface PerSecondLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  readonly lines: readonly {
    readonly key: string;
    readonly label: string;
    readonly path: string;
    readonly color: number;
  }[];
  readonly limitY: number | null;
  readonly markerX: number | null;
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
}

/** Lays out per-second values (one point per second, drawn at the middle of the second). */
export function layoutPerSecond(
  series: readonly PerSecondSeries[],
  seconds: number,
  limit: number | null,
  markerSecond: number | null,
  format: (value: number) => string,
): PerSecondLayout {
  const width = 960;
  const height = 300;
  const plot = { left: 80, right: 940, top: 16, bottom: 260 };
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.max(limit ?? 0, ...values) * 1.1 || 1;
  const x = scaleLinear().domain([0, seconds]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, top]).range([plot.bottom, plot.top]).nice();
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(i + 0.5))
    .y((v) => y(v ?? 0));
  return {
    width,
    height,
    plot,
    lines: series.map((s, index) => ({
      key: s.key,
      label: s.label,
      path: path([...s.values]) ?? '',
      color: (index % 6) + 1,
    })),
    limitY: limit === null ? null : y(limit),
    markerX: markerSecond === null ? null : x(markerSecond),
    yTicks: y.ticks(5).map((v) => ({ y: y(v), label: format(v) })),
    xTicks: x.ticks(Math.min(10, seconds)).map((v) => ({ x: x(v), label: `${v} s` })),
  };
}
