/**
 * System tables and catalogue views a learner queries: a registry other parts of the simulator add to
 * (storage/ adds STV_SLICES and SVV_TABLE_INFO, copy/ adds STL_LOAD_ERRORS), and the two the database
 * itself keeps: STL_QUERY (one row per query it ran) and PG_TABLE_DEF (one row per column).
 */
import { formatType, parseTypeName, isTypeNameError, type StoredValue } from '../types/index.ts';
import type { ColumnDefinition, TableDefinition } from './tables.ts';

/** A system table: its columns and a function that lists its rows now. */
export interface SystemTable<Db = unknown> {
  /** Lower-cased name, such as `stl_query`. */
  readonly name: string;
  readonly columns: readonly ColumnDefinition[];
  /** STL/STV/SVV tables run on the compute nodes; PG_ catalogue tables on the leader node. */
  readonly kind?: 'system' | 'catalog';
  rows(db: Db): readonly StoredValue[][];
}

/** A system-table column from a name and a Redshift type name (`'character varying(4000)'`). */
export function systemColumn(name: string, typeName: string): ColumnDefinition {
  const type = parseTypeName(typeName);
  if (isTypeNameError(type)) throw new Error(`system column ${name}: ${type.error}`);
  return { name, type, notNull: false, encode: null, identity: null, defaultSql: null };
}

/** One query the database ran, as STL_QUERY lists it. */
export interface QueryRecord {
  readonly query: number;
  readonly xid: number;
  readonly querytxt: string;
  readonly starttime: string;
  readonly endtime: string;
  readonly aborted: boolean;
}

/** STL_QUERY over the database's query history (the columns a learner reads most). */
export function stlQuery(history: () => readonly QueryRecord[], database: string): SystemTable {
  return {
    name: 'stl_query',
    kind: 'system',
    columns: [
      systemColumn('userid', 'integer'),
      systemColumn('query', 'integer'),
      systemColumn('label', 'character(320)'),
      systemColumn('xid', 'bigint'),
      systemColumn('pid', 'integer'),
      systemColumn('database', 'character(32)'),
      systemColumn('querytxt', 'character(4000)'),
      systemColumn('starttime', 'timestamp'),
      systemColumn('endtime', 'timestamp'),
      systemColumn('aborted', 'integer'),
    ],
    rows: () =>
      history().map((q) => [
        100,
        q.query,
        'default',
        q.xid,
        30000,
        database,
        q.querytxt.slice(0, 4000),
        q.starttime,
        q.endtime,
        q.aborted ? 1 : 0,
      ]),
  };
}

/** PG_TABLE_DEF over the user tables: one row per column, with its encoding and key positions. */
export function pgTableDef(tables: () => readonly TableDefinition[]): SystemTable {
  return {
    name: 'pg_table_def',
    kind: 'catalog',
    columns: [
      systemColumn('schemaname', 'character varying(128)'),
      systemColumn('tablename', 'character varying(128)'),
      systemColumn('column', 'character varying(128)'),
      systemColumn('type', 'character varying(128)'),
      systemColumn('encoding', 'character varying(128)'),
      systemColumn('distkey', 'boolean'),
      systemColumn('sortkey', 'integer'),
      systemColumn('notnull', 'boolean'),
    ],
    rows: () =>
      tables().flatMap((t) =>
        t.columns.map((c) => {
          const position = t.sortKey ? t.sortKey.columns.indexOf(c.name) + 1 : 0;
          // Redshift shows interleaved sort key positions with alternating signs (1, -2, 3 …).
          const sortkey = t.sortKey?.style === 'INTERLEAVED' && position % 2 === 0 ? -position : position;
          return [
            'public',
            t.name,
            c.name,
            formatType(c.type),
            c.encode ?? 'none',
            t.distKey === c.name ? 1 : 0,
            sortkey,
            c.notNull ? 1 : 0,
          ];
        }),
      ),
  };
}
