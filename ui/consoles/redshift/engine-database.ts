/**
 * The cluster's database for the console: sim/redshift's engine (RedshiftDatabase on sql.js) with COPY
 * and UNLOAD, slice placement, blocks and zone maps, EXPLAIN and the query model plugged in, and the facts
 * the panels draw read from the engine itself: each table's rows and 1 MB blocks per slice and its skew
 * (svv_table_info's), and the newest rows of stl_load_errors.
 */
import {
  BLOCK_BYTES,
  clusterStorage,
  formatType,
  openWarehouse,
  type RedshiftDatabase,
  type LoadErrorRow,
  type SqlJsStatic,
} from '../../../sim/redshift/index.ts';
import type { LoadErrorView, TableView } from './redshift-view.ts';

/** Rows of stl_load_errors the panel shows (the newest). */
export const LOAD_ERRORS_SHOWN = 20;
import type { ConsoleDatabase, OpenDatabase } from './session-warehouse.ts';

function tableView(db: RedshiftDatabase, name: string): { view: TableView; blocks: number } | undefined {
  const table = db.table(name);
  if (table === undefined) return undefined;
  const storage = clusterStorage(db).tableStorage(table);
  return {
    view: {
      name: table.name,
      columns: table.columns.map((c) => ({ name: c.name, type: formatType(c.type) })),
      distStyle: storage.diststyle,
      distKey: table.distKey,
      sortKey: table.sortKey?.columns ?? [],
      rows: storage.rows,
      rowsPerSlice: storage.slices.map((s) => s.rows),
      blocksPerSlice: storage.slices.map((s) => s.blocks),
      skewRows: storage.skewRows,
    },
    blocks: storage.sizeBlocks,
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
    const { database: db, loadLog } = openWarehouse({
      sql: await sql,
      cluster: options.cluster,
      now: options.now,
      era: options.era,
      databaseName: options.dbName,
      s3: options.s3,
      iam: options.iam,
      attachedRoles: options.attachedRoles,
      caller: {
        region: options.region,
        clusterIdentifier: options.clusterIdentifier,
        dbUser: options.dbUser,
      },
    });
    const console: ConsoleDatabase = {
      execute: (script) => db.execute(script),
      facts: () => {
        const tables = db.tables().flatMap((t) => tableView(db, t.name) ?? []);
        const loadErrors = loadLog.errors.slice(-LOAD_ERRORS_SHOWN).reverse().map(loadErrorView);
        const blocks = tables.reduce((sum, t) => sum + t.blocks, 0);
        return { tables: tables.map((t) => t.view), loadErrors, storedBytes: blocks * BLOCK_BYTES };
      },
      close: () => db.close(),
    };
    return console;
  };
}
