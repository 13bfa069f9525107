/**
 * The part of sql.js the database uses, typed here because sql.js ships no types. The caller initialises
 * sql.js (Node reads the wasm file, the browser fetches its URL) and passes the `SqlJsStatic` in: sim/
 * never loads wasm itself. Initialise with `useOldExtensionFunctions: false` so SQLite's native math
 * functions are used (the engine emits only functions whose meaning is the same either way).
 */

/** A value sql.js binds or returns. */
export type SqlJsValue = number | string | Uint8Array | null | bigint;

/** A prepared statement. */
export interface SqlJsStatement {
  bind(values?: readonly SqlJsValue[]): boolean;
  step(): boolean;
  get(): SqlJsValue[];
  getColumnNames(): string[];
  run(values?: readonly SqlJsValue[]): void;
  reset(): void;
  free(): boolean;
}

/** One result set of `exec`. */
export interface SqlJsQueryResult {
  columns: string[];
  values: SqlJsValue[][];
}

/** An open sql.js database. */
export interface SqlJsDatabase {
  exec(sql: string, params?: readonly SqlJsValue[]): SqlJsQueryResult[];
  run(sql: string, params?: readonly SqlJsValue[]): SqlJsDatabase;
  prepare(sql: string): SqlJsStatement;
  getRowsModified(): number;
  create_function(name: string, fn: (...args: SqlJsValue[]) => SqlJsValue | boolean): SqlJsDatabase;
  create_aggregate<State>(
    name: string,
    functions: {
      init: () => State;
      step: (state: State, ...args: SqlJsValue[]) => State;
      finalize: (state: State) => SqlJsValue;
    },
  ): SqlJsDatabase;
  close(): void;
}

/** The initialised sql.js module. */
export interface SqlJsStatic {
  Database: new (data?: ArrayLike<number> | null) => SqlJsDatabase;
}
