/**
 * Geometry of the Spark Streaming batches chart: a bar per recent batch for its processing time, the batch
 * interval as a line across, and the scheduling delay as a line over the bars. Bars above the interval line
 * mean each batch takes longer than the interval it covers, so the next one waits and the delay line climbs
 * without bound — the thing this chart exists to show.
 */
import { line, scaleBand, scaleLinear } from 'd3';
import type { SparkConsumerView } from '../console-view';
import { ageLabel } from './iterator-age-chart';
import type { FrameLayout } from '../../../charts/chart-frame';

/** One batch's bar. */
export interface BatchBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly processingTimeMs: number;
  readonly overInterval: boolean;
}

/** Everything the chart component draws. */
export interface SparkBatchesLayout extends FrameLayout {
  readonly bars: readonly BatchBar[];
  readonly intervalY: number;
  readonly delayPath: string;
  readonly yTicks: readonly { readonly value: number; readonly y: number; readonly label: string }[];
}

/** The verdict the summary prints over the chart. */
export interface SparkVerdict {
  readonly batches: number;
  readonly lastProcessingMs: number | null;
  readonly lastDelayMs: number | null;
  /** True when the latest batch took longer than the batch interval. */
  readonly overloaded: boolean;
  /** True when the scheduling delay rose over the last few batches. */
  readonly delayGrowing: boolean;
}

const DELAY_TREND_BATCHES = 4;

/** Reads the latest batches: is processing slower than the interval, and is the delay growing? */
export function sparkVerdict(spark: SparkConsumerView): SparkVerdict {
  const processing = spark.processingTimeMs.values;
  const delay = spark.schedulingDelayMs.values;
  const lastProcessingMs = processing.at(-1) ?? null;
  const lastDelayMs = delay.at(-1) ?? null;
  const recent = delay.slice(-DELAY_TREND_BATCHES);
  const delayGrowing =
    recent.length >= 2 && recent.every((value, i) => i === 0 || value > (recent[i - 1] ?? 0));
  return {
    batches: processing.length,
    lastProcessingMs,
    lastDelayMs,
    overloaded: lastProcessingMs !== null && lastProcessingMs > spark.batchIntervalSeconds * 1000,
    delayGrowing,
  };
}

/** Lays out the recent batches of `spark`. */
export function layoutSparkBatches(
  spark: SparkConsumerView,
  size = { width: 400, height: 200 },
): SparkBatchesLayout {
  const plot = { left: 60, top: 10, right: size.width - 8, bottom: size.height - 10 };
  const processing = spark.processingTimeMs.values;
  const delay = spark.schedulingDelayMs.values;
  const intervalMs = spark.batchIntervalSeconds * 1000;
  const count = Math.max(processing.length, delay.length, 1);
  const maxValue = Math.max(intervalMs * 1.25, ...processing, ...delay);
  const x = scaleBand<number>()
    .domain(Array.from({ length: count }, (_, i) => i))
    .range([plot.left, plot.right])
    .padding(0.2);
  const y = scaleLinear().domain([0, maxValue]).nice().range([plot.bottom, plot.top]);
  const bars = processing.map((value, i) => ({
    x: x(i) ?? plot.left,
    y: y(value),
    width: x.bandwidth(),
    height: plot.bottom - y(value),
    processingTimeMs: value,
    overInterval: value > intervalMs,
  }));
  const delayPath =
    line<number>()
      .x((_, i) => (x(i) ?? plot.left) + x.bandwidth() / 2)
      .y((value) => y(value))(delay) ?? '';
  return {
    width: size.width,
    height: size.height,
    plot,
    bars,
    intervalY: y(intervalMs),
    delayPath,
    yTicks: y.ticks(4).map((t) => ({ value: t, y: y(t), label: ageLabel(t) })),
  };
}
