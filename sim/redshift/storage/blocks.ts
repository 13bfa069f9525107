/**
 * Columnar 1 MB blocks with their zone maps, computed from the rows in SQLite.
 *
 * Each slice stores each column separately, in the table's sort order, cut into 1 MB blocks (AWS-FACTS
 * §6.2). Fixed-width values fill a block with ⌊1 MiB ÷ width⌋ values; VARCHAR values are packed by their
 * bytes, and a value belongs to the block that holds its last byte. The sort order within a slice is:
 * - COMPOUND: by the sort key's columns in order (then insertion order), as if the table were fully sorted:
 *   COPY into an empty table sorts, and the model keeps no unsorted region (as if VACUUM had run).
 * - INTERLEAVED: Redshift interleaves the bits of every sort column so each gets equal weight (a z-order
 *   curve). The model ranks each column's values on the slice into 2^b buckets, b = ⌊52 ÷ columns⌋ (at most
 *   16), and sorts by the bucket numbers' bits interleaved, first column's bit first. Zone maps then narrow
 *   every sort column partly, none as sharply as a compound key's first column.
 * - no sort key: insertion order.
 * Rows are read once in insertion order (a prepared statement, no SQL sorting, which costs more in sql.js
 * than reading) and sorted here; the order is computed once per table version and shared by all columns.
 */
import { MIB } from '../../core/index.ts';
import { utf8Length } from '../types/index.ts';
import { quoteIdentifier, SLICE_COLUMN, type StoredValue, type TableLayout } from './layout.ts';
import { eachRow, type SqlRunner } from './sql-runner.ts';
import { storedWidth, valuesPerBlock, VARCHAR_OVERHEAD } from './width.ts';

/** One 1 MB block of one column on one slice, with its zone map. */
export interface Block {
  readonly slice: number;
  /** Position of the block in its column on its slice, from 0. */
  readonly blocknum: number;
  readonly numValues: number;
  /** Smallest and largest non-null value (null when the block holds only NULLs). */
  readonly min: StoredValue;
  readonly max: StoredValue;
}

/** Rows of each slice in sort order: `order.get(slice)[i]` is the insertion index (within the slice) of the i-th row. */
export type SortOrder = Map<number, Int32Array>;

type Key = string | number | bigint | null;

/** SQLite's ordering of values: NULL, then numbers, then text. */
function compareValues(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const aText = typeof a === 'string';
  const bText = typeof b === 'string';
  if (aText !== bText) return aText ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Read a column list for every row, grouped by slice, in insertion order. */
function readBySlice(
  db: SqlRunner,
  table: TableLayout,
  whole: boolean,
  expressions: string[],
): Map<number, Key[][]> {
  const slice = whole ? '0' : quoteIdentifier(SLICE_COLUMN);
  const bySlice = new Map<number, Key[][]>();
  const sql = `SELECT ${[slice, ...expressions].join(', ')} FROM ${quoteIdentifier(table.name)} ORDER BY rowid`;
  eachRow(db, sql, (row) => {
    const s = Number(row[0]);
    let columns = bySlice.get(s);
    if (columns === undefined) {
      columns = expressions.map(() => []);
      bySlice.set(s, columns);
    }
    for (let i = 0; i < expressions.length; i++) columns[i]!.push(row[i + 1] as Key);
  });
  return bySlice;
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/**
 * Sort row indices by one column's values, ties in insertion order. A column of one JavaScript type (all
 * text or all numbers, NULLs aside) gets a comparator without type tests: the sort is most of the cost.
 */
function sortBy(rows: Int32Array, values: readonly Key[]): Int32Array {
  const nonNull = values.filter((v) => v !== null);
  const kind = typeof nonNull[0];
  if (nonNull.length === values.length && nonNull.every((v) => typeof v === kind)) {
    const v = values as readonly (string | number | bigint)[];
    return rows.sort((a, b) => {
      const x = v[a]!;
      const y = v[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  }
  return rows.sort((a, b) => compareValues(values[a]!, values[b]!) || a - b);
}

/** Each row's bucket (0 … buckets − 1) by its rank in `values`. */
function bucketsByRank(values: readonly Key[], buckets: number): Float64Array {
  const ranked = sortBy(identity(values.length), values);
  const out = new Float64Array(values.length);
  ranked.forEach((row, rank) => {
    out[row] = Math.floor((rank * buckets) / values.length);
  });
  return out;
}

/** The table's sort order on every slice. */
export function sortOrder(db: SqlRunner, table: TableLayout, whole: boolean): SortOrder {
  const key = table.sortKey?.columns ?? [];
  const bySlice = readBySlice(db, table, whole, key.length === 0 ? ['1'] : key.map(quoteIdentifier));
  const order: SortOrder = new Map();
  for (const [slice, columns] of bySlice) {
    const n = columns[0]!.length;
    const rows = identity(n);
    if (key.length === 0) {
      order.set(slice, rows);
    } else if (key.length === 1) {
      order.set(slice, sortBy(rows, columns[0]!));
    } else if (table.sortKey!.style === 'COMPOUND') {
      rows.sort((a, b) => {
        for (const column of columns) {
          const c = compareValues(column[a]!, column[b]!);
          if (c !== 0) return c;
        }
        return a - b;
      });
      order.set(slice, rows);
    } else {
      const bits = Math.min(16, Math.floor(52 / key.length));
      const buckets = columns.map((column) => bucketsByRank(column, 2 ** bits));
      const z = new Float64Array(n);
      for (let row = 0; row < n; row++) {
        let code = 0;
        for (let bit = bits - 1; bit >= 0; bit--) {
          for (const bucket of buckets) code = code * 2 + (Math.floor(bucket[row]! / 2 ** bit) % 2);
        }
        z[row] = code;
      }
      order.set(
        slice,
        rows.sort((a, b) => z[a]! - z[b]! || a - b),
      );
    }
  }
  return order;
}

/**
 * The blocks of a column that the table is sorted by first. Rows equal in that column take the same bytes,
 * so the blocks' boundaries and min/max follow from the column's values sorted alone, whatever the later
 * sort columns say: a native sort of the values, without a comparator call per pair or reading any other
 * column. SQLite's order: NULL, then numbers, then text.
 */
export function leadingColumnBlocks(
  db: SqlRunner,
  table: TableLayout,
  column: number,
  whole: boolean,
): Block[] {
  const definition = table.columns[column]!;
  const name = quoteIdentifier(definition.name);
  const kind = definition.type.kind;
  const time = kind === 'date' || kind === 'timestamp' || kind === 'timestamptz';
  // Dates and timestamps are read as milliseconds (SQLite parses them faster than JavaScript receives
  // their text) and sorted as numbers; the blocks' min and max are printed back as text.
  const value =
    kind === 'decimal'
      ? `CAST(${name} AS REAL)`
      : time
        ? `(julianday(${name}) - 2440587.5) * 86400000.0`
        : name;
  const width = storedWidth(definition);
  const bySlice = readBySlice(db, table, whole, [value]);
  const blocks: Block[] = [];
  for (const slice of [...bySlice.keys()].sort((a, b) => a - b)) {
    const values = bySlice.get(slice)![0]!;
    let nulls = 0;
    const numbers: number[] = [];
    const texts: string[] = [];
    for (const v of values) {
      if (v === null) nulls++;
      else if (typeof v === 'string') texts.push(v);
      else numbers.push(Number(v));
    }
    const sortedNumbers = Float64Array.from(numbers).sort();
    texts.sort();
    let blocknum = -1;
    let numValues = 0;
    let min: Key = null;
    let max: Key = null;
    let position = 0;
    let bytesBefore = 0;
    const add = (v: Key, bytes: number): void => {
      let block: number;
      if (width === null) {
        bytesBefore += bytes + VARCHAR_OVERHEAD;
        block = Math.floor((bytesBefore - 1) / MIB);
      } else {
        block = Math.floor(position / valuesPerBlock(width));
      }
      position++;
      if (block !== blocknum) {
        if (numValues > 0) blocks.push({ slice, blocknum, numValues, min, max });
        blocknum = block;
        numValues = 0;
        min = null;
        max = null;
      }
      numValues++;
      if (v !== null) {
        if (min === null) min = v;
        max = v;
      }
    };
    for (let i = 0; i < nulls; i++) add(null, 0);
    for (const v of sortedNumbers) add(v, 0);
    for (const v of texts) add(v, width === null ? utf8Length(v) : 0);
    if (numValues > 0) blocks.push({ slice, blocknum, numValues, min, max });
  }
  return time
    ? blocks.map((b) => ({ ...b, min: timeText(kind, b.min), max: timeText(kind, b.max) }))
    : blocks;
}

/** Milliseconds since 1970 back to the text SQLite stores for a date or timestamp. */
function timeText(kind: string, value: StoredValue): StoredValue {
  if (typeof value !== 'number') return value;
  const iso = new Date(Math.round(value)).toISOString();
  if (kind === 'date') return iso.slice(0, 10);
  const fraction = iso.slice(20, 23) === '000' ? '' : `.${iso.slice(20, 23)}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction}`;
}

/** One column's blocks on every slice, given the table's sort order. */
export function columnBlocks(
  db: SqlRunner,
  table: TableLayout,
  column: number,
  whole: boolean,
  order: SortOrder,
): Block[] {
  const definition = table.columns[column]!;
  const name = quoteIdentifier(definition.name);
  const width = storedWidth(definition);
  const value = definition.type.kind === 'decimal' ? `CAST(${name} AS REAL)` : name;
  const expressions = width === null ? [value, `coalesce(length(CAST(${name} AS BLOB)), 0)`] : [value];
  const bySlice = readBySlice(db, table, whole, expressions);
  const blocks: Block[] = [];
  for (const slice of [...bySlice.keys()].sort((a, b) => a - b)) {
    const [values, lengths] = bySlice.get(slice)!;
    const rows = order.get(slice) ?? identity(values!.length);
    let blocknum = -1;
    let numValues = 0;
    let min: Key = null;
    let max: Key = null;
    let bytesBefore = 0;
    const flush = (): void => {
      if (numValues > 0) blocks.push({ slice, blocknum, numValues, min, max });
    };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let block: number;
      if (width === null) {
        bytesBefore += Number(lengths![row]) + VARCHAR_OVERHEAD;
        block = Math.floor((bytesBefore - 1) / MIB);
      } else {
        block = Math.floor(i / valuesPerBlock(width));
      }
      if (block !== blocknum) {
        flush();
        blocknum = block;
        numValues = 0;
        min = null;
        max = null;
      }
      numValues++;
      const v = values![row]!;
      if (v !== null) {
        if (min === null || compareValues(v, min) < 0) min = v;
        if (max === null || compareValues(v, max) > 0) max = v;
      }
    }
    flush();
  }
  return blocks;
}

/**
 * Rows per slice and, for the VARCHAR columns asked for, their stored bytes per slice (what their block
 * counts need, without sorting). One pass over the table; only the columns asked for are read.
 */
export function sliceTotals(
  db: SqlRunner,
  table: TableLayout,
  varcharColumns: readonly number[] = [],
): Map<number, { rows: number; bytes: Map<number, number> }> {
  const lengths = varcharColumns.map(
    (i) => `length(CAST(${quoteIdentifier(table.columns[i]!.name)} AS BLOB))`,
  );
  const totals = new Map<number, { rows: number; bytes: Map<number, number> }>();
  const sql = `SELECT ${[quoteIdentifier(SLICE_COLUMN), ...lengths].join(', ')} FROM ${quoteIdentifier(table.name)}`;
  const sums = new Map<number, number[]>();
  eachRow(db, sql, (row) => {
    const s = Number(row[0]);
    let share = totals.get(s);
    let sum = sums.get(s);
    if (share === undefined || sum === undefined) {
      share = { rows: 0, bytes: new Map() };
      sum = varcharColumns.map(() => 0);
      totals.set(s, share);
      sums.set(s, sum);
    }
    share.rows++;
    for (let k = 0; k < varcharColumns.length; k++) sum[k]! += Number(row[k + 1] ?? 0) + VARCHAR_OVERHEAD;
  });
  for (const [s, sum] of sums)
    varcharColumns.forEach((column, k) => totals.get(s)!.bytes.set(column, sum[k]!));
  return totals;
}
