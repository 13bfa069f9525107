/**
 * INSERT (VALUES or a query), UPDATE and DELETE with Redshift's type enforcement: every value is converted
 * to its column's type with Redshift's rules and messages before it reaches SQLite, whose loose affinity
 * would otherwise keep 'abc' in an INTEGER column or six bytes in a VARCHAR(5).
 */
import type { DeleteStatement, Expr, InsertStatement, UpdateStatement } from 'pgsql-ast-parser';
import {
  emitExpr,
  isDateTime,
  isNumber,
  isText,
  newQueryContext,
  NO_SYNTAX,
  nodeOffset,
  parseStatement,
  quoteIdentifier,
  Scope,
  SqlError,
  type Emitted,
  type ExprContext,
  type RedshiftSyntax,
  type SqlType,
} from '../sql/index.ts';
import {
  formatType,
  fromSql,
  type RedshiftType,
  type StoredValue,
  type ValueProblem,
} from '../types/index.ts';
import type { DatabaseCore, TableState } from './core.ts';
import { catalogOf, clockTexts, isQuery, prepareParsed, runStored } from './query.ts';
import type { StatementOutcome } from './results.ts';
import type { ColumnDefinition } from './tables.ts';
import { writeRows } from './writer.ts';

const PROBLEM_CODES: Record<ValueProblem['kind'], string> = {
  'too long': '22001',
  'out of range': '22003',
  'invalid digit': '22P02',
  'bad date': '22007',
  'bad timestamp': '22007',
  'bad boolean': '22P02',
  'invalid utf8': '22021',
  'not null': '23502',
};

function tableState(core: DatabaseCore, name: string, offset?: number): TableState {
  const state = core.catalog.get(name.toLowerCase());
  if (state) return state;
  if (core.systemTables.has(name.toLowerCase())) {
    throw new SqlError('42501', `permission denied: "${name.toLowerCase()}" is a system table`, offset);
  }
  throw new SqlError('42P01', `relation "${name.toLowerCase()}" does not exist`, offset);
}

/** PostgreSQL's assignment rule: which expression types may be stored in which column types. */
function assignable(from: SqlType, to: RedshiftType): boolean {
  if (from.kind === 'unknown') return true;
  if (isText(to)) return from.kind !== 'interval';
  if (isNumber(to)) return isNumber(from);
  if (to.kind === 'boolean') return from.kind === 'boolean';
  if (isDateTime(to)) return isDateTime(from);
  return false;
}

function checkAssignable(column: ColumnDefinition, from: SqlType, offset: number | undefined): void {
  if (assignable(from, column.type)) return;
  const label = from.kind === 'interval' ? 'interval' : formatType(from as RedshiftType);
  throw new SqlError(
    '42804',
    `column "${column.name}" is of type ${formatType(column.type)} but expression is of type ${label}`,
    offset,
  );
}

/** Convert a value for a column, or throw Redshift's error. */
export function convertForColumn(
  column: ColumnDefinition,
  value: StoredValue,
  from: SqlType,
  offset?: number,
): StoredValue {
  let v: StoredValue | boolean = value;
  if (from.kind === 'boolean' && value !== null) v = Number(value) !== 0;
  const converted = fromSql(column.type, v);
  if ('problem' in converted)
    throw new SqlError(PROBLEM_CODES[converted.problem.kind], converted.problem.message, offset);
  if (converted.value === null && column.notNull) {
    throw new SqlError('23502', `Cannot insert a NULL value into column ${column.name}`, offset);
  }
  return converted.value;
}

function emptyContext(core: DatabaseCore): ExprContext {
  const { statementStart, transactionStart } = clockTexts(core);
  return {
    scope: new Scope([], null),
    query: newQueryContext(catalogOf(core), statementStart, transactionStart, NO_SYNTAX),
    noAggregates: 'VALUES',
    inAggregate: false,
  };
}

function evaluate(core: DatabaseCore, items: readonly Emitted[]): StoredValue[] {
  if (items.every((i) => i.constant !== undefined)) {
    return items.map((i) =>
      typeof i.constant === 'boolean' ? (i.constant ? 1 : 0) : (i.constant as StoredValue),
    );
  }
  const result = core.sqlite.exec(`SELECT ${items.map((i) => i.sql).join(', ')}`);
  return (result[0]?.values[0] ?? []) as StoredValue[];
}

/** The value of an omitted column: its IDENTITY's next value, its DEFAULT, or NULL. */
export function omittedValue(core: DatabaseCore, state: TableState, column: ColumnDefinition): StoredValue {
  if (column.identity) {
    const next = state.identityNext.get(column.name) ?? column.identity.seed;
    state.identityNext.set(column.name, next + column.identity.step);
    return next;
  }
  if (column.defaultSql !== null) {
    const ast = parseStatement(`SELECT ${column.defaultSql}`);
    if (ast.type !== 'select' || !ast.columns?.[0]) return null;
    const emitted = emitExpr(ast.columns[0].expr, emptyContext(core));
    return convertForColumn(column, evaluate(core, [emitted])[0] ?? null, emitted.type);
  }
  if (column.notNull) throw new SqlError('23502', `Cannot insert a NULL value into column ${column.name}`);
  return null;
}

/** One value of an INSERT row with its type, or DEFAULT. */
type Slot = { readonly value: StoredValue; readonly type: SqlType } | 'default';

/** INSERT INTO t [(columns)] VALUES … | SELECT … */
export function insert(core: DatabaseCore, ast: InsertStatement, syntax: RedshiftSyntax): StatementOutcome {
  if (ast.returning)
    throw new SqlError('0A000', 'RETURNING is not supported by Amazon Redshift', nodeOffset(ast));
  if (ast.onConflict)
    throw new SqlError('0A000', 'ON CONFLICT is not supported by Amazon Redshift', nodeOffset(ast));
  const state = tableState(core, ast.into.name, nodeOffset(ast.into));
  const table = state.definition;
  const targets = (ast.columns ?? table.columns.map((c) => ({ name: c.name }))).map((n) => {
    const column = table.columns.find((c) => c.name === n.name.toLowerCase());
    if (!column) {
      throw new SqlError(
        '42703',
        `column "${n.name.toLowerCase()}" of relation "${table.name}" does not exist`,
        nodeOffset(n),
      );
    }
    if (ast.columns && column.identity) {
      throw new SqlError(
        '0A000',
        `cannot set an identity column to a value: "${column.name}" is IDENTITY`,
        nodeOffset(n),
      );
    }
    return column;
  });
  const slots: Slot[][] = [];
  const source = ast.insert;
  if (source.type === 'values') {
    const cx = emptyContext(core);
    for (const row of source.values) {
      if (row.length > targets.length)
        throw new SqlError(
          '42601',
          'INSERT has more expressions than target columns',
          nodeOffset(row[targets.length]),
        );
      if (row.length < targets.length)
        throw new SqlError(
          '42601',
          'INSERT has more target columns than expressions',
          nodeOffset(row[row.length - 1]),
        );
      const emitted = row.map((e: Expr, k) => {
        if (e.type === 'default') return null;
        const item = emitExpr(e, cx);
        checkAssignable(targets[k]!, item.type, nodeOffset(e));
        return item;
      });
      const values = evaluate(
        core,
        emitted.filter((e): e is Emitted => e !== null),
      );
      let p = 0;
      slots.push(
        emitted.map((e): Slot => (e === null ? 'default' : { value: values[p++] ?? null, type: e.type })),
      );
    }
  } else if (isQuery(source)) {
    const query = prepareParsed(core, source, syntax);
    if (query.columns.length > targets.length)
      throw new SqlError('42601', 'INSERT has more expressions than target columns');
    if (query.columns.length < targets.length)
      throw new SqlError('42601', 'INSERT has more target columns than expressions');
    query.columns.forEach((c, k) => checkAssignable(targets[k]!, c.type, nodeOffset(source)));
    for (const values of runStored(core, query)) {
      slots.push(values.map((value, k): Slot => ({ value, type: query.columns[k]!.type })));
    }
  } else {
    throw new SqlError(
      '0A000',
      'this form of INSERT is not supported by this simulator yet',
      nodeOffset(source),
    );
  }
  const rows = slots.map((row) =>
    table.columns.map((column) => {
      const slot = row[targets.indexOf(column)];
      if (slot === undefined || slot === 'default') return omittedValue(core, state, column);
      return convertForColumn(column, slot.value, slot.type);
    }),
  );
  writeRows(core, state, rows);
  return { command: 'INSERT', rowCount: rows.length };
}

function tableScope(state: TableState, alias: string | undefined): Scope {
  return new Scope(
    [{ alias: (alias ?? state.definition.name).toLowerCase(), columns: state.definition.columns }],
    null,
  );
}

function whereSql(core: DatabaseCore, where: Expr | null | undefined, scope: Scope): string {
  if (!where) return '';
  const { statementStart, transactionStart } = clockTexts(core);
  const query = newQueryContext(catalogOf(core), statementStart, transactionStart, NO_SYNTAX);
  return ` WHERE ${emitExpr(where, { scope, query, noAggregates: 'WHERE', inAggregate: false }).sql}`;
}

/** DELETE FROM t [WHERE …]. */
export function deleteRows(core: DatabaseCore, ast: DeleteStatement): StatementOutcome {
  if (ast.returning)
    throw new SqlError('0A000', 'RETURNING is not supported by Amazon Redshift', nodeOffset(ast));
  const state = tableState(core, ast.from.name, nodeOffset(ast.from));
  const alias = (ast.from.alias ?? state.definition.name).toLowerCase();
  const where = whereSql(core, ast.where, tableScope(state, alias));
  core.sqlite.run(
    `DELETE FROM ${quoteIdentifier(state.definition.name)} AS ${quoteIdentifier(alias)}${where}`,
  );
  const rowCount = core.sqlite.getRowsModified();
  core.extensions.tableChanged?.(state.definition.name, core.api);
  return { command: 'DELETE', rowCount };
}

/** UPDATE t SET c = … [WHERE …], each new value checked against its column's type row by row. */
export function updateRows(core: DatabaseCore, ast: UpdateStatement): StatementOutcome {
  if (ast.from)
    throw new SqlError('0A000', 'UPDATE … FROM is not supported by this simulator yet', nodeOffset(ast.from));
  if (ast.returning)
    throw new SqlError('0A000', 'RETURNING is not supported by Amazon Redshift', nodeOffset(ast));
  const state = tableState(core, ast.table.name, nodeOffset(ast.table));
  const alias = (ast.table.alias ?? state.definition.name).toLowerCase();
  const scope = tableScope(state, alias);
  const { statementStart, transactionStart } = clockTexts(core);
  const query = newQueryContext(catalogOf(core), statementStart, transactionStart, NO_SYNTAX);
  const cx: ExprContext = { scope, query, noAggregates: 'UPDATE', inAggregate: false };
  const sets = ast.sets.map((s) => {
    const column = state.definition.columns.find((c) => c.name === s.column.name.toLowerCase());
    if (!column)
      throw new SqlError(
        '42703',
        `column "${s.column.name}" of relation "${state.definition.name}" does not exist`,
        nodeOffset(s.column),
      );
    if (column.identity)
      throw new SqlError(
        '0A000',
        `cannot set an identity column to a value: "${column.name}" is IDENTITY`,
        nodeOffset(s.column),
      );
    const value = emitExpr(s.value, cx);
    checkAssignable(column, value.type, nodeOffset(s.value));
    const checked =
      value.type.kind === 'boolean'
        ? `(CASE ${value.sql} WHEN 0 THEN 'false' WHEN 1 THEN 'true' END)`
        : value.sql;
    const sql = value.type.kind === 'boolean' && column.type.kind === 'boolean' ? value.sql : checked;
    return `${quoteIdentifier(column.name)} = rs_assign(${sql}, '${formatType(column.type)}', ${column.notNull ? 1 : 0}, '${column.name}')`;
  });
  const where = whereSql(core, ast.where, scope);
  core.sqlite.run(
    `UPDATE ${quoteIdentifier(state.definition.name)} AS ${quoteIdentifier(alias)} SET ${sets.join(', ')}${where}`,
  );
  const rowCount = core.sqlite.getRowsModified();
  core.extensions.tableChanged?.(state.definition.name, core.api);
  return { command: 'UPDATE', rowCount };
}
