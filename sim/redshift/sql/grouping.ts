/**
 * PostgreSQL's grouping rule, which Redshift keeps: in a grouped query every column outside an aggregate
 * must be a GROUP BY expression (or inside one). SQLite would instead return some row's value, so the
 * workshop's "HAVING o.date > GETDATE() - 30" with GROUP BY c.ID would silently give an answer that
 * Redshift refuses to give.
 */
import type { Expr } from 'pgsql-ast-parser';
import { nodeOffset, SqlError } from './errors.ts';
import type { ExprContext } from './expr-context.ts';
import { isAggregateName } from './aggregates.ts';
import { emitExpr } from './translate-expr.ts';

const DATE_PART_FUNCTIONS = new Set(['dateadd', 'datediff', 'date_trunc', 'date_part']);

/** The direct sub-expressions of an expression (not descending into subqueries). */
export function children(e: Expr): Expr[] {
  switch (e.type) {
    case 'binary':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'ternary':
      return [e.value, e.lo, e.hi];
    case 'list':
    case 'array':
      return e.expressions;
    case 'call': {
      // DATEADD(day, …): the first argument of the date-part functions is a word, not a column.
      const [first, ...rest] = e.args;
      const args =
        first?.type === 'ref' && !first.table && DATE_PART_FUNCTIONS.has(e.function.name.toLowerCase())
          ? rest
          : e.args;
      return [...args, ...(e.over?.partitionBy ?? []), ...(e.over?.orderBy ?? []).map((o) => o.by)];
    }
    case 'cast':
      return [e.operand];
    case 'case':
      return [
        ...(e.value ? [e.value] : []),
        ...e.whens.flatMap((w) => [w.when, w.value]),
        ...(e.else ? [e.else] : []),
      ];
    case 'extract':
      return [e.from];
    case 'substring':
      return [e.value, ...(e.from ? [e.from] : []), ...(e.for ? [e.for] : [])];
    default:
      return [];
  }
}

function isAggregateCall(e: Expr): boolean {
  return e.type === 'call' && !e.over && isAggregateName(e.function.name.toLowerCase());
}

/** True when the expression holds an aggregate call outside any window. */
export function containsAggregate(e: Expr): boolean {
  if (isAggregateCall(e)) return true;
  return children(e).some(containsAggregate);
}

/** Throw Redshift's error for the first column neither grouped nor aggregated. */
export function checkGrouping(e: Expr, groupKeys: ReadonlySet<string>, cx: ExprContext): void {
  if (isAggregateCall(e)) return;
  if (e.type === 'ref') {
    const emitted = emitExpr(e, cx);
    if (emitted.constant !== undefined || groupKeys.has(emitted.sql)) return;
    const name = e.name.toLowerCase();
    const alias = cx.scope.aliasOf(name, e.table?.name.toLowerCase());
    const shown = alias === undefined ? name : `${alias}.${name}`;
    throw new SqlError(
      '42803',
      `column "${shown}" must appear in the GROUP BY clause or be used in an aggregate function`,
      nodeOffset(e),
    );
  }
  if (children(e).length === 0) return;
  if (!containsAggregate(e) && groupKeys.has(emitExpr(e, cx).sql)) return;
  for (const child of children(e)) checkGrouping(child, groupKeys, cx);
}
