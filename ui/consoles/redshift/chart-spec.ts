/**
 * "Visualize the results": which of a result's columns a chart uses, and the numbers it draws. A column is
 * numeric when every non-null value is a number, a date when every value reads as a Redshift date or
 * timestamp, text otherwise. By default the first text or date column is the category and the first
 * numeric column (another one) the value; the learner can change both and split the value by a series
 * column. Rows with the same category (and series) are summed, as the chart says.
 */
import type { Cell } from './result-pages.ts';

/** How a chart draws the result. */
export type ChartKind = 'bar' | 'line' | 'pie';

/** What kind of values a column holds. */
export type ColumnKind = 'number' | 'date' | 'text';

/** The learner's choices. */
export interface ChartSpec {
  readonly kind: ChartKind;
  /** Column index of the category (the x axis, or the pie's slices). */
  readonly category: number;
  /** Column index of the value. */
  readonly value: number;
  /** Column index that splits the value into series (one bar segment or line per value), or null. */
  readonly series: number | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d+)?)?$/;

/** The kind of each column, judged from its values (nulls say nothing). */
export function columnKinds(columns: readonly string[], rows: readonly (readonly Cell[])[]): ColumnKind[] {
  return columns.map((_, c) => {
    let numbers = 0;
    let dates = 0;
    let values = 0;
    for (const row of rows) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      values++;
      if (typeof v === 'number') numbers++;
      else if (typeof v === 'string' && DATE.test(v)) dates++;
    }
    if (values > 0 && numbers === values) return 'number';
    if (values > 0 && dates === values) return 'date';
    return 'text';
  });
}

/**
 * The default chart for a result, or null when it has nothing to plot (no numeric column, or a single
 * column only).
 */
export function defaultChart(kinds: readonly ColumnKind[]): ChartSpec | null {
  if (kinds.length < 2) return null;
  const labelled = kinds.findIndex((k) => k === 'text' || k === 'date');
  const category = labelled === -1 ? 0 : labelled;
  const value = kinds.findIndex((k, i) => k === 'number' && i !== category);
  if (value === -1) return null;
  return { kind: kinds[category] === 'date' ? 'line' : 'bar', category, value, series: null };
}

/** Why a choice cannot be charted, in the learner's words; null when it can. */
export function chartProblem(
  spec: ChartSpec,
  columns: readonly string[],
  kinds: readonly ColumnKind[],
): string | null {
  if (kinds[spec.value] !== 'number')
    return `“${columns[spec.value]}” is not a numeric column: pick a column of numbers as the value.`;
  if (spec.category === spec.value)
    return 'The category and the value are the same column: pick two columns.';
  if (spec.series !== null && (spec.series === spec.category || spec.series === spec.value))
    return 'The series column must differ from the category and the value.';
  if (spec.kind === 'pie' && spec.series !== null) return 'A pie shows one series: choose no series column.';
  return null;
}

/** The numbers a chart draws: categories in first-seen order (dates sorted), series, and sums. */
export interface ChartData {
  readonly categories: readonly string[];
  readonly series: readonly string[];
  /** `values[s][c]`: the sum for series `s` in category `c` (0 where no row has it). */
  readonly values: readonly (readonly number[])[];
  /** True when some category (and series) had more than one row, so the chart shows sums. */
  readonly summed: boolean;
  /** Rows skipped because their value was NULL. */
  readonly nullValues: number;
}

const label = (v: Cell | undefined): string => (v === null || v === undefined ? 'NULL' : String(v));

/** Groups the rows by category and series and sums the value. */
export function chartData(
  spec: ChartSpec,
  kinds: readonly ColumnKind[],
  rows: readonly (readonly Cell[])[],
): ChartData {
  const categories = new Map<string, number>();
  const series = new Map<string, number>();
  const sums = new Map<string, number>();
  const seen = new Set<string>();
  let summed = false;
  let nullValues = 0;
  for (const row of rows) {
    const v = row[spec.value];
    if (typeof v !== 'number') {
      nullValues++;
      continue;
    }
    const c = label(row[spec.category]);
    const s = spec.series === null ? '' : label(row[spec.series]);
    if (!categories.has(c)) categories.set(c, categories.size);
    if (!series.has(s)) series.set(s, series.size);
    const key = `${s}\u0000${c}`;
    if (seen.has(key)) summed = true;
    seen.add(key);
    sums.set(key, (sums.get(key) ?? 0) + v);
  }
  let categoryList = [...categories.keys()];
  if (kinds[spec.category] === 'date') categoryList = categoryList.sort();
  const seriesList = [...series.keys()];
  const values = seriesList.map((s) => categoryList.map((c) => sums.get(`${s}\u0000${c}`) ?? 0));
  return { categories: categoryList, series: seriesList, values, summed, nullValues };
}
