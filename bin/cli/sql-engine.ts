import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  openWarehouse,
  type RedshiftDatabase,
  type SqlJsStatic,
  type StatementResult,
} from '../../sim/redshift/index.ts';
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

/**
 * The session's database, opened where the console and the labs open theirs (sim/redshift's openWarehouse:
 * COPY and UNLOAD on the session's S3 through its IAM, slice placement, EXPLAIN and the modelled time).
 */
export function openSessionDatabase(sql: SqlJsStatic, session: SqlSession): RedshiftDatabase {
  return openWarehouse({
    sql,
    cluster: session.shape,
    now: () => session.now,
    era: session.era,
    databaseName: session.cluster.DBName,
    s3: session.s3,
    iam: session.iam,
    attachedRoles: session.cluster.IamRoles.map((role) => role.IamRoleArn),
    caller: {
      region: 'us-east-1',
      clusterIdentifier: session.cluster.ClusterIdentifier,
      dbUser: session.cluster.MasterUsername,
    },
  }).database;
}

/** Runs a script on the session's cluster, statement by statement. */
export async function runScript(session: SqlSession, script: string): Promise<StatementResult[]> {
  const db = openSessionDatabase(await loadSqlJs(), session);
  try {
    return db.execute(script);
  } finally {
    db.close();
  }
}
