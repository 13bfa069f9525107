import { scaleLinear, stack, stackOffsetNone, stackOrderNone } from 'd3';

/** One part of a total, such as one service's share of a pipeline's monthly cost. */
export interface BarSegment {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

/** A segment placed on the bar, in the chart's own coordinate space. */
export interface PlacedSegment extends BarSegment {
  readonly x: number;
  readonly width: number;
  /** Position in the input order, for picking a colour. */
  readonly index: number;
  /** True when the segment is wide enough to carry its label inside it. */
  readonly labelFits: boolean;
}

/** An axis tick below the bar. */
export interface AxisTick {
  readonly x: number;
  readonly value: number;
}

/** Everything a component needs to draw a horizontal stacked bar; pure data, no DOM. */
export interface StackedBarLayout {
  readonly segments: readonly PlacedSegment[];
  readonly ticks: readonly AxisTick[];
  readonly total: number;
  /** The scale's upper bound after rounding to a nice number. */
  readonly domainMax: number;
}

/** Average width of one label character, as a share of the font size, for deciding whether a label fits. */
const CHAR_WIDTH_EM = 0.6;

/**
 * Lays out a single horizontal stacked bar with d3's stack and a linear scale. Segments keep their input
 * order left to right; zero-value segments take no width; negative values are treated as zero.
 */
export function layoutStackedBar(
  parts: readonly BarSegment[],
  width: number,
  options: { labelFontSize: number; tickCount?: number } = { labelFontSize: 14 },
): StackedBarLayout {
  const values = parts.map((part) => Math.max(0, part.value));
  const total = values.reduce((sum, value) => sum + value, 0);
  const row = Object.fromEntries(parts.map((part, i) => [part.key, values[i] ?? 0]));
  const series = stack<Record<string, number>>()
    .keys(parts.map((part) => part.key))
    .order(stackOrderNone)
    .offset(stackOffsetNone)([row]);
  const scale = scaleLinear()
    .domain([0, total > 0 ? total : 1])
    .nice(options.tickCount ?? 5)
    .range([0, width]);

  const segments = parts.map((part, index): PlacedSegment => {
    const [start, end] = series[index]?.[0] ?? [0, 0];
    const x = scale(start);
    const segmentWidth = scale(end) - x;
    const labelWidth = part.label.length * CHAR_WIDTH_EM * options.labelFontSize + options.labelFontSize;
    return {
      ...part,
      value: values[index] ?? 0,
      x,
      width: segmentWidth,
      index,
      labelFits: segmentWidth >= labelWidth,
    };
  });
  const ticks = scale.ticks(options.tickCount ?? 5).map((value) => ({ x: scale(value), value }));
  const [, domainMax = 0] = scale.domain();
  return { segments, ticks, total, domainMax };
}
