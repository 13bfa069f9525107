/**
 * Test support: an in-memory sql.js database for storage and plan tests, and a helper that creates a user
 * table the way the database does (declared columns plus the hidden slice column) and fills it through
 * `ClusterStorage.sliceForRow`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { quoteIdentifier, SLICE_COLUMN, type StoredValue, type TableLayout } from './layout.ts';
import type { SqlRunner } from './sql-runner.ts';
import type { ClusterStorage } from './storage.ts';

/** The parts of a sql.js Database the tests use. */
export interface TestDatabase extends SqlRunner {
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
  run(sql: string, params?: unknown[]): void;
  prepare(sql: string): ReturnType<SqlRunner['prepare']> & { run(params: unknown[]): void };
  close(): void;
}

const require = createRequire(import.meta.url);

/** A fresh in-memory sql.js database. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const initSqlJs = require('sql.js') as (config: { wasmBinary: Uint8Array }) => Promise<{
    Database: new () => TestDatabase;
  }>;
  const SQL = await initSqlJs({ wasmBinary: readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')) });
  return new SQL.Database();
}

/** Create `table` in SQLite with the hidden slice column and insert `rows`, placed by `storage`. */
export function loadTable(
  db: TestDatabase,
  storage: ClusterStorage,
  table: TableLayout,
  rows: Iterable<readonly StoredValue[]>,
): void {
  const columns = [...table.columns.map((c) => quoteIdentifier(c.name)), SLICE_COLUMN];
  db.run(`CREATE TABLE ${quoteIdentifier(table.name)} (${columns.join(', ')})`);
  const insert = db.prepare(
    `INSERT INTO ${quoteIdentifier(table.name)} VALUES (${columns.map(() => '?').join(', ')})`,
  );
  db.run('BEGIN');
  for (const row of rows) insert.run([...row, storage.sliceForRow(table, row)]);
  db.run('COMMIT');
  insert.free();
  storage.invalidate(table.name);
}
