/**
 * Build Redshift's plan for a SELECT: scans, joins in FROM order with the smaller input as the inner (hash)
 * side and the redistribution label their distribution gives, aggregation, and the sort, network and merge
 * steps that bring an ordered result to the leader (RS-DG23 `c-the-query-plan.md`).
 */
import type { Expr, ExprRef, SelectFromStatement } from 'pgsql-ast-parser';
import { columnIndex, sliceCount, type TableStorage } from '../storage/index.ts';
import type { PlanContext } from './context.ts';
import {
  bytesMoved,
  joinDistribution,
  joinedPlacement,
  type InputPlacement,
  type JoinDistribution,
  type JoinSide,
} from './distribution.ts';
import {
  averageWidth,
  BYTE_MOVED_COST,
  DEFAULT_GROUPS,
  defaultSelectivity,
  LEADER_SORT_COST,
  ROW_COST,
} from './estimate.ts';
import { bareRef, exprText, type RefStyle } from './expr-text.ts';
import { blockTests, constantValue, type BlockTest } from './predicates.ts';
import { scanTable, type TableSliceScan } from './scan.ts';
import { queryShape, type JoinCondition, type ScannedTable } from './shape.ts';

/** One step of the plan. */
export interface PlanNode {
  /** `XN Seq Scan`, `XN Hash Join DS_DIST_NONE`, `XN HashAggregate` … */
  readonly operator: string;
  /** ` on table [alias]` for a scan, empty otherwise. */
  readonly relation: string;
  readonly startCost: number;
  readonly totalCost: number;
  readonly rows: number;
  readonly width: number;
  /** Lines under the step: `Hash Cond: …`, `Filter: …`, `Send to leader` … */
  readonly details: readonly string[];
  readonly children: readonly PlanNode[];
}

/** A join step's data movement, for the query-time model. */
export interface JoinStep {
  readonly label: JoinDistribution;
  readonly bytesMoved: number;
}

/** The plan and what the query-time model needs from it. */
export interface QueryPlan {
  readonly root: PlanNode;
  /** Each scanned table's reads per slice. */
  readonly scans: readonly { readonly alias: string; readonly slices: readonly TableSliceScan[] }[];
  readonly joins: readonly JoinStep[];
  /** Bytes an aggregation sends between nodes to bring each group's partial results together. */
  readonly aggregationBytes: number;
  /** Rows and bytes the compute nodes return to the leader. */
  readonly resultRows: number;
  readonly resultBytes: number;
  /** Whether the leader merges a sorted result. */
  readonly leaderSort: boolean;
}

interface Input {
  readonly node: PlanNode;
  readonly placement: InputPlacement;
  readonly aliases: ReadonlySet<string>;
  readonly scanned: ScannedTable | null;
}

function placementOf(t: ScannedTable, report: TableStorage): InputPlacement {
  if (report.distribution === 'ALL') return { kind: 'all' };
  if (report.distribution === 'KEY' && t.table.distKey !== null) {
    return { kind: 'key', columns: new Set([`${t.alias}.${t.table.distKey}`]) };
  }
  return { kind: 'spread' };
}

function scanStep(t: ScannedTable, report: TableStorage, context: PlanContext) {
  const filters = t.preserved ? [] : t.filters;
  const testsOf = filters.map((f) => blockTests(f, t.table, context));
  const tests: BlockTest[] = testsOf.flat();
  const slices = scanTable(report, t.columns, tests);
  const rowsAfter = (ts: readonly BlockTest[]): number =>
    scanTable(report, new Set(ts.map((x) => x.column)), ts).reduce((sum, s) => sum + s.rowsScanned, 0);
  let selectivity = 1;
  filters.forEach((f, i) => {
    const zone = testsOf[i]!.length > 0 && report.rows > 0 ? rowsAfter(testsOf[i]!) / report.rows : 1;
    selectivity *= Math.min(defaultSelectivity(f), zone);
  });
  const width = [...t.columns].reduce((sum, c) => sum + averageWidth(t.table.columns[c]!), 0);
  const details =
    filters.length === 0
      ? []
      : [
          `Filter: ${filters.length === 1 ? exprText(filters[0]!) : `(${filters.map((f) => exprText(f)).join(' AND ')})`}`,
        ];
  const node: PlanNode = {
    operator: 'XN Seq Scan',
    relation: ` on ${t.table.name}${t.alias === t.table.name ? '' : ` ${t.alias}`}`,
    startCost: 0,
    totalCost: report.rows * ROW_COST,
    rows: filters.length === 0 ? report.rows : Math.max(1, Math.round(report.rows * selectivity)),
    width,
    details,
    children: [],
  };
  return { node, slices };
}

const JOIN_NAMES: Record<string, string> = {
  'LEFT JOIN': 'Hash Left Join',
  'RIGHT JOIN': 'Hash Right Join',
  'FULL JOIN': 'Hash Full Join',
};
const SWAPPED: Record<string, string> = { 'LEFT JOIN': 'RIGHT JOIN', 'RIGHT JOIN': 'LEFT JOIN' };

/** The join conditions between a set of aliases and one more. */
function conditionsBetween(joins: readonly JoinCondition[], left: ReadonlySet<string>, right: string) {
  return joins.flatMap((j) => {
    if (left.has(j.left.alias) && j.right.alias === right)
      return [
        { leftKey: `${j.left.alias}.${j.left.column}`, rightKey: `${j.right.alias}.${j.right.column}`, j },
      ];
    if (left.has(j.right.alias) && j.left.alias === right)
      return [
        { leftKey: `${j.right.alias}.${j.right.column}`, rightKey: `${j.left.alias}.${j.left.column}`, j },
      ];
    return [];
  });
}

function joinStep(
  outer: Input,
  inner: Input,
  keys: { outerKey: string | null; innerKey: string | null; conds: JoinCondition[] },
  joinType: string,
  nodes: number,
) {
  const outerSide: JoinSide = {
    placement: outer.placement,
    key: keys.outerKey,
    bytes: outer.node.rows * outer.node.width,
  };
  const innerSide: JoinSide = {
    placement: inner.placement,
    key: keys.innerKey,
    bytes: inner.node.rows * inner.node.width,
  };
  const label = joinDistribution(outerSide, innerSide, nodes);
  const sortedOn = (input: Input, key: string | null): boolean => {
    const t = input.scanned;
    return (
      t !== null &&
      key !== null &&
      t.table.sortKey?.style === 'COMPOUND' &&
      `${t.alias}.${t.table.sortKey.columns[0]}` === key
    );
  };
  const merge =
    label === 'DS_DIST_NONE' &&
    joinType === 'INNER JOIN' &&
    sortedOn(outer, keys.outerKey) &&
    sortedOn(inner, keys.innerKey);
  const costBytes =
    label === 'DS_DIST_INNER'
      ? innerSide.bytes
      : label === 'DS_DIST_OUTER'
        ? outerSide.bytes
        : label === 'DS_DIST_BOTH'
          ? outerSide.bytes + innerSide.bytes
          : label === 'DS_BCAST_INNER'
            ? innerSide.bytes * Math.max(2, nodes)
            : label === 'DS_DIST_ALL_INNER'
              ? innerSide.bytes * 10
              : 0;
  const rows =
    keys.conds.length > 0 ? Math.max(outer.node.rows, inner.node.rows) : outer.node.rows * inner.node.rows;
  const condText = keys.conds
    .map((c) => {
      const [o, i] = outer.aliases.has(c.left.alias) ? [c.left, c.right] : [c.right, c.left];
      return `("outer".${o.column} = "inner".${i.column})`;
    })
    .join(' AND ');
  const details: string[] = [];
  if (label === 'DS_DIST_OUTER' || label === 'DS_DIST_BOTH') details.push(`Outer Dist Key: ${keys.outerKey}`);
  if (label === 'DS_DIST_INNER' || label === 'DS_DIST_BOTH' || label === 'DS_DIST_ALL_INNER')
    details.push(`Inner Dist Key: ${keys.innerKey}`);
  if (keys.conds.length > 0)
    details.push(`${merge ? 'Merge' : 'Hash'} Cond: ${keys.conds.length > 1 ? `(${condText})` : condText}`);
  const innerNode: PlanNode =
    merge || keys.conds.length === 0
      ? inner.node
      : {
          operator: 'XN Hash',
          relation: '',
          startCost: inner.node.totalCost,
          totalCost: inner.node.totalCost,
          rows: inner.node.rows,
          width: inner.node.width,
          details: [],
          children: [inner.node],
        };
  const kind =
    keys.conds.length === 0 ? 'Nested Loop' : merge ? 'Merge Join' : (JOIN_NAMES[joinType] ?? 'Hash Join');
  const startCost = merge ? 0 : innerNode.totalCost;
  const node: PlanNode = {
    operator: `XN ${kind} ${label}`,
    relation: '',
    startCost,
    totalCost: outer.node.totalCost + innerNode.totalCost + rows * ROW_COST + costBytes * BYTE_MOVED_COST,
    rows,
    width: outer.node.width + inner.node.width,
    details,
    children: [outer.node, innerNode],
  };
  const input: Input = {
    node,
    placement: joinedPlacement(outerSide, innerSide, label),
    aliases: new Set([...outer.aliases, ...inner.aliases]),
    scanned: null,
  };
  return { input, step: { label, bytesMoved: bytesMoved(label, outerSide, innerSide, nodes) } };
}

/** The plan of a single SELECT over user tables; `top` is Redshift's TOP n, which the parser does not see. */
export function planSelect(select: SelectFromStatement, context: PlanContext, topRows?: number): QueryPlan {
  const shape = queryShape(select, context);
  const cluster = context.storage.cluster;
  const reports = shape.tables.map((t) => context.storage.tableStorage(t.table));
  const scans = shape.tables.map((t, i) => ({ alias: t.alias, ...scanStep(t, reports[i]!, context) }));
  const joinTypes = (select.from ?? []).map((f) => f.join?.type ?? 'INNER JOIN');
  const joins: JoinStep[] = [];
  let current: Input | null = null;
  shape.tables.forEach((t, i) => {
    const next: Input = {
      node: scans[i]!.node,
      placement: placementOf(t, reports[i]!),
      aliases: new Set([t.alias]),
      scanned: t,
    };
    if (current === null) {
      current = next;
      return;
    }
    const conds = conditionsBetween(shape.joins, current.aliases, t.alias);
    const swap = next.node.rows > current.node.rows;
    const [outer, inner] = swap ? [next, current] : [current, next];
    const first = conds[0];
    const keys = {
      outerKey: first === undefined ? null : swap ? first.rightKey : first.leftKey,
      innerKey: first === undefined ? null : swap ? first.leftKey : first.rightKey,
      conds: conds.map((c) => c.j),
    };
    const type = joinTypes[i] ?? 'INNER JOIN';
    const made = joinStep(outer, inner, keys, swap ? (SWAPPED[type] ?? type) : type, cluster.nodes);
    joins.push(made.step);
    current = made.input;
  });
  if (current === null) throw new Error('A SELECT with no table has no plan on the compute nodes.');
  let top: Input = current;
  const multi = shape.tables.length > 1;
  const qualified: RefStyle = (ref) => {
    if (!multi) return bareRef(ref);
    const t =
      shape.tables.find((s) => s.alias === ref.table?.name.toLowerCase()) ??
      shape.tables.find((s) => columnIndex(s.table, ref.name.toLowerCase()) >= 0);
    return t === undefined ? bareRef(ref) : `${t.table.name}.${ref.name.toLowerCase()}`;
  };
  const columns = select.columns ?? [];
  const resolve = (e: Expr): Expr => {
    if (e.type === 'integer') return columns[e.value - 1]?.expr ?? e;
    if (e.type === 'ref' && e.table === undefined) {
      const aliased = columns.find((c) => c.alias?.name.toLowerCase() === e.name.toLowerCase());
      if (aliased !== undefined) return aliased.expr;
    }
    return e;
  };
  const outputWidth = columns.reduce((sum, c) => {
    if (c.expr.type === 'ref' && c.expr.name !== '*') {
      const t = shape.tables.find((s) => columnIndex(s.table, (c.expr as ExprRef).name.toLowerCase()) >= 0);
      const index = t === undefined ? -1 : columnIndex(t.table, (c.expr as ExprRef).name.toLowerCase());
      return sum + (t === undefined || index < 0 ? 8 : averageWidth(t.table.columns[index]!));
    }
    return sum + (c.expr.type === 'ref' ? top.node.width : 8);
  }, 0);

  let aggregationBytes = 0;
  const groupBy = (select.groupBy ?? []).map(resolve);
  if (shape.aggregates || select.distinct === 'distinct') {
    const keys = groupBy.length > 0 ? groupBy.length : select.distinct === 'distinct' ? columns.length : 0;
    const rows = keys === 0 ? 1 : Math.min(top.node.rows, DEFAULT_GROUPS ** keys);
    const startCost = top.node.totalCost + top.node.rows * ROW_COST;
    const node: PlanNode = {
      operator: keys === 0 ? 'XN Aggregate' : 'XN HashAggregate',
      relation: '',
      startCost,
      totalCost: startCost + rows * ROW_COST,
      rows,
      width: outputWidth,
      details: [],
      children: [top.node],
    };
    const firstGroup = groupBy[0];
    const groupedOnKey =
      firstGroup?.type === 'ref' &&
      top.placement.kind === 'key' &&
      [...top.placement.columns].some((c) => c.endsWith(`.${(firstGroup as ExprRef).name.toLowerCase()}`));
    if (keys > 0 && !groupedOnKey && cluster.nodes > 1) {
      aggregationBytes = rows * sliceCount(cluster) * outputWidth * ((cluster.nodes - 1) / cluster.nodes);
    }
    top = { ...top, node };
  }

  const order = select.orderBy ?? [];
  if (order.length > 0) {
    const keyText = order.map((o) => exprText(resolve(o.by), qualified)).join(', ');
    const sortStart = LEADER_SORT_COST + top.node.totalCost + top.node.rows * ROW_COST * 5;
    const sortTotal = sortStart + top.node.rows * ROW_COST * 0.25;
    const step = (operator: string, details: string[], child: PlanNode): PlanNode => ({
      operator,
      relation: '',
      startCost: sortStart,
      totalCost: sortTotal,
      rows: top.node.rows,
      width: top.node.width,
      details,
      children: [child],
    });
    const sort = step('XN Sort', [`Sort Key: ${keyText}`], top.node);
    const network = step('XN Network', ['Send to leader'], sort);
    top = { ...top, node: step('XN Merge', [`Merge Key: ${keyText}`], network) };
  }

  const limitExpr = select.limit?.limit;
  const limit = limitExpr ? constantValue(limitExpr, context) : topRows;
  if (typeof limit === 'number') {
    const child = top.node;
    const rows = Math.min(limit, child.rows);
    const share = child.rows === 0 ? 0 : rows / child.rows;
    top = {
      ...top,
      node: {
        operator: 'XN Limit',
        relation: '',
        startCost: child.startCost,
        totalCost: child.startCost + (child.totalCost - child.startCost) * share,
        rows,
        width: child.width,
        details: [],
        children: [child],
      },
    };
  }
  const returned = top.node;
  return {
    root: returned,
    scans: scans.map((s) => ({ alias: s.alias, slices: s.slices })),
    joins,
    aggregationBytes,
    resultRows: returned.rows,
    resultBytes: returned.rows * returned.width,
    leaderSort: order.length > 0,
  };
}
