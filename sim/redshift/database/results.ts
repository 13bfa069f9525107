/**
 * What each statement of a script returns: its status, Redshift's error with line and column, the rows as
 * Redshift prints them, and the cluster's modelled cost (filled by sim/redshift/plan when present).
 */
import { SqlError, type ScriptStatement, type SqlType } from '../sql/index.ts';

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

/** A successful result with nothing in it yet. */
export function emptyResult(index: number, sql: string, command: string): StatementResult {
  return {
    index,
    sql,
    command,
    status: 'ok',
    error: null,
    columns: null,
    rows: null,
    rowCount: 0,
    rowsLoaded: null,
    loadErrors: null,
    explain: null,
    modelledMillis: 0,
    scan: null,
  };
}

/** The command word(s) a statement starts with, for results of statements that failed early. */
export function commandOf(statement: ScriptStatement): string {
  const [a, b] = statement.tokens;
  const first = a?.value.toUpperCase() ?? '';
  if ((first === 'CREATE' || first === 'DROP') && b) return `${first} ${b.value.toUpperCase()}`;
  return first;
}

/** A thrown error as a StatementError with the script's line and column. */
export function errorOf(e: unknown, statement: ScriptStatement): StatementError {
  if (e instanceof SqlError) {
    if (e.offset === undefined) return { code: e.code, message: e.message };
    const before = statement.text.slice(0, Math.max(0, e.offset));
    const lines = before.split('\n');
    const lineInStatement = lines.length;
    const columnInStatement = lines[lines.length - 1]!.length + 1;
    const line = statement.line + lineInStatement - 1;
    const column = lineInStatement === 1 ? statement.column + columnInStatement - 1 : columnInStatement;
    return { code: e.code, message: e.message, line, column };
  }
  const message = e instanceof Error ? e.message : String(e);
  // Messages thrown by the rs_* functions are Redshift's own; classify them by their wording.
  const code = message.startsWith('invalid input syntax')
    ? '22P02'
    : message.startsWith('value too long')
      ? '22001'
      : message.includes('out of range')
        ? '22003'
        : message.startsWith('Cannot insert a NULL')
          ? '23502'
          : 'XX000';
  return { code, message };
}
