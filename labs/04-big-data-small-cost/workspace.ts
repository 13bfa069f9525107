/** The cost lab's workspace (the learner's pipeline configuration) and its reducer. */
import { ok } from '../../sim/core/index.ts';
import { EC2_INSTANCE_TYPES, findEc2InstanceType } from '../../sim/catalog/index.ts';
import { invalidAction } from '../engine/run.ts';
import { reduceWith } from '../kit/reduce.ts';

/** The daily EMR cluster: started, run for some hours, terminated. */
export interface ClusterConfig {
  readonly instanceType: string;
  /** Nodes, master included. */
  readonly instanceCount: number;
  /** Whole hours a day (2016 EMR billed per started instance-hour). */
  readonly hoursPerDay: number;
}

/** What the learner configures. */
export interface CostLabWorkspace {
  readonly stream: { readonly shards: number; readonly kplAggregation: boolean };
  /** Null until the learner adds the cluster. */
  readonly cluster: ClusterConfig | null;
}

/** What the learner can do. */
export type CostLabAction =
  | { readonly type: 'set-shards'; readonly shards: number }
  | { readonly type: 'set-kpl'; readonly enabled: boolean }
  | ({ readonly type: 'set-cluster' } & ClusterConfig);

/** The starting point: a one-shard stream, no KPL, no cluster yet. */
export const startWorkspace: CostLabWorkspace = {
  stream: { shards: 1, kplAggregation: false },
  cluster: null,
};

const MAX_SHARDS = 100;
const MAX_NODES = 50;

const wholeIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Applies one action; refuses counts out of range and unknown instance types. */
export const reduceCostLab = reduceWith<CostLabWorkspace, CostLabAction>({
  'set-shards': (workspace, action) => {
    if (!wholeIn(action.shards, 1, MAX_SHARDS)) {
      return invalidAction(
        `Shards must be a whole number from 1 to ${MAX_SHARDS} (given ${String(action.shards)}).`,
        'shards',
      );
    }
    return ok({ ...workspace, stream: { ...workspace.stream, shards: action.shards } });
  },
  'set-kpl': (workspace, action) => {
    if (typeof action.enabled !== 'boolean')
      return invalidAction('KPL aggregation is either on (true) or off (false).', 'enabled');
    return ok({ ...workspace, stream: { ...workspace.stream, kplAggregation: action.enabled } });
  },
  'set-cluster': (workspace, action) => {
    if (!findEc2InstanceType(action.instanceType)) {
      const known = EC2_INSTANCE_TYPES.map((t) => t.name).join(', ');
      return invalidAction(
        `"${String(action.instanceType)}" is not an instance type the day uses; use one of ${known}.`,
        'instanceType',
      );
    }
    if (!wholeIn(action.instanceCount, 1, MAX_NODES)) {
      return invalidAction(
        `Nodes must be a whole number from 1 to ${MAX_NODES} (given ${String(action.instanceCount)}).`,
        'instanceCount',
      );
    }
    if (!wholeIn(action.hoursPerDay, 1, 24)) {
      return invalidAction(
        `Hours per day must be a whole number from 1 to 24 (given ${String(action.hoursPerDay)}).`,
        'hoursPerDay',
      );
    }
    const { instanceType, instanceCount, hoursPerDay } = action;
    return ok({ ...workspace, cluster: { instanceType, instanceCount, hoursPerDay } });
  },
});
