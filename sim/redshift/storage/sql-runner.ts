/**
 * The parts of a sql.js `Database` that storage uses. Declared here so storage depends on the shape, not on
 * how the database loads sql.js.
 */
export interface SqlRunner {
  /** Prepare a statement whose rows are read one at a time (cheaper than `exec` for a million rows). */
  prepare(sql: string): SqlStatement;
}

/** A prepared sql.js statement. */
export interface SqlStatement {
  step(): boolean;
  get(): unknown[];
  free(): boolean | void;
}

/** Call `visit` for every row of a query, reading rows one at a time. */
export function eachRow(db: SqlRunner, sql: string, visit: (row: unknown[]) => void): void {
  const statement = db.prepare(sql);
  try {
    while (statement.step()) visit(statement.get());
  } finally {
    statement.free();
  }
}
