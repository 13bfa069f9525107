/**
 * Queries: translate the tree with the catalogue, refuse leader-node-only functions on compute-node
 * tables as Redshift does, fill the system tables the query reads, run it in SQLite and print the rows as
 * Redshift prints them.
 */
import type {
  SelectFromStatement,
  SelectFromUnion,
  SelectStatement,
  Statement,
  WithStatement,
} from 'pgsql-ast-parser';
import {
  frontEnd,
  newQueryContext,
  parseStatement,
  quoteIdentifier,
  splitStatements,
  SqlError,
  translateQuery,
  type Catalog,
  type CatalogRelation,
  type QueryContext,
  type RedshiftSyntax,
  type SqlType,
} from '../sql/index.ts';
import { timestampFromMillis, type StoredValue } from '../types/index.ts';
import type { DatabaseCore, PreparedQuery } from './core.ts';
import { printValue, type PrintedValue } from './results.ts';
import type { TableDefinition } from './tables.ts';

/** The translator's view of the catalogue: user tables (without __slice) and system tables. */
export function catalogOf(core: DatabaseCore): Catalog {
  return {
    relation(name: string): CatalogRelation | undefined {
      const user = core.catalog.get(name);
      if (user) return { name, columns: user.definition.columns, kind: 'user' };
      const system = core.systemTables.get(name);
      if (system) return { name, columns: system.columns, kind: system.kind ?? 'system' };
      return undefined;
    },
  };
}

/** GETDATE() and SYSDATE for a statement starting now on the simulation clock. */
export function clockTexts(core: DatabaseCore): { statementStart: string; transactionStart: string } {
  const now = timestampFromMillis(core.options.now());
  return { statementStart: now.slice(0, 19), transactionStart: now };
}

/** True for the statement types that are queries. */
export function isQuery(ast: Statement): ast is SelectFromStatement | SelectFromUnion | WithStatement {
  return ast.type === 'select' || ast.type === 'union' || ast.type === 'union all' || ast.type === 'with';
}

/**
 * Redshift's rule: leader-node-only functions (NOW(), CURRENT_TIMESTAMP …) fail when the query also reads
 * user or system tables, which run on the compute nodes (AWS-FACTS §6.2).
 */
function checkLeaderOnly(context: QueryContext): void {
  const first = context.leaderOnly[0];
  if (!first) return;
  if (!context.touched.has('user') && !context.touched.has('system')) return;
  const infos = context.leaderOnly.map((f) => `Function "${f.name}" not supported.`).join(' ');
  throw new SqlError(
    '0A000',
    `Specified types or functions (one per INFO message) not supported on Redshift tables. ${infos}`,
    first.offset,
  );
}

function materialiseSystemTables(core: DatabaseCore, names: ReadonlySet<string>): void {
  for (const name of names) {
    const table = core.systemTables.get(name);
    if (!table) continue;
    const quoted = quoteIdentifier(name);
    core.sqlite.run(`DROP TABLE IF EXISTS temp.${quoted}`);
    core.sqlite.run(
      `CREATE TEMP TABLE ${quoted} (${table.columns.map((c) => quoteIdentifier(c.name)).join(', ')})`,
    );
    const rows = table.rows(core.api);
    if (rows.length === 0) continue;
    const insert = core.sqlite.prepare(
      `INSERT INTO temp.${quoted} VALUES (${table.columns.map(() => '?').join(', ')})`,
    );
    try {
      for (const row of rows) insert.run(row as StoredValue[]);
    } finally {
      insert.free();
    }
  }
}

/** Translate a parsed query. */
export function prepareParsed(
  core: DatabaseCore,
  ast: SelectStatement,
  syntax: RedshiftSyntax,
): PreparedQuery {
  const { statementStart, transactionStart } = clockTexts(core);
  const context = newQueryContext(
    catalogOf(core),
    statementStart,
    transactionStart,
    syntax,
    core.extensions.sessionFunctions,
  );
  const translated = translateQuery(ast, context, null, true);
  checkLeaderOnly(context);
  materialiseSystemTables(core, context.systemTables);
  const tables: TableDefinition[] = [];
  collectTables(ast, (name) => {
    const state = core.catalog.get(name);
    if (state && !tables.includes(state.definition)) tables.push(state.definition);
  });
  return {
    ast,
    sqliteSql: translated.sql,
    setup: translated.setup ?? [],
    teardown: translated.teardown ?? [],
    columns: translated.columns,
    tables,
  };
}

/** Translate query text (EXPLAIN's and UNLOAD's), Redshift syntax (TOP n, frames) included. */
export function prepareText(core: DatabaseCore, text: string): PreparedQuery {
  const split = splitStatements(text);
  const statement = split.statements[0];
  if ('error' in split) throw new SqlError('42601', split.error.message, split.error.offset);
  if (!statement || split.statements.length !== 1)
    throw new SqlError('42601', 'a single SELECT statement is expected here');
  const fe = frontEnd(statement);
  if (fe.kind !== 'parse') throw new SqlError('42601', 'a SELECT statement is expected here');
  const ast = parseStatement(fe.text);
  if (!isQuery(ast)) throw new SqlError('42601', 'a SELECT statement is expected here');
  return prepareParsed(core, ast, fe.syntax);
}

/** Run a prepared query and return stored values. */
export function runStored(core: DatabaseCore, query: PreparedQuery): StoredValue[][] {
  const rows: StoredValue[][] = [];
  try {
    for (const sql of query.setup) core.sqlite.run(sql);
    const statement = core.sqlite.prepare(query.sqliteSql);
    try {
      while (statement.step()) rows.push(statement.get() as StoredValue[]);
    } finally {
      statement.free();
    }
  } finally {
    for (const sql of query.teardown) core.sqlite.run(sql);
  }
  return rows;
}

/** Rows printed as Redshift prints them for the given column types. */
export function printRows(rows: readonly StoredValue[][], types: readonly SqlType[]): PrintedValue[][] {
  return rows.map((row) => row.map((value, k) => printValue(types[k] ?? { kind: 'unknown' }, value)));
}

/** Every table name a query's tree reads (FROM items at any depth). */
export function collectTables(node: unknown, found: (name: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) collectTables(item, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.type === 'table' && typeof record.name === 'object' && record.name !== null) {
    const name = (record.name as { name?: unknown }).name;
    if (typeof name === 'string') found(name.toLowerCase());
  }
  for (const key of Object.keys(record)) {
    if (key !== '_location') collectTables(record[key], found);
  }
}
