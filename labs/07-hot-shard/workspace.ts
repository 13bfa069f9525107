/** The hot-shard lab's workspace (the fixes the learner applied, the load, the answers) and its reducer. */
import { ok } from '../../sim/core/index.ts';
import { checkNewStartingHashKey, evenSplit, shardIdOf, shardNotFound } from '../../sim/kinesis/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseBlank } from '../kit/reduce.ts';

/** The lab's two loads: a normal day, and a flash sale that puts most orders on one store. */
export type HotShardLoad = 'normal' | 'flash-sale';

/** A SplitShard call as the learner made it (applied at `FIX_AT_SECONDS` into the run). */
export interface SplitRequest {
  readonly shardToSplit: string;
  readonly newStartingHashKey: string;
}

/** What the learner has done. */
export interface HotShardWorkspace {
  readonly seed: number;
  readonly load: HotShardLoad;
  readonly split: SplitRequest | null;
  /** Partition keys the hottest store's records are spread over (1 = its key as it is). */
  readonly hotKeySuffixes: number;
  readonly answers: { readonly 'hot-shard'?: string };
}

/** What the learner can do. */
export type HotShardAction =
  | { readonly type: 'answer'; readonly question: 'hot-shard'; readonly value: string }
  | ({ readonly type: 'split-shard' } & SplitRequest)
  | { readonly type: 'undo-split' }
  | { readonly type: 'set-load'; readonly load: HotShardLoad }
  | { readonly type: 'set-hot-key-suffixes'; readonly suffixes: number };

/** The lab's stream. */
export const STREAM_NAME = 'orders';

/** Shards the stream starts with. */
export const INITIAL_SHARDS = 4;
/** The most suffixes the explorable offers for the hot key. */
export const MAX_SUFFIXES = 16;

/** The starting point: a normal day, nothing fixed yet. */
export const startWorkspace: HotShardWorkspace = {
  seed: 1,
  load: 'normal',
  split: null,
  hotKeySuffixes: 1,
  answers: {},
};

/** The stream's shards at CreateStream, with their hash key ranges. */
export const initialShards = evenSplit(INITIAL_SHARDS).map((range, index) => ({
  ShardId: shardIdOf(index),
  ...range,
}));

/**
 * Checks a SplitShard request with Kinesis's own checks (the error code, then AWS's message and, for a key
 * out of range, the allowed range); for a shard the stream lacks, the lab names the shards it has.
 */
export function splitProblem(request: SplitRequest): string | undefined {
  const shard = initialShards.find((s) => s.ShardId === request.shardToSplit);
  if (shard === undefined) {
    const missing = shardNotFound(STREAM_NAME, request.shardToSplit, 'ShardToSplit');
    const message = missing.ok ? '' : `${missing.error.code}: ${missing.error.message}`;
    return `${message} Use one of ${initialShards.map((s) => s.ShardId).join(', ')}.`;
  }
  const key =
    typeof request.newStartingHashKey === 'string'
      ? request.newStartingHashKey.trim()
      : request.newStartingHashKey;
  const checked = checkNewStartingHashKey({ ShardId: shard.ShardId, HashKeyRange: shard }, key);
  return checked.ok ? undefined : `${checked.error.code}: ${checked.error.message}`;
}

/** Applies one action; refuses splits Kinesis would refuse and values out of range. */
export const reduceHotShard = reduceWith<HotShardWorkspace, HotShardAction>({
  answer: answerWith({ questions: ['hot-shard'], refuse: refuseBlank('Choose a shard first.') }),
  'split-shard': (workspace, action) => {
    if (workspace.split !== null) {
      return invalidAction(
        `${workspace.split.shardToSplit} is already split; undo that split before making another.`,
        'shardToSplit',
      );
    }
    const problem = splitProblem(action);
    if (problem !== undefined) return invalidAction(problem, 'newStartingHashKey');
    const split = {
      shardToSplit: action.shardToSplit,
      newStartingHashKey: action.newStartingHashKey.trim(),
    };
    return ok({ ...workspace, split });
  },
  'undo-split': (workspace) => ok({ ...workspace, split: null }),
  'set-load': (workspace, action) => {
    if (action.load !== 'normal' && action.load !== 'flash-sale') {
      return invalidAction(`"${String(action.load)}" is not a load; use normal or flash-sale.`, 'load');
    }
    return ok({ ...workspace, load: action.load });
  },
  'set-hot-key-suffixes': (workspace, action) => {
    if (!Number.isInteger(action.suffixes) || action.suffixes < 1 || action.suffixes > MAX_SUFFIXES) {
      return invalidAction(
        `The hot key can be spread over 1 to ${MAX_SUFFIXES} keys (given ${String(action.suffixes)}).`,
        'suffixes',
      );
    }
    return ok({ ...workspace, hotKeySuffixes: action.suffixes });
  },
});
