/**
 * Where a cluster's rows live and how many blocks they take, per table and slice, derived lazily from the
 * rows in SQLite and kept until the table's next write.
 */
import { BLOCK_BYTES, storedWidth, valuesPerBlock } from './width.ts';
import {
  columnBlocks as readColumnBlocks,
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
  /** Every slice of the cluster, in order, with its rows and blocks (an ALL copy counts on each node). */
  readonly slices: readonly SliceShare[];
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
  }

  /** Drop every table's cached report (a write whose table is not known). */
  invalidateAll(): void {
    this.cache.clear();
  }

  /** Call when a table is dropped or truncated. */
  forget(table: string): void {
    this.cache.delete(table);
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
    const stored = sliceTotals(this.db, table);
    let rows = 0;
    const bytesByColumn: (number | null)[] = table.columns.map(() => null);
    for (const share of stored.values()) {
      rows += share.rows;
      share.bytes.forEach((b, i) => {
        if (b !== null) bytesByColumn[i] = (bytesByColumn[i] ?? 0) + b;
      });
    }
    const distribution: EffectiveDistribution =
      table.distStyle === 'AUTO'
        ? autoIsStillAll(table, rows, bytesByColumn)
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
    const perSlice = whole
      ? new Map(firstSlices(this.cluster).map((s) => [s, { rows, bytes: bytesByColumn }]))
      : stored;
    const slices: SliceShare[] = Array.from({ length: sliceCount(this.cluster) }, (_, slice) => {
      const share = perSlice.get(slice);
      const sliceRows = share?.rows ?? 0;
      const columnBlocks = table.columns.map((column, i) => {
        const width = storedWidth(column);
        return width === null
          ? Math.ceil((share?.bytes[i] ?? 0) / BLOCK_BYTES)
          : Math.ceil(sliceRows / valuesPerBlock(width));
      });
      const blocks = columnBlocks.reduce((sum, n) => sum + n, 0);
      return { slice, node: nodeOfSlice(this.cluster, slice), rows: sliceRows, blocks, columnBlocks };
    });
    const counts = slices.map((s) => s.rows);
    const fewest = Math.min(...counts);
    const skewRows = whole || fewest === 0 ? null : Math.max(...counts) / fewest;
    const zoneMaps = new Map<number, Block[]>();
    let order: SortOrder | null = null;
    const db = this.db;
    const cluster = this.cluster;
    return {
      table,
      tableId: this.tableId(table.name),
      distribution,
      diststyle,
      rows,
      slices,
      sizeBlocks: slices.reduce((sum, s) => sum + s.blocks, 0),
      skewRows,
      columnBlocks(column) {
        let blocks = zoneMaps.get(column);
        if (blocks === undefined) {
          order ??= sortOrder(db, table, whole);
          const computed = readColumnBlocks(db, table, column, whole, order);
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
