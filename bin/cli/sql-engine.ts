import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { RedshiftDatabase, type SqlJsStatic, type StatementResult } from '../../sim/redshift/index.ts';
import type { SqlSession } from './sql-session.ts';

const require = createRequire(import.meta.url);

type InitSqlJs = (config: {
  wasmBinary: Uint8Array;
  useOldExtensionFunctions: boolean;
}) => Promise<SqlJsStatic>;

let loading: Promise<SqlJsStatic> | null = null;

/** sql.js for Node: the wasm file from node_modules, SQLite's own math functions (as the engine expects). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const initSqlJs = require('sql.js') as InitSqlJs;
    const wasmBinary = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
    loading = initSqlJs({ wasmBinary, useOldExtensionFunctions: false });
  }
  return loading;
}

/** Runs a script on the session's cluster, statement by statement. */
export async function runScript(session: SqlSession, script: string): Promise<StatementResult[]> {
  const sql = await loadSqlJs();
  const db = RedshiftDatabase.create({
    sql,
    cluster: session.shape,
    now: () => session.now,
    era: session.era,
  });
  try {
    return db.execute(script);
  } finally {
    db.close();
  }
}
