/**
 * The KCL scaling lab's workspace: how far the learner has run the simulation, the operations they did
 * on the way (add or crash a worker, split a shard), and their answers; with the reducer.
 */
import { ok } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseNonNumber } from '../kit/reduce.ts';
import { HORIZON_SECONDS, SHARDS, type KclOperation } from './kcl-run.ts';

/** The questions, by id. */
export type KclQuestionId =
  'second-lease-after' | 'failover-after' | 'duplicates' | 'parent-drained-after' | 'records-skipped';

/** Every question id. */
export const kclQuestionIds: readonly KclQuestionId[] = [
  'second-lease-after',
  'failover-after',
  'duplicates',
  'parent-drained-after',
  'records-skipped',
];

/** Where the application starts reading a shard whose lease has no checkpoint (InitialPositionInStream). */
export type InitialPosition = 'TRIM_HORIZON' | 'LATEST';

/** What the learner has done. */
export interface KclScalingWorkspace {
  readonly seed: number;
  /** The application's InitialPositionInStream for this run (the lab starts at TRIM_HORIZON). */
  readonly initialPosition: InitialPosition;
  /** Simulated seconds run so far; operations happen at this time. */
  readonly ranUntilSeconds: number;
  readonly operations: readonly KclOperation[];
  readonly answers: Partial<Record<KclQuestionId, number>>;
}

/** What the learner can do. */
export type KclScalingAction =
  | { readonly type: 'run'; readonly untilSeconds: number }
  | { readonly type: 'add-worker' }
  | { readonly type: 'crash-worker'; readonly workerId: string }
  | { readonly type: 'split-shard'; readonly shardId: string }
  /** Starts the run again from 0 s with this initial position (answers are kept). */
  | { readonly type: 'restart'; readonly initialPosition: InitialPosition }
  | { readonly type: 'answer'; readonly question: KclQuestionId; readonly value: number };

/** The start: one worker, nothing run yet. */
export const startWorkspace: KclScalingWorkspace = {
  seed: 9,
  initialPosition: 'TRIM_HORIZON',
  ranUntilSeconds: 0,
  operations: [],
  answers: {},
};

/** Most splits the lab allows (the stream then has 6 open shards). */
export const MAX_SPLITS = 2;

const shardName = (index: number) => `shardId-${String(index).padStart(12, '0')}`;

/** Workers and open shards after a list of operations, as the KCL and Kinesis name them. */
export function rosterAfter(operations: readonly KclOperation[]): {
  readonly running: readonly string[];
  readonly crashed: readonly string[];
  readonly openShards: readonly string[];
  readonly splits: number;
} {
  const running = ['worker-1'];
  const crashed: string[] = [];
  let workers = 1;
  const open = Array.from({ length: SHARDS }, (_, i) => shardName(i));
  let nextShard = SHARDS;
  let splits = 0;
  for (const operation of operations) {
    if (operation.op === 'addWorker') running.push(`worker-${++workers}`);
    if (operation.op === 'crashWorker') {
      running.splice(running.indexOf(operation.workerId), 1);
      crashed.push(operation.workerId);
    }
    if (operation.op === 'splitShard') {
      open.splice(open.indexOf(operation.shardId), 1, shardName(nextShard), shardName(nextShard + 1));
      nextShard += 2;
      splits++;
    }
  }
  return { running, crashed, openShards: open, splits };
}

/** Most workers the lab allows at once. */
export const MAX_WORKERS = 6;

/** Applies one action; refuses times outside the run, workers and shards that do not exist. */
export const reduceKclScaling = reduceWith<KclScalingWorkspace, KclScalingAction>({
  run: (workspace, action) => {
    const lastOperationAt = workspace.operations.at(-1)?.atSeconds ?? 0;
    if (
      !Number.isInteger(action.untilSeconds) ||
      action.untilSeconds < 0 ||
      action.untilSeconds > HORIZON_SECONDS
    ) {
      return invalidAction(
        `Run to a whole number of seconds from 0 to ${HORIZON_SECONDS} (given ${String(action.untilSeconds)}).`,
        'untilSeconds',
      );
    }
    if (action.untilSeconds < lastOperationAt) {
      return invalidAction(
        `Your last operation happened at ${lastOperationAt} s; to go back before it, undo it first.`,
        'untilSeconds',
      );
    }
    return ok({ ...workspace, ranUntilSeconds: action.untilSeconds });
  },
  'add-worker': (workspace) => {
    const roster = rosterAfter(workspace.operations);
    const at = workspace.ranUntilSeconds;
    if (roster.running.length >= MAX_WORKERS) {
      return invalidAction(
        `The application already runs ${MAX_WORKERS} workers, the most this lab allows.`,
        'type',
      );
    }
    return ok({ ...workspace, operations: [...workspace.operations, { atSeconds: at, op: 'addWorker' }] });
  },
  'crash-worker': (workspace, action) => {
    const roster = rosterAfter(workspace.operations);
    const at = workspace.ranUntilSeconds;
    if (!roster.running.includes(action.workerId)) {
      return invalidAction(
        `"${String(action.workerId)}" is not a running worker; the running workers are ${roster.running.join(', ') || 'none'}.`,
        'workerId',
      );
    }
    return ok({
      ...workspace,
      operations: [...workspace.operations, { atSeconds: at, op: 'crashWorker', workerId: action.workerId }],
    });
  },
  'split-shard': (workspace, action) => {
    const roster = rosterAfter(workspace.operations);
    const at = workspace.ranUntilSeconds;
    if (!roster.openShards.includes(action.shardId)) {
      return invalidAction(
        `"${String(action.shardId)}" is not an open shard; the open shards are ${roster.openShards.join(', ')}.`,
        'shardId',
      );
    }
    if (roster.splits >= MAX_SPLITS) {
      return invalidAction(
        `This lab allows ${MAX_SPLITS} splits; undo one to split another shard.`,
        'shardId',
      );
    }
    return ok({
      ...workspace,
      operations: [...workspace.operations, { atSeconds: at, op: 'splitShard', shardId: action.shardId }],
    });
  },
  restart: (workspace, action) => {
    if (action.initialPosition !== 'LATEST' && action.initialPosition !== 'TRIM_HORIZON') {
      return invalidAction(
        `Restart at LATEST or TRIM_HORIZON (given ${JSON.stringify(action.initialPosition)}).`,
        'initialPosition',
      );
    }
    return ok({
      ...workspace,
      initialPosition: action.initialPosition,
      ranUntilSeconds: 0,
      operations: [],
    });
  },
  answer: answerWith({ questions: kclQuestionIds, refuse: refuseNonNumber }),
});
