/**
 * The query-time model: how long the cluster would take, from the plan.
 *
 *   modelled time = the leader's overhead
 *                 + the slowest slice's scan (its blocks × 1 MB ÷ the slice's scan rate, plus its rows ×
 *                   the time per row) — slices work in parallel, so skew makes the slowest one the query's
 *                 + bytes the join steps and the aggregation move between nodes ÷ the nodes' network
 *                 + the result sent to the leader ÷ one node's network, and the leader's merge of a sorted
 *                   result (its rows × the time per row × log2 rows)
 *
 * Rates come from throughput.ts (modelled, not AWS figures). Queries do not wait for each other (no
 * workload-management queues), and compiled code is assumed cached.
 */
import type { Statement } from 'pgsql-ast-parser';
import type { SliceScan } from '../database/index.ts';
import type { PlanContext } from './context.ts';
import { planStatement, planLines } from './explain.ts';
import type { QueryPlan } from './plan-tree.ts';
import { nodeThroughput } from './throughput.ts';
import { MIB, millis, type Millis } from '../../core/index.ts';

/** The modelled cost of a query. */
export interface ModelledQuery {
  readonly modelledMillis: Millis;
  readonly scan: readonly SliceScan[];
  /** The parts of the time, for the console to explain it. */
  readonly parts: {
    readonly leader: Millis;
    readonly slowestSlice: { readonly slice: number; readonly millis: Millis };
    readonly network: Millis;
    readonly bytesMoved: number;
    readonly returnToLeader: Millis;
  };
}

/** What the model reads from a plan (a plan without its tree, for queries modelled as plain scans). */
export type PlanCosts = Omit<QueryPlan, 'root'>;

/** Model a planned query's time on its cluster. */
export function modelPlan(plan: PlanCosts, context: PlanContext): ModelledQuery {
  const cluster = context.storage.cluster;
  const rates = nodeThroughput(cluster.nodeType);
  const bySlice = new Map<number, { rowsScanned: number; blocksScanned: number; blocksSkipped: number }>();
  for (const scan of plan.scans) {
    for (const s of scan.slices) {
      const sum = bySlice.get(s.slice) ?? { rowsScanned: 0, blocksScanned: 0, blocksSkipped: 0 };
      sum.rowsScanned += s.rowsScanned;
      sum.blocksScanned += s.blocksScanned;
      sum.blocksSkipped += s.blocksSkipped;
      bySlice.set(s.slice, sum);
    }
  }
  const scan: SliceScan[] = [...bySlice.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([slice, s]) => ({ slice, ...s }));
  let slowest = { slice: 0, millis: 0 };
  for (const s of scan) {
    const ms = ((s.blocksScanned * MIB) / rates.scanPerSlice) * 1000 + s.rowsScanned * rates.millisPerRow;
    if (ms > slowest.millis) slowest = { slice: s.slice, millis: ms };
  }
  const bytesMoved = plan.joins.reduce((sum, j) => sum + j.bytesMoved, 0) + plan.aggregationBytes;
  const network = (bytesMoved / (rates.networkPerNode * cluster.nodes)) * 1000;
  const sortMillis = plan.leaderSort
    ? plan.resultRows * Math.log2(Math.max(2, plan.resultRows)) * rates.millisPerRow
    : 0;
  const returnToLeader = (plan.resultBytes / rates.networkPerNode) * 1000 + sortMillis;
  const total = rates.leaderOverhead + slowest.millis + network + returnToLeader;
  return {
    modelledMillis: millis(total),
    scan,
    parts: {
      leader: rates.leaderOverhead,
      slowestSlice: { slice: slowest.slice, millis: millis(slowest.millis) },
      network: millis(network),
      bytesMoved,
      returnToLeader: millis(returnToLeader),
    },
  };
}

/** Plan and model a statement (see explain.ts for what can be planned). Throws PlanError when it cannot. */
export function modelQuery(
  statement: Statement,
  context: PlanContext,
): ModelledQuery & { readonly explain: readonly string[] } {
  const plan = planStatement(statement, context);
  return { ...modelPlan(plan, context), explain: planLines(plan.root) };
}
