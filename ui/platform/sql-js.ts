/**
 * sql.js in the browser or a worker, for every part of the app that runs SQL (the Redshift console's
 * worker, the lab derive worker): its WebAssembly is a file of the build, fetched from the app's own
 * origin (the Content-Security-Policy allows 'wasm-unsafe-eval' for it), and compiled once per thread.
 * Node (tests, the CLI) reads the file instead: sim/redshift/database/database-harness.ts.
 */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { SqlJsStatic } from '../../sim/redshift/index.ts';

let loading: Promise<SqlJsStatic> | undefined;

/** sql.js, initialised on first use with SQLite's own math functions (as the engine's tests load it). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= (async () => {
    // Imported here, not at the top, so a worker that never runs SQL never loads sql.js's code either.
    // @ts-expect-error -- sql.js ships no type declarations; its one export is typed just below.
    const sqlJs: { default: (config: object) => Promise<SqlJsStatic> } = await import('sql.js');
    return sqlJs.default({ locateFile: () => wasmUrl, useOldExtensionFunctions: false });
  })();
  return loading;
}
