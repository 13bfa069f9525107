/** The consumers lab's workspace (the Spark and Lambda settings, the learner's answers) and reducer. */
import { ok } from '../../sim/core/index.ts';
import { LAMBDA_EVENT_SOURCE_LIMITS } from '../../sim/lambda-consumer/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseNonNumber } from '../kit/reduce.ts';
import { SPARK_RECEIVERS } from './consumers-run.ts';

/** The questions, by id. */
export type ConsumersQuestionId = 'spark-queued-start' | 'lambda-invocations' | 'shard-calls-per-second';

/** Every question id. */
export const consumersQuestionIds: readonly ConsumersQuestionId[] = [
  'spark-queued-start',
  'lambda-invocations',
  'shard-calls-per-second',
];

/** What the learner has set and answered. */
export interface ConsumersWorkspace {
  readonly seed: number;
  readonly sparkBatchIntervalSeconds: number;
  /** Executor cores of the Spark application, the receiver's included. */
  readonly sparkCores: number;
  readonly lambdaBatchSize: number;
  readonly answers: Partial<Record<ConsumersQuestionId, number>>;
}

/** What the learner can do. */
export type ConsumersAction =
  | { readonly type: 'set-spark-interval'; readonly seconds: number }
  | { readonly type: 'set-spark-cores'; readonly cores: number }
  | { readonly type: 'set-lambda-batch-size'; readonly batchSize: number }
  | { readonly type: 'answer'; readonly question: ConsumersQuestionId; readonly value: number };

/** The start: Spark on 2 cores with a 1 s interval, Lambda with batches of 10. */
export const startWorkspace: ConsumersWorkspace = {
  seed: 10,
  sparkBatchIntervalSeconds: 1,
  sparkCores: 2,
  lambdaBatchSize: 10,
  answers: {},
};

/** Ranges the lab offers (the batch size range is Lambda's own, AWS-FACTS row 41). */
export const SPARK_INTERVAL_RANGE = { min: 1, max: 10 } as const;
export const SPARK_CORES_RANGE = { min: SPARK_RECEIVERS, max: 16 } as const;
export const LAMBDA_BATCH_RANGE = { min: 1, max: LAMBDA_EVENT_SOURCE_LIMITS.maxBatchSize } as const;

const wholeIn = (value: unknown, range: { min: number; max: number }): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;

/** Applies one action; refuses settings outside what the lab (or Lambda) allows. */
export const reduceConsumers = reduceWith<ConsumersWorkspace, ConsumersAction>({
  'set-spark-interval': (workspace, action) => {
    if (!wholeIn(action.seconds, SPARK_INTERVAL_RANGE)) {
      return invalidAction(
        `The batch interval must be a whole number of seconds from ${SPARK_INTERVAL_RANGE.min} to ${SPARK_INTERVAL_RANGE.max} (given ${String(action.seconds)}).`,
        'seconds',
      );
    }
    return ok({ ...workspace, sparkBatchIntervalSeconds: action.seconds });
  },
  'set-spark-cores': (workspace, action) => {
    if (!wholeIn(action.cores, SPARK_CORES_RANGE)) {
      return invalidAction(
        `Cores must be a whole number from ${SPARK_CORES_RANGE.min} to ${SPARK_CORES_RANGE.max} (given ${String(action.cores)}).`,
        'cores',
      );
    }
    return ok({ ...workspace, sparkCores: action.cores });
  },
  'set-lambda-batch-size': (workspace, action) => {
    if (!wholeIn(action.batchSize, LAMBDA_BATCH_RANGE)) {
      return invalidAction(
        `BatchSize must be a whole number from ${LAMBDA_BATCH_RANGE.min} to ${LAMBDA_BATCH_RANGE.max.toLocaleString('en-US')} for a Kinesis event source (given ${String(action.batchSize)}).`,
        'batchSize',
      );
    }
    return ok({ ...workspace, lambdaBatchSize: action.batchSize });
  },
  answer: answerWith({ questions: consumersQuestionIds, refuse: refuseNonNumber }),
});
