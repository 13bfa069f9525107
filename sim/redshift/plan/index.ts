/**
 * The public face of sim/redshift/plan/: EXPLAIN in Redshift's plan shape with its redistribution labels,
 * and the query-time model (modelled time and the rows and blocks each slice reads).
 */
export { PlanError, type PlanContext } from './context.ts';
export {
  bytesMoved,
  joinDistribution,
  joinedPlacement,
  type InputPlacement,
  type JoinDistribution,
  type JoinSide,
} from './distribution.ts';
export { explain, planLines, planStatement } from './explain.ts';
export { modelPlan, modelQuery, type ModelledQuery, type PlanCosts } from './model.ts';
export type { JoinStep, PlanNode, QueryPlan } from './plan-tree.ts';
export { blockTests, constantValue, type BlockTest } from './predicates.ts';
export { nodeThroughput, type NodeThroughput } from './throughput.ts';
export { planContextOf, storageExtensions, type StorageExtensions } from './extensions.ts';
