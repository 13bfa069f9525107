/**
 * Test support: Node loads sql.js from the package's wasm file for the SQL labs, which derive on it (the
 * app's derive worker fetches the build's copy instead). Call in a `beforeAll` of any test that derives
 * every registered lab.
 */
import { sqlJsPort } from '../../labs/kit/sql-js-port.ts';
import { loadSqlJs } from '../../sim/redshift/database/database-harness.ts';

/** Provides and loads sql.js for the labs on this test thread. */
export async function prepareSqlJsForLabs(): Promise<void> {
  sqlJsPort.provide(loadSqlJs);
  await sqlJsPort.prepare();
}
