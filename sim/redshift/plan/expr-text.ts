/**
 * Expressions as Redshift's EXPLAIN prints them: every operation in parentheses, casts as `'…'::date`,
 * BETWEEN as the two comparisons it means (`Filter: ((l_commitdate <= '1992-12-31'::date) AND …)`, as in
 * AWS's plans), and column references in the form the caller asks for (bare in a scan's Filter,
 * `"outer".x` / `"inner".y` in a join condition, `table.column` in a sort key).
 */
import { toSql, type Expr, type ExprRef } from 'pgsql-ast-parser';

/** How column references print. */
export type RefStyle = (ref: ExprRef) => string;

/** A reference as its bare column name. */
export const bareRef: RefStyle = (ref) => ref.name.toLowerCase();

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Print an expression in EXPLAIN's style. */
export function exprText(expr: Expr, ref: RefStyle = bareRef): string {
  const t = (e: Expr): string => exprText(e, ref);
  switch (expr.type) {
    case 'ref':
      return expr.name === '*' ? '*' : ref(expr);
    case 'integer':
    case 'numeric':
      return String(expr.value);
    case 'string':
      return quote(expr.value);
    case 'boolean':
      return expr.value ? 'true' : 'false';
    case 'null':
      return 'NULL';
    case 'cast': {
      const to = 'name' in expr.to ? expr.to.name.toLowerCase() : toSql.expr(expr);
      return `${expr.operand.type === 'string' ? quote(expr.operand.value) : `(${t(expr.operand)})`}::${to}`;
    }
    case 'binary':
      return `(${t(expr.left)} ${expr.op} ${t(expr.right)})`;
    case 'unary':
      if (expr.op === 'NOT') return `(NOT ${t(expr.operand)})`;
      if (expr.op === '-' || expr.op === '+') return `(${expr.op}${t(expr.operand)})`;
      return `(${t(expr.operand)} ${expr.op})`;
    case 'ternary': {
      const between = `((${t(expr.value)} >= ${t(expr.lo)}) AND (${t(expr.value)} <= ${t(expr.hi)}))`;
      return expr.op === 'BETWEEN' ? between : `(NOT ${between})`;
    }
    case 'list':
      return `(${expr.expressions.map(t).join(', ')})`;
    case 'call':
      return `${expr.function.name.toLowerCase()}(${expr.args.map(t).join(', ')})`;
    default:
      return toSql.expr(expr);
  }
}
