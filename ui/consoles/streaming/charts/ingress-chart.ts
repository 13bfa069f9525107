/**
 * One shard's ingress chart: records/s and bytes/s over the last two minutes as a share of the shard's write
 * limits (1,000 records/s and 1 MiB/s, AWS-FACTS rows 1–2), the 100 % limit line, and a marker on every
 * second in which records were throttled. d3 computes the geometry; Svelte draws it.
 */
import { line, scaleLinear } from 'd3';
import type { ShardLimitsView, ShardView } from '../console-view.ts';

/** Everything the ingress chart draws. */
export interface IngressLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly recordsPath: string;
  readonly bytesPath: string;
  readonly limitY: number;
  readonly throttleMarks: readonly {
    readonly x: number;
    readonly count: number;
    readonly atSeconds: number;
  }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  /** Last complete second, for the text alternative. */
  readonly latest: { readonly records: number; readonly bytes: number; readonly throttled: number } | null;
  readonly throttledInWindow: number;
}

/** Lays out the chart of one shard; the time axis spans the window even while it is still filling. */
export function layoutIngressChart(
  shard: ShardView,
  limits: ShardLimitsView,
  windowSeconds: number,
  size = { width: 340, height: 160 },
): IngressLayout {
  const plot = { left: 44, top: 14, right: size.width - 8, bottom: size.height - 24 };
  const { startMs, periodMs, values: records } = shard.incomingRecords;
  const bytes = shard.incomingBytes.values;
  const endMs = startMs + records.length * periodMs;
  const fromMs = Math.max(0, Math.min(startMs, endMs - windowSeconds * 1000));
  const x = scaleLinear()
    .domain([fromMs / 1000, Math.max(fromMs + windowSeconds * 1000, endMs) / 1000])
    .range([plot.left, plot.right]);
  const recordShare = records.map((r) => r / limits.writeRecordsPerSecond);
  const byteShare = bytes.map((b) => b / limits.writeBytesPerSecond);
  const peak = Math.max(1.2, ...recordShare, ...byteShare);
  const y = scaleLinear().domain([0, peak]).nice(4).range([plot.bottom, plot.top]);
  // A value belongs to the period it sums: plot it at the period's middle.
  const at = (i: number) => x((startMs + (i + 0.5) * periodMs) / 1000);
  const path = (shares: readonly number[]) =>
    line<number>()
      .x((_, i) => at(i))
      .y((v) => y(v))(shares as number[]) ?? '';
  const throttled = shard.writeThrottled.values;
  const last = records.length - 1;
  return {
    width: size.width,
    height: size.height,
    plot,
    recordsPath: path(recordShare),
    bytesPath: path(byteShare),
    limitY: y(1),
    throttleMarks: throttled.flatMap((count, i) =>
      count > 0 ? [{ x: at(i), count, atSeconds: (startMs + i * periodMs) / 1000 }] : [],
    ),
    xTicks: x.ticks(5).map((t) => ({ x: x(t), label: `${t} s` })),
    yTicks: y.ticks(4).map((t) => ({ y: y(t), label: `${Math.round(t * 100)} %` })),
    latest:
      last < 0 ? null : { records: records[last]!, bytes: bytes[last] ?? 0, throttled: throttled[last] ?? 0 },
    throttledInWindow: throttled.reduce((sum, n) => sum + n, 0),
  };
}
