/**
 * sql.js in the browser (or a worker): its WebAssembly is a file of the build, fetched from the app's own
 * origin (the Content-Security-Policy allows 'wasm-unsafe-eval' for it), loaded once.
 */
// @ts-expect-error -- sql.js ships no type declarations; its one export is typed where it is called below.
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { SqlJsStatic } from '../../../sim/redshift/index.ts';

let loading: Promise<SqlJsStatic> | undefined;

/** sql.js, initialised on first use with the same options the engine's tests use. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= (initSqlJs as unknown as (config: object) => Promise<SqlJsStatic>)({
    locateFile: () => wasmUrl,
    useOldExtensionFunctions: false,
  });
  return loading;
}
