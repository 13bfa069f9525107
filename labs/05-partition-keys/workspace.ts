/** The partition-key lab's workspace (the producer's key strategy, the learner's answers) and its reducer. */
import { ok } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseBlank } from '../kit/reduce.ts';
import { checkPartitionKey, kinesisLimits } from '../../sim/kinesis/index.ts';

/** The three ways the lab's producer can choose partition keys. */
export type KeyStrategy = 'fixed' | 'zipf' | 'random';

/** Every strategy, in the order the lab shows them. */
export const keyStrategies: readonly KeyStrategy[] = ['fixed', 'zipf', 'random'];

/** The questions, by id; every answer is a shard id or a limit's name. */
export type PartitionKeysQuestion = 'hot-key-shard' | 'refused-by' | 'busiest-shard';

/** Every question id. */
export const partitionKeysQuestions: readonly PartitionKeysQuestion[] = [
  'hot-key-shard',
  'refused-by',
  'busiest-shard',
];

/** The two per-shard write limits a record can be refused by. */
export type WriteLimit = 'records' | 'bytes';

/** What the learner has set and answered. */
export interface PartitionKeysWorkspace {
  readonly seed: number;
  readonly strategy: KeyStrategy;
  /** The single key of the `fixed` strategy. */
  readonly fixedKey: string;
  readonly answers: Partial<Record<PartitionKeysQuestion, string>>;
}

/** What the learner can do. */
export type PartitionKeysAction =
  | { readonly type: 'set-strategy'; readonly strategy: KeyStrategy }
  | { readonly type: 'set-key'; readonly key: string }
  | { readonly type: 'answer'; readonly question: PartitionKeysQuestion; readonly value: string };

/** The starting point: every record carries the one key `orders`. */
export const startWorkspace: PartitionKeysWorkspace = {
  seed: 1,
  strategy: 'fixed',
  fixedKey: 'orders',
  answers: {},
};

/** A partition key's longest length in characters (the same in both eras) [AWS-FACTS §1.2, BK16 shape PartitionKey]. */
export const PARTITION_KEY_MAX_LENGTH = kinesisLimits('2016').partitionKeyMaxLength;

/** Kinesis's own validation message for a key of the wrong length, as PutRecord returns it. */
export function partitionKeyProblem(key: string): string | undefined {
  const checked = checkPartitionKey(key, PARTITION_KEY_MAX_LENGTH, 'partitionKey', 'key');
  return checked.ok ? undefined : `${checked.error.code}: ${checked.error.message}`;
}

/** Applies one action; refuses unknown strategies and questions, and keys Kinesis itself would refuse. */
export const reducePartitionKeys = reduceWith<PartitionKeysWorkspace, PartitionKeysAction>({
  'set-strategy': (workspace, action) => {
    if (!keyStrategies.includes(action.strategy)) {
      return invalidAction(
        `"${String(action.strategy)}" is not a key strategy; use ${keyStrategies.join(', ')}.`,
        'strategy',
      );
    }
    return ok({ ...workspace, strategy: action.strategy });
  },
  'set-key': (workspace, action) => {
    if (typeof action.key !== 'string') return invalidAction('The partition key must be text.', 'key');
    const problem = partitionKeyProblem(action.key);
    if (problem !== undefined) return invalidAction(problem, 'key');
    return ok({ ...workspace, fixedKey: action.key });
  },
  answer: answerWith({ questions: partitionKeysQuestions, refuse: refuseBlank('Choose an answer first.') }),
});
