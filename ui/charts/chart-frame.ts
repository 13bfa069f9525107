/**
 * The parts every x–y chart of the app shares, as plain data: the plot area and axis ticks a layout
 * computes with d3, the strokes of lines and reference rules, and the legend. Each chart's own layout module
 * does the d3 work; these helpers turn its numbers into the marks `ChartFrame.svelte` draws. Pure.
 */

/** The plot area inside a chart's viewBox, in SVG units. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A labelled tick on the x axis. */
export interface XTick {
  readonly x: number;
  readonly label: string;
}

/** A labelled tick (and grid line) on the y axis. */
export interface YTick {
  readonly y: number;
  readonly label: string;
}

/** What every chart layout gives the frame: its viewBox size, plot area and ticks. */
export interface FrameLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: PlotArea;
  /** None for a chart whose x axis is an order, not a scale (recent batches). */
  readonly xTicks?: readonly XTick[];
  readonly yTicks: readonly YTick[];
}

/** How a line is stroked: a CSS colour (a theme variable such as `var(--chart-1)`), a dash and a width. */
export interface Stroke {
  readonly colour: string;
  /** An SVG `stroke-dasharray`; none for a solid line. */
  readonly dash?: string;
  /** In SVG units; 3 for series and 2 for rules when left out. */
  readonly width?: number;
}

/** One plotted line (d3's `line()` output). */
export interface LineMark {
  readonly key: string;
  readonly path: string;
  readonly stroke: Stroke;
}

/** One filled area (d3's `area()` output), drawn translucent with a solid top edge. */
export interface AreaMark {
  readonly key: string;
  readonly path: string;
  readonly colour: string;
}

/** One bar. */
export interface BarMark {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly colour: string;
}

/** A text label placed beside a reference rule. */
export interface RuleLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
  readonly colour: string;
}

/** A straight reference line across the plot: a limit, a marker of an event, the "now" line. */
export interface RuleMark {
  readonly key: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: Stroke;
  readonly label: RuleLabel | null;
}

/** The gap between a rule and its label, and between stacked labels, in SVG units. */
const LABEL_GAP = 6;
const LABEL_LINE = 14;

/** The theme colour of the `index`-th series (0-based), cycling through the six chart colours. */
export function seriesColour(index: number): string {
  return `var(--chart-${(index % 6) + 1})`;
}

/**
 * A horizontal rule across the plot at `y` (a limit or a threshold), its label, if any, right-aligned just
 * above the line at the plot's right edge.
 */
export function horizontalRule(
  plot: PlotArea,
  key: string,
  y: number,
  stroke: Stroke,
  label?: { readonly text: string; readonly colour?: string },
): RuleMark {
  return {
    key,
    x1: plot.left,
    x2: plot.right,
    y1: y,
    y2: y,
    stroke,
    label: label
      ? {
          text: label.text,
          x: plot.right - 4,
          y: y - LABEL_GAP,
          anchor: 'end',
          colour: label.colour ?? 'var(--text)',
        }
      : null,
  };
}

/**
 * A vertical rule down the plot at `x` (an event, or the run's current time). Its label, if any, starts
 * just right of the line, inside the top of the plot, or above the plot when `above` (the plot leaves room);
 * `row` stacks labels of rules that fall close together.
 */
export function verticalRule(
  plot: PlotArea,
  key: string,
  x: number,
  stroke: Stroke,
  label?: {
    readonly text: string;
    readonly colour?: string;
    readonly row?: number;
    readonly above?: boolean;
  },
): RuleMark {
  const row = label?.row ?? 0;
  return {
    key,
    x1: x,
    x2: x,
    y1: plot.top,
    y2: plot.bottom,
    stroke,
    label: label
      ? {
          text: label.text,
          x: x + 4,
          y: (label.above ? plot.top - 10 : plot.top + LABEL_LINE) + row * LABEL_LINE,
          anchor: 'start',
          colour: label.colour ?? 'var(--text)',
        }
      : null,
  };
}

/** How a legend entry shows what it stands for. */
export type Swatch =
  | { readonly kind: 'line'; readonly stroke: Stroke }
  | { readonly kind: 'area'; readonly colour: string }
  | { readonly kind: 'block'; readonly colour: string }
  | { readonly kind: 'vertical-rule'; readonly stroke: Stroke };

/** One entry of a chart's legend; one with no swatch is a note about the chart, set in the muted colour. */
export interface LegendEntry {
  readonly key: string;
  readonly label: string;
  readonly swatch: Swatch | null;
  /** `data-*` attributes for the entry's list item, for tests and styles to find it by. */
  readonly data?: Readonly<Record<`data-${string}`, string>>;
}

/** A legend entry for a plotted line, its swatch a short stretch of the same stroke. */
export function lineEntry(key: string, label: string, stroke: Stroke): LegendEntry {
  return { key, label, swatch: { kind: 'line', stroke } };
}

/**
 * The sentence a chart's description ends with for its series: each one's label and what is said about
 * it, joined by semicolons and closed with a full stop; an empty string when there are none.
 */
export function describeSeries<T>(series: readonly T[], describe: (item: T) => string): string {
  return series.length === 0 ? '' : `${series.map(describe).join('; ')}.`;
}
