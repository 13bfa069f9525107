/** The shard-provisioning lab's workspace (shards, consumer applications, the catch-up test) and reducer. */
import { ok } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { reduceWith } from '../kit/reduce.ts';

/** What the learner sets. */
export interface ProvisionWorkspace {
  readonly seed: number;
  /** Shards the stream is created with. */
  readonly shards: number;
  /** Consumer applications reading every shard (the lab's workload has three). */
  readonly consumers: number;
  /** Whether the first consumer stops for a while and must catch up (the headroom test). */
  readonly catchUpTest: boolean;
}

/** What the learner can do. */
export type ProvisionAction =
  | { readonly type: 'set-shards'; readonly shards: number }
  | { readonly type: 'set-consumers'; readonly consumers: number }
  | { readonly type: 'set-catch-up-test'; readonly enabled: boolean };

/** Most shards the explorable offers (the 2016 default account limit was lower than today's 500). */
export const MAX_SHARDS = 20;
/** Most consumer applications the explorable offers. */
export const MAX_CONSUMERS = 5;

/** The starting point: one shard, nobody reading yet. */
export const startWorkspace: ProvisionWorkspace = { seed: 1, shards: 1, consumers: 0, catchUpTest: false };

const wholeIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Applies one action; refuses counts out of range. */
export const reduceProvision = reduceWith<ProvisionWorkspace, ProvisionAction>({
  'set-shards': (workspace, action) => {
    if (!wholeIn(action.shards, 1, MAX_SHARDS)) {
      return invalidAction(
        `ShardCount must be a whole number from 1 to ${MAX_SHARDS} in this lab (given ${String(action.shards)}).`,
        'shards',
      );
    }
    return ok({ ...workspace, shards: action.shards });
  },
  'set-consumers': (workspace, action) => {
    if (!wholeIn(action.consumers, 0, MAX_CONSUMERS)) {
      return invalidAction(
        `Consumer applications must be a whole number from 0 to ${MAX_CONSUMERS} (given ${String(action.consumers)}).`,
        'consumers',
      );
    }
    return ok({ ...workspace, consumers: action.consumers });
  },
  'set-catch-up-test': (workspace, action) => {
    if (typeof action.enabled !== 'boolean') {
      return invalidAction('The catch-up test is either on (true) or off (false).', 'enabled');
    }
    return ok({ ...workspace, catchUpTest: action.enabled });
  },
});
