import type { StatementResult } from '../../sim/redshift/index.ts';

/**
 * What `bdlab sql` prints: the JSON report of the issue's shape (`--json`), or psql-like text — a table
 * for rows, the command tag otherwise, and each failure on stderr with where it is.
 */

/** One statement as `--json` prints it. */
export interface SqlStatementReport {
  readonly index: number;
  readonly sql: string;
  readonly status: 'ok' | 'error';
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly columns: readonly string[] | null;
  readonly rows: readonly (readonly (string | number | boolean | null)[])[] | null;
  readonly rowCount: number;
  readonly rowsLoaded: number | null;
  readonly loadErrors: number | null;
  readonly explain: readonly string[] | null;
  readonly modelledMillis: number;
}

/** The whole `--json` report. */
export interface SqlReport {
  readonly cluster: { readonly nodeType: string; readonly nodes: number; readonly slices: number };
  readonly statements: readonly SqlStatementReport[];
}

/** A statement's result in the report's shape (and nothing else: the field order is the issue's). */
export function statementReport(result: StatementResult): SqlStatementReport {
  return {
    index: result.index,
    sql: result.sql,
    status: result.status,
    error: result.error === null ? null : { code: result.error.code, message: result.error.message },
    columns: result.columns,
    rows: result.rows,
    rowCount: result.rowCount,
    rowsLoaded: result.rowsLoaded,
    loadErrors: result.loadErrors,
    explain: result.explain,
    modelledMillis: result.modelledMillis,
  };
}

const cell = (value: string | number | boolean | null): string =>
  value === null ? '' : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);

/** Rows as psql's aligned format: a header, a rule, the rows, and "(N rows)". */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  const texts = rows.map((row) => row.map(cell));
  const numeric = columns.map(
    (_, c) => rows.length > 0 && rows.every((row) => row[c] === null || typeof row[c] === 'number'),
  );
  const widths = columns.map((name, c) => Math.max(name.length, ...texts.map((row) => row[c]!.length)));
  const line = (values: readonly string[], header: boolean) =>
    ` ${values
      .map((v, c) =>
        header
          ? v.padStart((widths[c]! + v.length) >> 1).padEnd(widths[c]!)
          : numeric[c]
            ? v.padStart(widths[c]!)
            : v.padEnd(widths[c]!),
      )
      .join(' | ')}`.trimEnd();
  return [
    line(columns, true),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    ...texts.map((row) => line(row, false)),
    `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`,
  ].join('\n');
}

/** What psql would show on stdout for a successful statement. */
export function statementText(result: StatementResult): string {
  if (result.explain !== null) {
    return formatTable(
      ['QUERY PLAN'],
      result.explain.map((line) => [line]),
    );
  }
  if (result.columns !== null && result.rows !== null) return formatTable(result.columns, result.rows);
  if (result.rowsLoaded !== null) {
    const errors = result.loadErrors ? `; ${result.loadErrors} error(s) skipped (see stl_load_errors)` : '';
    return `${result.command}: ${result.rowsLoaded} record(s) loaded${errors}`;
  }
  if (result.command === 'INSERT') return `INSERT 0 ${result.rowCount}`;
  if (result.command === 'UPDATE' || result.command === 'DELETE')
    return `${result.command} ${result.rowCount}`;
  return result.command;
}

/** A failure as psql prints it, with the statement's place in the script. */
export function errorText(script: string, result: StatementResult): string {
  const error = result.error!;
  const where =
    error.line === undefined
      ? `statement ${result.index + 1}`
      : `${script}:${error.line}${error.column === undefined ? '' : `:${error.column}`} (statement ${result.index + 1})`;
  return `${where}: ERROR:  ${error.message} [${error.code}]`;
}
