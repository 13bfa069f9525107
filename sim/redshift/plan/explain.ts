/**
 * EXPLAIN: Redshift's plan text, and the query-time model's entry point.
 *
 * The text follows AWS's plans (RS-DG23 `r_EXPLAIN.md`, `c-the-query-plan.md`, `c_data_redistribution.md`):
 * the root step at the left margin, each child on a line starting `->`, six columns further in per level,
 * and a step's detail lines two columns inside its own:
 *
 *     XN Merge  (cost=… rows=576 width=27)
 *       Merge Key: sum(sales.pricepaid)
 *       ->  XN Network  (cost=… rows=576 width=27)
 *             Send to leader
 */
import type { Statement } from 'pgsql-ast-parser';
import { PlanError, type PlanContext } from './context.ts';
import { costText } from './estimate.ts';
import { planSelect, type PlanNode, type QueryPlan } from './plan-tree.ts';
import { mainSelect } from './shape.ts';

/** The plan lines of one step and its children, at a depth. */
function lines(node: PlanNode, depth: number): string[] {
  const head = `${node.operator}${node.relation}  (cost=${costText(node.startCost)}..${costText(node.totalCost)} rows=${node.rows} width=${node.width})`;
  const own = depth === 0 ? head : `${' '.repeat(6 * depth - 4)}->  ${head}`;
  const detailIndent = ' '.repeat(6 * depth + 2);
  return [
    own,
    ...node.details.map((d) => `${detailIndent}${d}`),
    ...node.children.flatMap((child) => lines(child, depth + 1)),
  ];
}

/** Plan text for a plan tree. */
export function planLines(root: PlanNode): string[] {
  return lines(root, 0);
}

/**
 * The plan of a statement EXPLAIN can show: a SELECT (WITH … SELECT too), or the SELECT of an INSERT …
 * SELECT. For CREATE TABLE AS, pass the SELECT: its plan is the statement's plan, as AWS's examples show.
 */
export function planStatement(statement: Statement, context: PlanContext, top?: number): QueryPlan {
  const source = statement.type === 'insert' ? statement.insert : statement;
  const select = source.type === 'select' || source.type === 'with' ? mainSelect(source) : undefined;
  if (select === undefined) {
    throw new PlanError(
      'EXPLAIN here covers a single SELECT (with joins, WHERE, GROUP BY, ORDER BY and LIMIT) and INSERT … SELECT; UNION, VALUES and other statements are not modelled yet.',
    );
  }
  if ((select.from ?? []).length === 0) {
    throw new PlanError(
      'This SELECT reads no table: it runs on the leader node alone and has no compute-node plan.',
    );
  }
  return planSelect(select, context, top);
}

/**
 * EXPLAIN's lines for a statement (`top`: the outer SELECT's TOP n, read by the caller from its tokens).
 * Throws PlanError, with a sentence for the learner, when it cannot.
 */
export function explain(statement: Statement, context: PlanContext, top?: number): string[] {
  return planLines(planStatement(statement, context, top).root);
}
