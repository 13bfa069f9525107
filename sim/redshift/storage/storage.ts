/**
 * Where a cluster's rows live and how many blocks they take, per table and slice, derived lazily from the
 * rows in SQLite and kept until the table's next write.
 */
import { BLOCK_BYTES, storedWidth, valuesPerBlock } from './width.ts';
import {
  columnBlocks as readColumnBlocks,
  leadingColumnBlocks,
  sliceTotals,
  sortOrder,
  type Block,
  type SortOrder,
} from './blocks.ts';
import {
  firstSlices,
  nodeOfSlice,
  sliceCount,
  type SliceLayout,
  type StoredValue,
  type TableLayout,
} from './layout.ts';
import { SlicePlacement } from './placement.ts';
import type { SqlRunner } from './sql-runner.ts';

/** How a table's rows are placed right now (AUTO resolved to what it currently is). */
export type EffectiveDistribution = 'EVEN' | 'KEY' | 'ALL';

/** One slice's share of a table. */
export interface SliceShare {
  readonly slice: number;
  readonly node: number;
  readonly rows: number;
  /** Blocks of every user column on this slice. */
  readonly blocks: number;
  /** Blocks of each user column on this slice, in column order. */
  readonly columnBlocks: readonly number[];
}

/** A table's storage: placement, rows and blocks per slice, skew; zone maps on demand. */
export interface TableStorage {
  readonly table: TableLayout;
  /** Redshift's id for the table (as in STV_BLOCKLIST.tbl and SVV_TABLE_INFO.table_id). */
  readonly tableId: number;
  readonly distribution: EffectiveDistribution;
  /** SVV_TABLE_INFO's diststyle: EVEN, KEY(column), ALL, AUTO(ALL) or AUTO(EVEN). */
  readonly diststyle: string;
  /** Rows in the table (one copy, for ALL). */
  readonly rows: number;
  /** Rows on every slice of the cluster, in order (an ALL copy counts on the first slice of each node). */
  readonly rowsPerSlice: readonly number[];
  /** Every slice of the cluster, in order, with its rows and blocks (reads every VARCHAR column's size). */
  readonly slices: readonly SliceShare[];
  /** One column's block count on every slice, in slice order. */
  blockCounts(column: number): readonly number[];
  /** Blocks on every slice together (SVV_TABLE_INFO.size). */
  readonly sizeBlocks: number;
  /** Rows on the fullest slice ÷ rows on the emptiest (SVV_TABLE_INFO.skew_rows); null for ALL or an empty slice. */
  readonly skewRows: number | null;
  /** One user column's blocks with their zone maps, by slice then block (computed on first use, then kept). */
  columnBlocks(column: number): readonly Block[];
}

/**
 * AUTO keeps a table ALL while it is small. AWS does not publish the size at which it switches; the model
 * switches once any column needs more than one 1 MB block (a table of a few thousand rows), so that the
 * change can be seen. An approximation, labelled as one wherever it is shown.
 */
function autoIsStillAll(
  table: TableLayout,
  rows: number,
  bytesByColumn: readonly (number | null)[],
): boolean {
  return table.columns.every((column, i) => {
    const width = storedWidth(column);
    const total = width === null ? (bytesByColumn[i] ?? 0) : rows * width;
    return total <= BLOCK_BYTES;
  });
}

/** The cluster's storage: slice placement for inserts, and per-table storage reports cached per write. */
export class ClusterStorage {
  readonly placement: SlicePlacement;
  private readonly cache = new Map<string, { layout: string; report: TableStorage }>();
  private readonly ids = new Map<string, number>();
  /**
   * Rows per stored slice (and, when known, each VARCHAR column's bytes per slice) of tables whose every
   * write since they were last read was an append the database reported.
   */
  private readonly counts = new Map<string, { rows: number[]; bytes: Map<number, number[]> | null }>();

  constructor(
    private readonly db: SqlRunner,
    readonly cluster: SliceLayout,
  ) {
    this.placement = new SlicePlacement(cluster);
  }

  /** The slice a new row of `table` goes to (values in column order). */
  sliceForRow(table: TableLayout, row: readonly StoredValue[]): number {
    return this.placement.sliceForRow(table, row);
  }

  /** Call after every write to a table (INSERT, COPY, UPDATE, DELETE): its report is recomputed on next use. */
  invalidate(table: string): void {
    this.cache.delete(table);
    this.counts.delete(table);
  }

  /**
   * Call after rows were appended to a table (and nothing else changed it), with the rows counted per slice
   * as they were placed: the report is recomputed, but the rows per slice stay known without reading the
   * table again. `fresh` says the table had never had a row before these.
   */
  appended(
    table: string,
    perSlice: readonly number[],
    fresh: boolean,
    bytes: ReadonlyMap<number, readonly number[]> | null = null,
  ): void {
    this.cache.delete(table);
    const known = fresh
      ? {
          rows: perSlice.map(() => 0),
          bytes: bytes === null ? null : new Map([...bytes.keys()].map((c) => [c, perSlice.map(() => 0)])),
        }
      : this.counts.get(table);
    if (known === undefined) return;
    const add = (a: readonly number[], b: readonly number[]): number[] => a.map((n, i) => n + (b[i] ?? 0));
    let sums: Map<number, number[]> | null = null;
    if (known.bytes !== null && bytes !== null) {
      sums = new Map();
      for (const [column, before] of known.bytes) {
        const more = bytes.get(column);
        if (more === undefined) {
          sums = null;
          break;
        }
        sums.set(column, add(before, more));
      }
    }
    this.counts.set(table, { rows: add(known.rows, perSlice), bytes: sums });
  }

  /** Drop every table's cached report and row counts (a write whose table is not known, or a failed one). */
  invalidateAll(): void {
    this.cache.clear();
    this.counts.clear();
  }

  /** Call when a table is dropped or truncated. */
  forget(table: string): void {
    this.cache.delete(table);
    this.counts.delete(table);
    this.placement.forget(table);
  }

  /**
   * Redshift numbers user tables from about 100,000 up; the model gives each table name the next id the
   * first time it is seen, so ids are stable for the life of the cluster.
   */
  tableId(table: string): number {
    let id = this.ids.get(table);
    if (id === undefined) {
      id = 100_100 + this.ids.size;
      this.ids.set(table, id);
    }
    return id;
  }

  /** The table's storage report, from the cache or computed now. */
  tableStorage(table: TableLayout): TableStorage {
    const layout = JSON.stringify(table);
    const cached = this.cache.get(table.name);
    if (cached !== undefined && cached.layout === layout) return cached.report;
    const report = this.compute(table);
    this.cache.set(table.name, { layout, report });
    return report;
  }

  private compute(table: TableLayout): TableStorage {
    const varchar = table.columns.flatMap((column, i) => (storedWidth(column) === null ? [i] : []));
    // AUTO needs every column's size to decide whether the table is still small enough for ALL.
    const known = this.counts.get(table.name);
    const bytes = new Map<number, Map<number, number>>();
    let stored: Map<number, { rows: number }>;
    if (known !== undefined && (table.distStyle !== 'AUTO' || known.bytes !== null)) {
      stored = new Map(known.rows.map((n, slice) => [slice, { rows: n }]));
      for (const [column, perSlice] of known.bytes ?? [])
        bytes.set(column, new Map(perSlice.map((b, s) => [s, b])));
    } else {
      // AUTO needs every column's size to decide whether the table is still small enough for ALL.
      const read = sliceTotals(this.db, table, table.distStyle === 'AUTO' ? varchar : []);
      stored = read;
      for (const [slice, share] of read) {
        for (const [column, b] of share.bytes) {
          if (!bytes.has(column)) bytes.set(column, new Map());
          bytes.get(column)!.set(slice, b);
        }
      }
      this.counts.set(table.name, {
        rows: Array.from({ length: sliceCount(this.cluster) }, (_, slice) => read.get(slice)?.rows ?? 0),
        bytes: null,
      });
    }
    const rows = [...stored.values()].reduce((sum, share) => sum + share.rows, 0);
    const totalBytes = (column: number): number =>
      [...(bytes.get(column)?.values() ?? [])].reduce((sum, b) => sum + b, 0);
    const distribution: EffectiveDistribution =
      table.distStyle === 'AUTO'
        ? autoIsStillAll(
            table,
            rows,
            table.columns.map((_, i) => totalBytes(i)),
          )
          ? 'ALL'
          : 'EVEN'
        : table.distStyle;
    const diststyle =
      table.distStyle === 'AUTO'
        ? `AUTO(${distribution})`
        : table.distStyle === 'KEY'
          ? `KEY(${table.distKey ?? ''})`
          : table.distStyle;
    const whole = distribution === 'ALL';
    const cluster = this.cluster;
    const db = this.db;
    const copies = firstSlices(cluster);
    const rowsOn = (slice: number): number =>
      whole ? (copies.includes(slice) ? rows : 0) : (stored.get(slice)?.rows ?? 0);
    const bytesOn = (column: number, slice: number): number =>
      whole ? (copies.includes(slice) ? totalBytes(column) : 0) : (bytes.get(column)?.get(slice) ?? 0);
    const ensureBytes = (columns: readonly number[]): void => {
      const missing = columns.filter((c) => storedWidth(table.columns[c]!) === null && !bytes.has(c));
      if (missing.length === 0) return;
      for (const c of missing) bytes.set(c, new Map());
      for (const [slice, share] of sliceTotals(db, table, missing)) {
        for (const [column, b] of share.bytes) bytes.get(column)!.set(slice, b);
      }
    };
    const counts = new Map<number, number[]>();
    const blockCounts = (column: number): readonly number[] => {
      let perSlice = counts.get(column);
      if (perSlice === undefined) {
        ensureBytes([column]);
        const width = storedWidth(table.columns[column]!);
        perSlice = Array.from({ length: sliceCount(cluster) }, (_, slice) =>
          width === null
            ? Math.ceil(bytesOn(column, slice) / BLOCK_BYTES)
            : Math.ceil(rowsOn(slice) / valuesPerBlock(width)),
        );
        counts.set(column, perSlice);
      }
      return perSlice;
    };
    let shares: SliceShare[] | null = null;
    const slices = (): SliceShare[] => {
      if (shares === null) {
        ensureBytes(varchar);
        const perColumn = table.columns.map((_, i) => blockCounts(i));
        shares = Array.from({ length: sliceCount(cluster) }, (_, slice) => {
          const columnBlocks = perColumn.map((c) => c[slice]!);
          return {
            slice,
            node: nodeOfSlice(cluster, slice),
            rows: rowsOn(slice),
            blocks: columnBlocks.reduce((sum, n) => sum + n, 0),
            columnBlocks,
          };
        });
      }
      return shares;
    };
    const rowCounts = Array.from({ length: sliceCount(cluster) }, (_, slice) => rowsOn(slice));
    const fewest = Math.min(...rowCounts);
    const skewRows = whole || fewest === 0 ? null : Math.max(...rowCounts) / fewest;
    const zoneMaps = new Map<number, Block[]>();
    let order: SortOrder | null = null;
    return {
      table,
      tableId: this.tableId(table.name),
      distribution,
      diststyle,
      rows,
      rowsPerSlice: rowCounts,
      get slices() {
        return slices();
      },
      get sizeBlocks() {
        return slices().reduce((sum, s) => sum + s.blocks, 0);
      },
      blockCounts,
      skewRows,
      columnBlocks(column) {
        let blocks = zoneMaps.get(column);
        if (blocks === undefined) {
          const key = table.sortKey;
          const leading =
            key !== null && key.style === 'COMPOUND' && key.columns[0] === table.columns[column]?.name;
          let computed: Block[];
          if (
            leading ||
            (key?.style === 'INTERLEAVED' &&
              key.columns.length === 1 &&
              key.columns[0] === table.columns[column]?.name)
          ) {
            computed = leadingColumnBlocks(db, table, column, whole);
          } else {
            order ??= key === null || key.columns.length === 0 ? new Map() : sortOrder(db, table, whole);
            computed = readColumnBlocks(db, table, column, whole, order);
          }
          blocks = whole
            ? firstSlices(cluster).flatMap((slice) => computed.map((block) => ({ ...block, slice })))
            : computed;
          zoneMaps.set(column, blocks);
        }
        return blocks;
      },
    };
  }
}
