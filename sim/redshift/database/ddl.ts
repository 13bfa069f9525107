/**
 * CREATE TABLE (with Redshift's keys), CREATE TABLE … AS, DROP TABLE and TRUNCATE. Every user table is a
 * SQLite table of the same name and columns plus the hidden __slice column.
 */
import type { DropStatement, TruncateTableStatement } from 'pgsql-ast-parser';
import { parseStatement, quoteIdentifier, SqlError, type FrontEnd, type SqlType } from '../sql/index.ts';
import { fromSql, TEXT_DEFAULT_LENGTH, type RedshiftType, type StoredValue } from '../types/index.ts';
import type { DatabaseCore, TableState } from './core.ts';
import { isQuery, prepareParsed, runStored } from './query.ts';
import type { StatementOutcome } from './results.ts';
import {
  SLICE_COLUMN,
  tableFromCreate,
  withKeys,
  type ColumnDefinition,
  type TableDefinition,
} from './tables.ts';
import { writeRows } from './writer.ts';

function affinity(t: RedshiftType): string {
  if (t.kind === 'smallint' || t.kind === 'integer' || t.kind === 'bigint' || t.kind === 'boolean')
    return 'INTEGER';
  if (t.kind === 'real' || t.kind === 'double precision' || t.kind === 'decimal') return 'REAL';
  return 'TEXT';
}

function checkNewName(core: DatabaseCore, name: string): void {
  if (core.catalog.has(name) || core.systemTables.has(name)) {
    throw new SqlError('42P07', `relation "${name}" already exists`);
  }
}

/** Create the SQLite table for a definition and add it to the catalogue. */
export function createStoredTable(core: DatabaseCore, definition: TableDefinition): TableState {
  const columns = definition.columns.map((c) => `${quoteIdentifier(c.name)} ${affinity(c.type)}`);
  core.sqlite.run(
    `CREATE TABLE ${quoteIdentifier(definition.name)} (${[...columns, `${quoteIdentifier(SLICE_COLUMN)} INTEGER`].join(', ')})`,
  );
  const identityNext = new Map<string, number>();
  for (const c of definition.columns) if (c.identity) identityNext.set(c.name, c.identity.seed);
  const state: TableState = { definition, inserted: 0, identityNext };
  core.catalog.set(definition.name, state);
  core.extensions.tableChanged?.(definition.name, core.api);
  return state;
}

/** CREATE TABLE with columns. */
export function createTable(
  core: DatabaseCore,
  fe: Extract<FrontEnd, { kind: 'create table' }>,
): StatementOutcome {
  const ast = parseStatement(fe.text);
  if (ast.type !== 'create table') throw new SqlError('42601', 'syntax error: expected CREATE TABLE');
  const definition = tableFromCreate(ast, fe.text, fe.table, fe.columns, core.era);
  if (ast.ifNotExists && core.catalog.has(definition.name)) return { command: 'CREATE TABLE' };
  checkNewName(core, definition.name);
  createStoredTable(core, definition);
  return { command: 'CREATE TABLE' };
}

/** The column type CREATE TABLE AS gives a query's result column. */
function storedType(t: SqlType, name: string): RedshiftType {
  if (t.kind === 'unknown') return { kind: 'varchar', length: TEXT_DEFAULT_LENGTH };
  if (t.kind === 'interval')
    throw new SqlError('0A000', `column "${name}" has type interval, which a table cannot store`);
  return t;
}

/** CREATE TABLE … AS SELECT. */
export function createTableAs(
  core: DatabaseCore,
  fe: Extract<FrontEnd, { kind: 'create table as' }>,
): StatementOutcome {
  if (fe.ifNotExists && core.catalog.has(fe.name)) return { command: 'CREATE TABLE AS', rowCount: 0 };
  checkNewName(core, fe.name);
  const ast = parseStatement(fe.queryText);
  if (!isQuery(ast)) throw new SqlError('42601', 'CREATE TABLE … AS needs a SELECT after AS');
  const query = prepareParsed(core, ast, fe.syntax);
  const names = fe.columnNames ?? query.columns.map((c) => c.name);
  if (names.length > query.columns.length)
    throw new SqlError('42601', 'CREATE TABLE AS specifies too many column names');
  const columns: ColumnDefinition[] = query.columns.map((c, k) => ({
    name: names[k] ?? c.name,
    type: storedType(c.type, c.name),
    notNull: false,
    encode: null,
    identity: null,
    defaultSql: null,
  }));
  const definition = withKeys(fe.name, columns, fe.table, { distKey: [], sortKey: [] }, core.era);
  const rows = runStored(core, query).map((row) =>
    row.map((value, k): StoredValue => {
      const converted = fromSql(columns[k]!.type, value);
      if ('problem' in converted) throw new SqlError('22P02', converted.problem.message);
      return converted.value;
    }),
  );
  const state = createStoredTable(core, definition);
  try {
    writeRows(core, state, rows);
  } catch (e) {
    dropStored(core, definition.name);
    throw e;
  }
  return { command: 'CREATE TABLE AS', rowCount: rows.length };
}

function dropStored(core: DatabaseCore, name: string): void {
  core.sqlite.run(`DROP TABLE ${quoteIdentifier(name)}`);
  core.catalog.delete(name);
  core.extensions.tableChanged?.(name, core.api);
}

/** DROP TABLE [IF EXISTS] name [, …]. */
export function dropTable(core: DatabaseCore, ast: DropStatement): StatementOutcome {
  if (ast.type !== 'drop table')
    throw new SqlError('0A000', `${ast.type.toUpperCase()} is not supported by this simulator yet`);
  const names = ast.names.map((n) => n.name.toLowerCase());
  for (const name of names) {
    if (core.systemTables.has(name))
      throw new SqlError('42501', `permission denied: "${name}" is a system table`);
    if (!core.catalog.has(name) && !ast.ifExists)
      throw new SqlError('42P01', `table "${name}" does not exist`);
  }
  for (const name of names) if (core.catalog.has(name)) dropStored(core, name);
  return { command: 'DROP TABLE' };
}

/** TRUNCATE [TABLE] name. */
export function truncateTable(core: DatabaseCore, ast: TruncateTableStatement): StatementOutcome {
  for (const table of ast.tables) {
    const name = table.name.toLowerCase();
    if (!core.catalog.has(name)) throw new SqlError('42P01', `relation "${name}" does not exist`);
    core.sqlite.run(`DELETE FROM ${quoteIdentifier(name)}`);
    core.extensions.tableChanged?.(name, core.api);
  }
  return { command: 'TRUNCATE TABLE' };
}
