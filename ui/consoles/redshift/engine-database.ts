/**
 * The cluster's database for the console: sim/redshift's engine (RedshiftDatabase on sql.js) with the
 * facts the panels draw read from the engine itself: each table's definition and rows per slice, and the
 * skew of its rows (the fullest slice over the emptiest, as svv_table_info's skew_rows defines it).
 */
import { formatType, RedshiftDatabase, type SqlJsStatic } from '../../../sim/redshift/index.ts';
import type { TableView } from './redshift-view.ts';
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

/** Opens the engine's database for a cluster with this sql.js. */
export function engineDatabase(sql: Promise<SqlJsStatic>): OpenDatabase {
  return async (options) => {
    const db = RedshiftDatabase.create({
      sql: await sql,
      cluster: options.cluster,
      now: options.now,
      era: options.era,
      databaseName: options.dbName,
    });
    const console: ConsoleDatabase = {
      execute: (script) => db.execute(script),
      facts: () => {
        const tables = db.tables().flatMap((t) => tableView(db, t.name) ?? []);
        return { tables, loadErrors: [], storedBytes: null };
      },
      close: () => db.close(),
    };
    return console;
  };
}
