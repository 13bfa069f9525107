/**
 * Session 2, Lambda vs KCL vs Spark Streaming: three applications read one stream at the same time; the
 * learner makes Spark's processing fit its batch interval, sizes Lambda's batches, and sees the three
 * share each shard's GetRecords calls.
 */
import type { LabDefinition } from '../engine/types.ts';
import {
  consumersFacts,
  lambdaInvocations,
  lambdaKeepsUp,
  noReadThrottles,
  shardCallsPerSecond,
  sparkKeepsUp,
  sparkQueuedAtStart,
  watchedShardCallsPerSecond,
  type ConsumersFacts,
} from './checks.ts';
import {
  reduceConsumers,
  startWorkspace,
  type ConsumersAction,
  type ConsumersWorkspace,
} from './workspace.ts';

const SOLVED_CORES = 4;
const SOLVED_BATCH_SIZE = 100;
const solved = { ...startWorkspace, sparkCores: SOLVED_CORES, lambdaBatchSize: SOLVED_BATCH_SIZE };

/** The consumers lab. Solutions read the simulation when first asked for. */
export const consumersComparedLab = {
  id: 'consumers-compared',
  session: 2,
  title: 'Lambda vs KCL vs Spark Streaming',
  objectives: [
    'Explain why a Spark Streaming job falls further behind every batch once processing takes longer than the batch interval, and fix it with cores rather than a longer interval.',
    'Choose a Lambda batch size: one batch per shard in the function at a time, a fixed cost per invocation, and polls that share the shard with every other reader.',
    'Read how a KCL application, a Lambda function and a Spark application share one shard’s 5 GetRecords calls a second.',
  ],
  estimatedMinutes: 20,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceConsumers,
  derive: (workspace): ConsumersFacts => consumersFacts(workspace),
  steps: [
    {
      id: 'spark-keeps-up',
      title: 'Spark: batch interval vs processing time',
      tasks: [sparkQueuedAtStart, sparkKeepsUp],
      hints: [
        'Compare the processing time of a batch with the batch interval in the Spark panel.',
        'A longer interval makes each batch bigger too: here every record costs the same, so the batch still overruns. More cores split the work.',
        'Read the queued batches first, then give Spark 4 cores.',
      ],
      get solution(): ConsumersAction[] {
        const { start } = consumersFacts(startWorkspace);
        return [
          { type: 'answer', question: 'spark-queued-start', value: start.spark.detail.queuedBatches },
          { type: 'set-spark-cores', cores: SOLVED_CORES },
        ];
      },
    },
    {
      id: 'lambda-batch-size',
      title: 'Lambda: batch size',
      tasks: [lambdaKeepsUp, noReadThrottles, lambdaInvocations],
      hints: [
        'Lambda runs one batch per shard at a time and polls again at once while a backlog remains: with tiny batches it polls very often.',
        'Each invocation pays a fixed 200 ms here; with 10 records per batch that overhead is most of the work, and the polls crowd the shard.',
        'Raise the batch size to 100 (the default), then read the invocations.',
      ],
      get solution(): ConsumersAction[] {
        const { run } = consumersFacts(solved);
        return [
          { type: 'set-lambda-batch-size', batchSize: SOLVED_BATCH_SIZE },
          { type: 'answer', question: 'lambda-invocations', value: run.lambda.detail.totals.invocations },
        ];
      },
    },
    {
      id: 'shared-shard',
      title: 'Three readers, one shard',
      tasks: [shardCallsPerSecond],
      hints: [
        'The table of reads lists every application’s GetRecords calls on each shard.',
        'Add the three numbers for shardId-000000000000 and divide by 60 s.',
        'Round to one decimal.',
      ],
      get solution(): ConsumersAction[] {
        const { run } = consumersFacts(solved);
        return [
          {
            type: 'answer',
            question: 'shard-calls-per-second',
            value: Math.round(watchedShardCallsPerSecond(run) * 10) / 10,
          },
        ];
      },
    },
  ],
} satisfies LabDefinition<ConsumersWorkspace, ConsumersAction, ConsumersFacts>;
