import { bytes } from '../../core/index.ts';
import type { RedshiftType, StoredValue } from '../types/index.ts';
import type { LoadCommitRow, LoadErrorRow, LoadLog } from './load-log.ts';

/** A system table column: structurally the database's ColumnDefinition. */
export interface SystemColumn {
  readonly name: string;
  readonly type: RedshiftType;
  readonly notNull: boolean;
  readonly encode: null;
  readonly identity: null;
  readonly defaultSql: null;
}

/** A system table COPY fills: structurally the database's SystemTable. */
export interface LoadSystemTable {
  readonly name: string;
  readonly columns: readonly SystemColumn[];
  rows(): readonly StoredValue[][];
}

const int: RedshiftType = { kind: 'integer' };
const bigint: RedshiftType = { kind: 'bigint' };
const timestamp: RedshiftType = { kind: 'timestamp' };
const char = (n: number): RedshiftType => ({ kind: 'char', length: bytes(n) });

function column(name: string, type: RedshiftType): SystemColumn {
  return { name, type, notNull: false, encode: null, identity: null, defaultSql: null };
}

/** STL_LOAD_ERRORS' columns and types as AWS lists them (AWS-FACTS §6.4). */
const LOAD_ERROR_COLUMNS: readonly [keyof LoadErrorRow, RedshiftType][] = [
  ['userid', int],
  ['slice', int],
  ['tbl', int],
  ['starttime', timestamp],
  ['session', int],
  ['query', int],
  ['filename', char(256)],
  ['line_number', bigint],
  ['colname', char(127)],
  ['type', char(10)],
  ['col_length', char(10)],
  ['position', int],
  ['raw_line', char(1024)],
  ['raw_field_value', char(1024)],
  ['err_code', int],
  ['err_reason', char(100)],
];

/** STL_LOAD_COMMITS' columns and types (RS-DG `r_STL_LOAD_COMMITS.md`). */
const LOAD_COMMIT_COLUMNS: readonly [keyof LoadCommitRow, RedshiftType][] = [
  ['userid', int],
  ['query', int],
  ['slice', int],
  ['name', char(256)],
  ['filename', char(256)],
  ['byte_offset', int],
  ['lines_scanned', int],
  ['errors', int],
  ['curtime', timestamp],
  ['status', int],
  ['file_format', char(16)],
  ['is_partial', int],
  ['start_offset', bigint],
];

function table<R>(
  name: string,
  columns: readonly [keyof R, RedshiftType][],
  source: () => readonly R[],
): LoadSystemTable {
  return {
    name,
    columns: columns.map(([n, t]) => column(String(n), t)),
    rows: () => source().map((row) => columns.map(([n]) => row[n] as StoredValue)),
  };
}

/** stl_load_errors and stl_load_commits over a load log, for the database's system-table registry. */
export function loadSystemTables(log: LoadLog): LoadSystemTable[] {
  return [
    table<LoadErrorRow>('stl_load_errors', LOAD_ERROR_COLUMNS, () => log.errors),
    table<LoadCommitRow>('stl_load_commits', LOAD_COMMIT_COLUMNS, () => log.commits),
  ];
}
