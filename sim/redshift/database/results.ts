/**
 * What each statement of a script returns: its status, Redshift's error with line and column, the rows as
 * Redshift prints them, and the cluster's modelled cost (filled by sim/redshift/plan when present).
 */
import type { SqlType } from '../sql/index.ts';

/** A value as a result row shows it: dates and timestamps as Redshift prints them, booleans as true/false. */
export type PrintedValue = string | number | boolean | null;

/** Rows and blocks one slice scanned for a query (sim/redshift/plan computes it). */
export interface SliceScan {
  readonly slice: number;
  readonly rowsScanned: number;
  readonly blocksScanned: number;
  readonly blocksSkipped: number;
}

/** A statement's failure. */
export interface StatementError {
  /** SQLSTATE-like: '42601' syntax, '42P01' no such table, '22001' value too long, '0A000' not supported… */
  readonly code: string;
  readonly message: string;
  /** Where in the script the problem is (from 1), when known. */
  readonly line?: number;
  readonly column?: number;
}

/** The outcome of one statement. */
export interface StatementResult {
  readonly index: number;
  /** The statement's own text. */
  readonly sql: string;
  /** 'SELECT', 'CREATE TABLE', 'INSERT', 'COPY', 'EXPLAIN'… */
  readonly command: string;
  readonly status: 'ok' | 'error';
  readonly error: StatementError | null;
  readonly columns: string[] | null;
  readonly rows: PrintedValue[][] | null;
  /** Rows returned or affected. */
  readonly rowCount: number;
  readonly rowsLoaded: number | null;
  readonly loadErrors: number | null;
  readonly explain: string[] | null;
  /** Modelled time on the cluster in milliseconds (0 when no model is plugged in). */
  readonly modelledMillis: number;
  readonly scan: SliceScan[] | null;
}

/** The fields a statement's handler fills; the database adds index, sql and status. */
export interface StatementOutcome {
  readonly command: string;
  readonly columns?: string[] | null;
  readonly rows?: PrintedValue[][] | null;
  readonly rowCount?: number;
  readonly rowsLoaded?: number | null;
  readonly loadErrors?: number | null;
  readonly explain?: string[] | null;
  readonly modelledMillis?: number;
  readonly scan?: SliceScan[] | null;
}

/** A stored value as Redshift prints it for a column of the given type. */
export function printValue(type: SqlType, value: unknown): PrintedValue {
  if (value === null || value === undefined) return null;
  if (type.kind === 'boolean') return Number(value) !== 0;
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (type.kind === 'timestamptz') return `${String(value)}+00`;
  return String(value);
}
