/**
 * The storage system tables a learner queries, with AWS's column names (RS-DG23 `r_STV_SLICES.md`,
 * `r_STV_BLOCKLIST.md`, `r_STV_TBL_PERM.md`, `r_SVV_TABLE_INFO.md`), computed from the model.
 *
 * What differs from a real cluster, on purpose:
 * - Redshift adds three hidden columns to every table (INSERT_XID, DELETE_XID, ROW_ID); the model does not
 *   store them, so STV_BLOCKLIST lists user columns only (col 0 … n−1) and sizes leave them out.
 * - Internal columns AWS documents as "for internal use" (sb_pos, pinned, flags …) are left out.
 * - The model keeps tables sorted and its statistics current: unsorted is 0 and stats_off is 0.
 */
import { findRedshiftNodeType } from '../../catalog/index.ts';
import { bytes, GB_DECIMAL } from '../../core/index.ts';
import { BLOCK_BYTES, storedWidth } from './width.ts';
import { columnIndex, sliceCount, type StoredValue, type TableLayout } from './layout.ts';
import type { ClusterStorage, TableStorage } from './storage.ts';
import { blocklistValue } from './zone-value.ts';

/** A column type of a system table, in the database's RedshiftType terms. */
export type SystemColumnType =
  | { readonly kind: 'integer' | 'bigint' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'varchar' | 'char'; readonly length: ReturnType<typeof bytes> };

/** A system table column in the database's ColumnDefinition shape. */
export interface SystemColumn {
  readonly name: string;
  readonly type: SystemColumnType;
  readonly notNull: boolean;
  readonly encode: null;
  readonly identity: null;
  readonly defaultSql: null;
}

/** A system table in the shape of the database's `SystemTable` contract, read from the database `Db`. */
export interface StorageSystemTable<Db> {
  readonly name: string;
  readonly columns: readonly SystemColumn[];
  rows(db: Db): StoredValue[][];
}

/** Where the system tables read a database's storage and its user tables. */
export interface StorageSource {
  readonly storage: ClusterStorage;
  tables(): readonly TableLayout[];
}

const column = (name: string, type: SystemColumnType): SystemColumn => ({
  name,
  type,
  notNull: false,
  encode: null,
  identity: null,
  defaultSql: null,
});
const INTEGER: SystemColumnType = { kind: 'integer' };
const BIGINT: SystemColumnType = { kind: 'bigint' };
const text = (length: number): SystemColumnType => ({ kind: 'varchar', length: bytes(length) });
const numeric = (precision: number, scale: number): SystemColumnType => ({
  kind: 'decimal',
  precision,
  scale,
});

/** Round to a NUMERIC(p, 2)'s two decimals. */
const two = (n: number): number => Math.round(n * 100) / 100;

/** Every user table's storage report. */
function reports({ storage, tables }: StorageSource): TableStorage[] {
  return tables().map((t) => storage.tableStorage(t));
}

/** Blocks of one column across the whole table (from sizes, without reading zone maps). */
function columnSize(report: TableStorage, index: number): number {
  return report.blockCounts(index).reduce((sum, n) => sum + n, 0);
}

function tableInfoRow(storage: ClusterStorage, report: TableStorage): StoredValue[] {
  const { table } = report;
  const sortColumns = table.sortKey?.columns ?? [];
  const first = sortColumns[0] ?? null;
  const firstIndex = first === null ? -1 : columnIndex(table, first);
  const nodeType = findRedshiftNodeType(storage.cluster.nodeType);
  const capacityBlocks =
    nodeType === undefined
      ? null
      : (nodeType.storageGbPerNode * GB_DECIMAL * storage.cluster.nodes) / BLOCK_BYTES;
  const varchars = table.columns.filter((c) => storedWidth(c) === null).map((c) => c.type.length ?? 0);
  let skewSortkey1: number | null = null;
  if (firstIndex >= 0) {
    const sortSize = columnSize(report, firstIndex);
    const largest = Math.max(
      0,
      ...table.columns.map((_, i) => (i === firstIndex ? 0 : columnSize(report, i))),
    );
    skewSortkey1 = sortSize === 0 ? null : two(largest / sortSize);
  }
  return [
    'public',
    report.tableId,
    table.name,
    table.columns.some((c) => c.encode !== null && c.encode.toLowerCase() !== 'raw') ? 'Y' : 'N',
    report.diststyle,
    first,
    varchars.length === 0 ? null : Math.max(...varchars),
    firstIndex < 0 ? null : (table.columns[firstIndex]!.encode ?? 'none'),
    sortColumns.length,
    report.sizeBlocks,
    capacityBlocks === null ? null : Math.round((report.sizeBlocks / capacityBlocks) * 100 * 10_000) / 10_000,
    first === null ? null : 0,
    0,
    report.rows,
    skewSortkey1,
    report.skewRows === null ? null : two(report.skewRows),
  ];
}

/** STV_SLICES, STV_TBL_PERM, STV_BLOCKLIST and SVV_TABLE_INFO over the cluster's storage. */
export function storageSystemTables<Db>(source: (db: Db) => StorageSource): StorageSystemTable<Db>[] {
  return [
    {
      name: 'stv_slices',
      columns: [
        column('node', INTEGER),
        column('slice', INTEGER),
        column('localslice', INTEGER),
        column('type', { kind: 'char', length: bytes(1) }),
      ],
      rows: (db) => {
        const cluster = source(db).storage.cluster;
        return Array.from({ length: sliceCount(cluster) }, (_, slice) => [
          Math.floor(slice / cluster.slicesPerNode),
          slice,
          slice % cluster.slicesPerNode,
          'D',
        ]);
      },
    },
    {
      name: 'stv_tbl_perm',
      columns: [
        column('slice', INTEGER),
        column('id', INTEGER),
        column('name', text(72)),
        column('rows', BIGINT),
        column('sorted_rows', BIGINT),
        column('temp', INTEGER),
        column('block_count', INTEGER),
      ],
      rows: (db) =>
        reports(source(db)).flatMap((report) =>
          report.slices.map((share) => [
            share.slice,
            report.tableId,
            report.table.name,
            share.rows,
            report.table.sortKey === null ? 0 : share.rows,
            0,
            share.blocks,
          ]),
        ),
    },
    {
      name: 'stv_blocklist',
      columns: [
        column('slice', INTEGER),
        column('col', INTEGER),
        column('tbl', INTEGER),
        column('blocknum', INTEGER),
        column('num_values', INTEGER),
        column('minvalue', BIGINT),
        column('maxvalue', BIGINT),
      ],
      rows: (db) =>
        reports(source(db)).flatMap((report) =>
          report.table.columns.flatMap((definition, col) =>
            report
              .columnBlocks(col)
              .map((block) => [
                block.slice,
                col,
                report.tableId,
                block.blocknum,
                block.numValues,
                blocklistValue(definition.type, block.min),
                blocklistValue(definition.type, block.max),
              ]),
          ),
        ),
    },
    {
      name: 'svv_table_info',
      columns: [
        column('schema', text(256)),
        column('table_id', INTEGER),
        column('table', text(256)),
        column('encoded', text(256)),
        column('diststyle', text(256)),
        column('sortkey1', text(256)),
        column('max_varchar', INTEGER),
        column('sortkey1_enc', { kind: 'char', length: bytes(32) }),
        column('sortkey_num', INTEGER),
        column('size', BIGINT),
        column('pct_used', numeric(10, 4)),
        column('unsorted', numeric(5, 2)),
        column('stats_off', numeric(5, 2)),
        column('tbl_rows', numeric(38, 0)),
        column('skew_sortkey1', numeric(19, 2)),
        column('skew_rows', numeric(19, 2)),
      ],
      rows: (db) => {
        const from = source(db);
        return reports(from)
          .filter((report) => report.rows > 0)
          .map((report) => tableInfoRow(from.storage, report));
      },
    },
  ];
}
