/**
 * sql.js for Node: tests and headless runs read the WebAssembly file from the package instead of fetching
 * a URL as the browser does. The first call compiles it; later calls share that module.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of sql.js these tests use (sql.js ships no types). */
export interface NodeSqlJs {
  Database: new () => {
    exec(sql: string): { columns: string[]; values: (string | number | null | Uint8Array)[][] }[];
    run(sql: string, params?: unknown[]): unknown;
    close(): void;
  };
}

let loading: Promise<NodeSqlJs> | null = null;

/** sql.js initialised from the package's own wasm file. */
export function loadSqlJsInNode(): Promise<NodeSqlJs> {
  loading ??= (require('sql.js') as (config: { wasmBinary: Uint8Array }) => Promise<NodeSqlJs>)({
    wasmBinary: readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')),
  });
  return loading;
}
