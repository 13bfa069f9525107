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
  /** Where the limit's label goes: the first corner of the limit line where it crosses no data line. */
  readonly limitLabel: LabelPlacement | null;
  readonly markerX: number | null;
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
}

/** A label's anchor point (its baseline) and alignment. */
export interface LabelPlacement {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

/** Rule labels are 14 px semibold: about 8 px a character, 11 px above the baseline and 4 below. */
const CHARACTER_WIDTH = 8;
const ASCENT = 11;
const DESCENT = 4;
const GAP = 6;

type Point = readonly [x: number, y: number];
type Box = { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };

/** Whether a line's segment from `a` to `b` (left to right) passes through the box. */
function segmentCrosses(a: Point, b: Point, box: Box): boolean {
  const from = Math.max(a[0], box.left);
  const to = Math.min(b[0], box.right);
  if (from > to) return false;
  const yAt = (x: number) => (b[0] === a[0] ? a[1] : a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]));
  const [y0, y1] = [yAt(from), yAt(to)];
  return Math.min(y0, y1) <= box.bottom && Math.max(y0, y1) >= box.top;
}

/** A series' points, split where it has no value (a shard not open yet, or closed). */
function runsOf(values: readonly (number | null)[], at: (i: number, v: number) => Point): Point[][] {
  const runs: Point[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) runs.push([]);
    else runs.at(-1)!.push(at(i, v));
  });
  return runs.filter((run) => run.length > 0);
}

/**
 * Places a horizontal rule's label so no data line runs through it: above the line at its right end, then
 * below it, then the same at the left end; when every corner is crossed, the one crossed by fewest lines.
 */
export function placeRuleLabel(
  lines: readonly (readonly Point[])[],
  plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number },
  ruleY: number,
  text: string,
): LabelPlacement {
  const width = text.length * CHARACTER_WIDTH;
  const corners: LabelPlacement[] = [
    { x: plot.right - 4, y: ruleY - GAP, anchor: 'end' },
    { x: plot.right - 4, y: ruleY + GAP + ASCENT, anchor: 'end' },
    { x: plot.left + 4, y: ruleY - GAP, anchor: 'start' },
    { x: plot.left + 4, y: ruleY + GAP + ASCENT, anchor: 'start' },
  ];
  const candidates = corners.filter((c) => c.y - ASCENT >= plot.top - GAP && c.y + DESCENT <= plot.bottom);
  const crossings = (c: LabelPlacement) => {
    const left = c.anchor === 'end' ? c.x - width : c.x;
    const box = { left, right: left + width, top: c.y - ASCENT, bottom: c.y + DESCENT };
    return lines.filter((points) =>
      points.length === 1
        ? segmentCrosses(points[0]!, points[0]!, box)
        : points.some((p, i) => i > 0 && segmentCrosses(points[i - 1]!, p, box)),
    ).length;
  };
  let best = candidates[0] ?? { x: plot.right - 4, y: ruleY - GAP, anchor: 'end' };
  let fewest = Infinity;
  for (const candidate of candidates) {
    const count = crossings(candidate);
    if (count === 0) return candidate;
    if (count < fewest) [best, fewest] = [candidate, count];
  }
  return best;
}

/** Lays out per-second values (one point per second, drawn at the middle of the second). */
export function layoutPerSecond(
  series: readonly PerSecondSeries[],
  seconds: number,
  limit: number | null,
  markerSecond: number | null,
  format: (value: number) => string,
  limitLabel = '',
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
    limitLabel:
      limit === null || limitLabel === ''
        ? null
        : placeRuleLabel(
            series.flatMap((s) => runsOf(s.values, (i, v) => [x(i + 0.5), y(v)])),
            plot,
            y(limit),
            limitLabel,
          ),
    markerX: markerSecond === null ? null : x(markerSecond),
    yTicks: y.ticks(5).map((v) => ({ y: y(v), label: format(v) })),
    xTicks: x.ticks(Math.min(10, seconds)).map((v) => ({ x: x(v), label: `${v} s` })),
  };
}
