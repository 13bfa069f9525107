/**
 * Tests' way to open a RedshiftDatabase: sql.js initialised once from the wasm file in node_modules (with
 * SQLite's native math functions), a fixed simulation clock and the workshop's cluster shape. Used only
 * by tests (and the PostgreSQL oracle test).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { millis, type Millis } from '../../core/index.ts';
import type { RedshiftDatabaseOptions } from './core.ts';
import { RedshiftDatabase } from './database.ts';
import type { StatementResult } from './results.ts';
import type { SqlJsStatic } from './sqljs.ts';

const require = createRequire(import.meta.url);

type InitSqlJs = (config: {
  wasmBinary: ArrayBuffer | Uint8Array;
  useOldExtensionFunctions: boolean;
}) => Promise<SqlJsStatic>;

let loading: Promise<SqlJsStatic> | null = null;

/** sql.js for Node, loaded once per test file. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const initSqlJs = require('sql.js') as InitSqlJs;
    const wasmBinary = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
    loading = initSqlJs({ wasmBinary, useOldExtensionFunctions: false });
  }
  return loading;
}

/** The simulation clock tests run at: 2016-07-12 10:30:00 UTC, the workshop's week. */
export const TEST_NOW: Millis = millis(Date.UTC(2016, 6, 12, 10, 30, 0));

/** A database on a dc1.large single node (2 slices) at TEST_NOW, unless options say otherwise. */
export async function openTestDatabase(
  options: Partial<RedshiftDatabaseOptions> = {},
): Promise<RedshiftDatabase> {
  const sql = await loadSqlJs();
  return RedshiftDatabase.create({
    sql,
    cluster: { nodeType: 'dc1.large', nodes: 1, slicesPerNode: 2 },
    now: () => TEST_NOW,
    ...options,
  });
}

/** Run one statement and return its result, failing the test with the error's message if it failed. */
export function runOk(db: RedshiftDatabase, sql: string): StatementResult {
  const [result] = db.execute(sql);
  if (!result) throw new Error(`no statement in: ${sql}`);
  if (result.status !== 'ok') throw new Error(`${result.error?.code}: ${result.error?.message} (in: ${sql})`);
  return result;
}

/** Run one statement that must fail and return its error. */
export function runError(db: RedshiftDatabase, sql: string): NonNullable<StatementResult['error']> {
  const [result] = db.execute(sql);
  if (!result) throw new Error(`no statement in: ${sql}`);
  if (result.status !== 'error' || !result.error) throw new Error(`expected an error from: ${sql}`);
  return result.error;
}
