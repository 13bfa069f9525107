/**
 * The cluster's database for the console: sim/redshift's engine (RedshiftDatabase on sql.js) with the
 * facts the panels draw read from the engine itself: each table's definition and rows per slice, and the
 * skew of its rows (the fullest slice over the emptiest, as svv_table_info's skew_rows defines it).
 */
import {
  copyExtensions,
  formatType,
  RedshiftDatabase,
  type LoadErrorRow,
  type SqlJsStatic,
} from '../../../sim/redshift/index.ts';
import type { LoadErrorView, TableView } from './redshift-view.ts';

/** Rows of stl_load_errors the panel shows (the newest). */
export const LOAD_ERRORS_SHOWN = 20;
import type { ConsoleDatabase, OpenDatabase } from './session-warehouse.ts';

/** svv_table_info's skew_rows: rows on the fullest slice over rows on the emptiest; null for an empty table. */
export function skewRows(rowsPerSlice: readonly number[]): number | null {
  const most = Math.max(0, ...rowsPerSlice);
  if (most === 0) return null;
  const least = Math.min(...rowsPerSlice);
  // Redshift divides by the emptiest slice; with an empty slice the ratio is unbounded, shown as the row count.
  return least === 0 ? most : most / least;
}

function tableView(db: RedshiftDatabase, name: string): TableView | undefined {
  const table = db.table(name);
  if (table === undefined) return undefined;
  const rowsPerSlice = db.rowsPerSlice(table.name);
  return {
    name: table.name,
    columns: table.columns.map((c) => ({ name: c.name, type: formatType(c.type) })),
    distStyle: table.distStyle,
    distKey: table.distKey,
    sortKey: table.sortKey?.columns ?? [],
    rows: rowsPerSlice.reduce((a, b) => a + b, 0),
    rowsPerSlice,
    blocksPerSlice: [],
    skewRows: skewRows(rowsPerSlice),
  };
}

function loadErrorView(row: LoadErrorRow): LoadErrorView {
  return {
    query: row.query,
    filename: row.filename,
    lineNumber: row.line_number,
    colname: row.colname,
    type: row.type,
    rawFieldValue: row.raw_field_value,
    errCode: row.err_code,
    errReason: row.err_reason,
  };
}

/** Opens the engine's database for a cluster with this sql.js, COPY and UNLOAD reading the session's S3. */
export function engineDatabase(sql: Promise<SqlJsStatic>): OpenDatabase {
  return async (options) => {
    const copy = copyExtensions({
      s3: options.s3,
      iam: options.iam,
      attachedRoles: options.attachedRoles,
      caller: {
        region: options.region,
        clusterIdentifier: options.clusterIdentifier,
        dbUser: options.dbUser,
      },
    });
    const db = RedshiftDatabase.create({
      sql: await sql,
      cluster: options.cluster,
      now: options.now,
      era: options.era,
      databaseName: options.dbName,
      extensions: { commands: copy.commands, systemTables: copy.systemTables },
    });
    const console: ConsoleDatabase = {
      execute: (script) => db.execute(script),
      facts: () => {
        const tables = db.tables().flatMap((t) => tableView(db, t.name) ?? []);
        const loadErrors = copy.log.errors.slice(-LOAD_ERRORS_SHOWN).reverse().map(loadErrorView);
        return { tables, loadErrors, storedBytes: null };
      },
      close: () => db.close(),
    };
    return console;
  };
}
