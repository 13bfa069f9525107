/**
 * The shape of a SELECT as the planner needs it: the tables it scans (with the columns it reads and its
 * single-table conditions), the equality conditions that join them, grouping, ordering and limit.
 */
import type { Expr, From, SelectFromStatement, SelectStatement } from 'pgsql-ast-parser';
import { astVisitor } from 'pgsql-ast-parser';
import { columnIndex, type TableLayout } from '../storage/index.ts';
import { PlanError, type PlanContext } from './context.ts';

/** One table the query scans. */
export interface ScannedTable {
  /** The name the query uses for it: its alias, or its name. */
  readonly alias: string;
  readonly table: TableLayout;
  /** Indexes of the user columns the query reads (columnar: only these are scanned). */
  readonly columns: Set<number>;
  /** Conditions that read only this table. */
  readonly filters: Expr[];
  /** Whether an outer join keeps this table's unmatched rows (its conditions then filter nothing). */
  readonly preserved: boolean;
}

/** An equality between a column of one scanned table and a column of another. */
export interface JoinCondition {
  readonly left: { readonly alias: string; readonly column: string };
  readonly right: { readonly alias: string; readonly column: string };
  readonly expr: Expr;
}

/** A single SELECT's shape. */
export interface QueryShape {
  readonly select: SelectFromStatement;
  readonly tables: ScannedTable[];
  readonly joins: JoinCondition[];
  /** Conditions over several tables that are not simple equalities (joins evaluate them as filters). */
  readonly otherConditions: Expr[];
  readonly aggregates: boolean;
}

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'listagg', 'stddev', 'variance', 'median']);

/** Split an AND chain into its conditions. */
export function conjuncts(expr: Expr | null | undefined): Expr[] {
  if (expr === null || expr === undefined) return [];
  if (expr.type === 'binary' && expr.op === 'AND') return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return [expr];
}

/** The single SELECT of a statement, following WITH to its body; undefined for UNION and VALUES. */
export function mainSelect(statement: SelectStatement): SelectFromStatement | undefined {
  if (statement.type === 'select') return statement;
  if (statement.type === 'with') return statement.in.type === 'select' ? statement.in : undefined;
  return undefined;
}

/** Every column reference in an expression, without descending into subqueries. */
export function columnRefs(expr: Expr): { table: string | undefined; name: string }[] {
  const refs: { table: string | undefined; name: string }[] = [];
  astVisitor(() => ({
    ref: (ref) => {
      refs.push({ table: ref.table?.name.toLowerCase(), name: ref.name.toLowerCase() });
    },
    // a subquery reads its own tables: its references are not this query's
    select: () => undefined,
  })).expr(expr);
  return refs;
}

/** Whether the expression calls an aggregate function. */
export function hasAggregate(expr: Expr): boolean {
  let found = false;
  astVisitor((visitor) => ({
    call: (call) => {
      if (AGGREGATES.has(call.function.name.toLowerCase()) && !call.over) found = true;
      visitor.super().call(call);
    },
    select: () => undefined,
  })).expr(expr);
  return found;
}

/** Analyse a SELECT: resolve its tables and columns against the catalogue. */
export function queryShape(select: SelectFromStatement, context: PlanContext): QueryShape {
  const tables: ScannedTable[] = [];
  const onConditions: Expr[] = [];
  const add = (from: From): void => {
    if (from.type !== 'table') {
      throw new PlanError(
        from.type === 'statement'
          ? `EXPLAIN and the query-time model do not cover a subquery in FROM ("${from.alias}") yet; query the tables directly.`
          : 'EXPLAIN and the query-time model do not cover a function in FROM yet.',
      );
    }
    const name = from.name.name.toLowerCase();
    const table = context.table(name);
    if (table === undefined) {
      throw new PlanError(
        `"${name}" is not a user table: EXPLAIN and the query-time model cover user tables only (system tables run on the leader node).`,
      );
    }
    const preserved = from.join?.type === 'LEFT JOIN' || from.join?.type === 'FULL JOIN';
    if (from.join?.type === 'RIGHT JOIN' || from.join?.type === 'FULL JOIN') {
      const previous = tables[tables.length - 1];
      if (previous !== undefined) tables[tables.length - 1] = { ...previous, preserved: true };
    }
    tables.push({
      alias: (from.name.alias ?? name).toLowerCase(),
      table,
      columns: new Set(),
      filters: [],
      preserved,
    });
    if (from.join?.on) onConditions.push(...conjuncts(from.join.on));
    for (const using of from.join?.using ?? []) {
      const previous = tables[tables.length - 2];
      if (previous === undefined) continue;
      const column = using.name.toLowerCase();
      onConditions.push({
        type: 'binary',
        op: '=',
        left: { type: 'ref', table: { name: previous.alias }, name: column },
        right: { type: 'ref', table: { name: tables[tables.length - 1]!.alias }, name: column },
      });
    }
  };
  for (const from of select.from ?? []) add(from);

  const owner = (ref: { table: string | undefined; name: string }): ScannedTable | undefined => {
    if (ref.table !== undefined)
      return tables.find((t) => t.alias === ref.table || t.table.name === ref.table);
    return tables.find((t) => columnIndex(t.table, ref.name) >= 0);
  };
  const use = (expr: Expr): Set<ScannedTable> => {
    const owners = new Set<ScannedTable>();
    if (expr.type === 'ref' && expr.name === '*') {
      const alias = expr.table?.name.toLowerCase();
      for (const t of alias === undefined ? tables : tables.filter((t) => t.alias === alias)) {
        t.table.columns.forEach((_, i) => t.columns.add(i));
        owners.add(t);
      }
      return owners;
    }
    for (const ref of columnRefs(expr)) {
      // COUNT(*) names no column
      if (ref.name === '*') continue;
      const t = owner(ref);
      if (t === undefined) continue;
      t.columns.add(columnIndex(t.table, ref.name));
      owners.add(t);
    }
    return owners;
  };

  const columns = select.columns ?? [];
  for (const c of columns) use(c.expr);
  for (const e of [...(select.groupBy ?? []), ...(select.orderBy ?? []).map((o) => o.by)]) use(e);
  if (select.having) use(select.having);

  const joins: JoinCondition[] = [];
  const otherConditions: Expr[] = [];
  for (const condition of [...onConditions, ...conjuncts(select.where)]) {
    const owners = use(condition);
    if (owners.size === 1) {
      const [t] = owners;
      t!.filters.push(condition);
      continue;
    }
    if (
      condition.type === 'binary' &&
      condition.op === '=' &&
      condition.left.type === 'ref' &&
      condition.right.type === 'ref'
    ) {
      const left = owner({
        table: condition.left.table?.name.toLowerCase(),
        name: condition.left.name.toLowerCase(),
      });
      const right = owner({
        table: condition.right.table?.name.toLowerCase(),
        name: condition.right.name.toLowerCase(),
      });
      if (left !== undefined && right !== undefined && left !== right) {
        joins.push({
          left: { alias: left.alias, column: condition.left.name.toLowerCase() },
          right: { alias: right.alias, column: condition.right.name.toLowerCase() },
          expr: condition,
        });
        continue;
      }
    }
    otherConditions.push(condition);
  }
  const aggregates =
    (select.groupBy?.length ?? 0) > 0 ||
    columns.some((c) => hasAggregate(c.expr)) ||
    (select.having ? true : false);
  return { select, tables, joins, otherConditions, aggregates };
}
