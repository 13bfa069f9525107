/**
 * Row and width estimates for EXPLAIN's `rows=` and `width=`, and its relative costs.
 *
 * Row counts of tables are exact (as if ANALYZE had just run). A condition's selectivity is PostgreSQL's
 * default for its kind when it has no statistics (`=` 0.005, `<`/`>` 1/3, BETWEEN 0.005, `IN` 0.005 a value,
 * anything else 0.005 — PostgreSQL's DEFAULT_EQ_SEL, DEFAULT_INEQ_SEL, DEFAULT_RANGE_INEQ_SEL, DEFAULT_UNK_SEL),
 * lowered to the share of rows the zone maps leave when that is smaller (on a sort key, zone maps know).
 * GROUP BY expects 200 groups a column (PostgreSQL's DEFAULT_NUM_DISTINCT), an equality join the rows of its
 * larger input (a fact row meets one dimension row, as in AWS's examples).
 *
 * Costs are relative units, as Redshift's are: 0.01 a row scanned or joined (AWS's plans show a Seq Scan of
 * 172,456 rows costing 1724.56), 10,000 a byte a join step moves between nodes, and 1,000,000,000,000 for a
 * sort or merge that ends on the leader (the constant AWS's plans show on XN Sort/XN Merge).
 */
import type { Expr } from 'pgsql-ast-parser';
import { declaredWidth, type ColumnLayout } from '../storage/index.ts';

/** Cost of reading or joining one row. */
export const ROW_COST = 0.01;
/** Cost of moving one byte between nodes. */
export const BYTE_MOVED_COST = 10_000;
/** The constant Redshift adds to a sort whose result ends on the leader node. */
export const LEADER_SORT_COST = 1e12;
/** Groups a GROUP BY column is expected to have without statistics. */
export const DEFAULT_GROUPS = 200;

/** PostgreSQL's default selectivity for a condition. */
export function defaultSelectivity(condition: Expr): number {
  if (condition.type === 'binary') {
    if (['<', '<=', '>', '>='].includes(condition.op)) return 1 / 3;
    if (condition.op === 'IN' && condition.right.type === 'list') {
      return Math.min(1, 0.005 * condition.right.expressions.length);
    }
    if (condition.op === 'NOT IN' || condition.op === '!=') return 1 - 0.005;
  }
  if (condition.type === 'unary' && condition.op === 'IS NOT NULL') return 1 - 0.005;
  return 0.005;
}

/**
 * PostgreSQL's average width for a column without statistics: fixed types their size, a VARCHAR(n) of up
 * to 32 bytes n, a longer one 32 + (n − 32) ÷ 2 (as `get_typavgwidth` guesses), at most 1,000.
 */
export function averageWidth(column: ColumnLayout): number {
  if (column.type.kind !== 'varchar') return declaredWidth(column);
  const n = column.type.length ?? 256;
  return Math.min(1000, n <= 32 ? n : Math.floor(32 + (n - 32) / 2));
}

/** Format a cost as EXPLAIN does: two decimals. */
export function costText(cost: number): string {
  return cost.toFixed(2);
}
