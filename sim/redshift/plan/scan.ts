/**
 * What a scan reads on each slice: the blocks of the columns the query uses, minus the blocks the zone maps
 * rule out.
 *
 * A zone map rules out a range of rows (a block of the tested column); the blocks of the other columns that
 * hold only those rows are skipped too. Block boundaries of the other columns come from their widths:
 * exact for fixed-width columns (⌊1 MiB ÷ width⌋ rows a block), and for VARCHAR columns an even split of
 * the slice's rows over its blocks (the model does not read their data just to place the boundaries).
 */
import { storedWidth, valuesPerBlock, type TableStorage } from '../storage/index.ts';
import type { BlockTest } from './predicates.ts';

/** One table's reads on one slice. */
export interface TableSliceScan {
  readonly slice: number;
  readonly rows: number;
  readonly rowsScanned: number;
  readonly blocksScanned: number;
  readonly blocksSkipped: number;
}

type Interval = readonly [number, number];

/** Merge overlapping [start, end) intervals. */
function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Whether [start, end) lies inside one of the merged intervals. */
function covered(merged: readonly Interval[], start: number, end: number): boolean {
  return merged.some(([s, e]) => s <= start && end <= e);
}

/** Rows ruled out on each slice by every test, as merged row intervals in sort order. */
function skippedRows(report: TableStorage, tests: readonly BlockTest[]): Map<number, Interval[]> {
  const skipped = new Map<number, Interval[]>();
  for (const test of tests) {
    const position = new Map<number, number>();
    for (const block of report.columnBlocks(test.column)) {
      const start = position.get(block.slice) ?? 0;
      position.set(block.slice, start + block.numValues);
      if (!test.mayMatch(block)) {
        const list = skipped.get(block.slice) ?? [];
        list.push([start, start + block.numValues]);
        skipped.set(block.slice, list);
      }
    }
  }
  for (const [slice, list] of skipped) skipped.set(slice, union(list));
  return skipped;
}

/** A column's block boundaries on a slice, as row intervals. */
function blockIntervals(report: TableStorage, column: number, slice: number, tested: boolean): Interval[] {
  const rows = report.rowsPerSlice[slice] ?? 0;
  if (tested) {
    let start = 0;
    return report
      .columnBlocks(column)
      .filter((b) => b.slice === slice)
      .map((b) => {
        const interval: Interval = [start, start + b.numValues];
        start += b.numValues;
        return interval;
      });
  }
  const width = storedWidth(report.table.columns[column]!);
  const count = report.blockCounts(column)[slice] ?? 0;
  const perBlock = width === null ? rows / Math.max(1, count) : valuesPerBlock(width);
  return Array.from({ length: count }, (_, k): Interval => [
    Math.round(k * perBlock),
    Math.min(rows, Math.round((k + 1) * perBlock)),
  ]);
}

/** Each slice's reads for a scan of `columns` with these zone-map tests. */
export function scanTable(
  report: TableStorage,
  columns: ReadonlySet<number>,
  tests: readonly BlockTest[],
): TableSliceScan[] {
  // A query that names no column (COUNT(*)) still reads one column to count rows.
  const read = columns.size > 0 ? [...columns] : [0];
  const testedColumns = new Set(tests.map((t) => t.column));
  const skipped = tests.length === 0 ? new Map<number, Interval[]>() : skippedRows(report, tests);
  return report.rowsPerSlice.map((rows, slice) => {
    const ruledOut = skipped.get(slice) ?? [];
    const rowsSkipped = ruledOut.reduce((sum, [s, e]) => sum + (e - s), 0);
    let blocksScanned = 0;
    let blocksSkipped = 0;
    for (const column of read) {
      if (ruledOut.length === 0) {
        blocksScanned += report.blockCounts(column)[slice] ?? 0;
        continue;
      }
      for (const [start, end] of blockIntervals(report, column, slice, testedColumns.has(column))) {
        if (covered(ruledOut, start, end)) blocksSkipped++;
        else blocksScanned++;
      }
    }
    return { slice, rows, rowsScanned: rows - rowsSkipped, blocksScanned, blocksSkipped };
  });
}
