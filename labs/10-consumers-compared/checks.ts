/** The consumers lab's checks, read from the run of the learner's settings and from the starting run. */
import { formatCount, formatNumber } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import { RUN_SECONDS, runConsumers, type ConsumersRun } from './consumers-run.ts';
import { startWorkspace, type ConsumersQuestionId, type ConsumersWorkspace } from './workspace.ts';

/** What the checks read. */
export interface ConsumersFacts {
  readonly run: ConsumersRun;
  /** The run with the starting settings. */
  readonly start: ConsumersRun;
}

type Task = LabTask<ConsumersWorkspace, ConsumersFacts>;

/** The iterator age a keeping-up Lambda stays under (the lab's yardstick). */
export const LAMBDA_KEEPING_UP_MS = 5000;
/** The shard watched in the last step. */
export const WATCHED_SHARD = 'shardId-000000000000';

/** Runs the learner's settings and the starting ones. */
export function consumersFacts(workspace: ConsumersWorkspace): ConsumersFacts {
  const settingsOf = (w: ConsumersWorkspace) => ({
    sparkBatchIntervalSeconds: w.sparkBatchIntervalSeconds,
    sparkCores: w.sparkCores,
    lambdaBatchSize: w.lambdaBatchSize,
  });
  return {
    run: runConsumers(settingsOf(workspace), workspace.seed),
    start: runConsumers(settingsOf({ ...startWorkspace, seed: workspace.seed }), workspace.seed),
  };
}

/** GetRecords calls per second on the watched shard, all applications together. */
export function watchedShardCallsPerSecond(run: ConsumersRun): number {
  const calls = run.reads
    .filter((r) => r.shardId === WATCHED_SHARD)
    .reduce((sum, r) => sum + r.getRecordsCalls, 0);
  return calls / RUN_SECONDS;
}

/** The highest iterator age of the function on any shard in the whole run, in ms. */
export const maxIteratorAge = (run: ConsumersRun) => run.lambda.detail.totals.maxIteratorAgeMs;

function question(
  id: ConsumersQuestionId,
  title: string,
  expected: (facts: ConsumersFacts) => number,
  tolerance: number,
  wrong: (answer: number, facts: ConsumersFacts) => string,
  right: (value: number) => string,
): Task {
  return {
    id,
    title,
    check(workspace, { derived }): TaskResult {
      const answer = workspace.answers[id];
      if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
      const value = expected(derived);
      if (Math.abs(answer - value) <= tolerance) return { passed: true, feedback: right(value) };
      return { passed: false, feedback: `${formatNumber(answer)} is not it. ${wrong(answer, derived)}` };
    },
  };
}

/** Step 1: the starting Spark falls behind. */
export const sparkQueuedAtStart = question(
  'spark-queued-start',
  'With the starting settings (1 s interval, 2 cores), how many batches wait in Spark’s queue at the end of the minute?',
  (f) => f.start.spark.detail.queuedBatches,
  0,
  () =>
    'Read the queued batches of the Spark application with the starting settings (undo your changes, or reset the settings, to see them).',
  (value) =>
    `Right: ${value} batches wait, and the queue grows by one every time a batch takes longer than the interval.`,
);

/** Step 1: Spark keeps up. */
export const sparkKeepsUp: Task = {
  id: 'spark-keeps-up',
  title: 'Spark keeps up: each batch is processed within its batch interval',
  check(_workspace, { derived }): TaskResult {
    const spark = derived.run.spark.detail;
    const done = spark.batches.filter((b) => b.processingMs !== null);
    const last = done.at(-1);
    const interval = spark.batchIntervalMs;
    if (spark.keepingUp && spark.queuedBatches <= 1 && last) {
      return {
        passed: true,
        feedback: `A batch of ${formatCount(last.records)} records takes ${formatNumber(last.processingMs!, { maxDecimals: 0 })} ms of a ${formatNumber(interval / 1000)} s interval.`,
      };
    }
    const processing = last
      ? `${formatNumber(last.processingMs!, { maxDecimals: 0 })} ms`
      : 'longer than the run';
    return {
      passed: false,
      feedback: `A batch takes ${processing} to process but one arrives every ${formatNumber(interval / 1000)} s, so ${spark.queuedBatches} wait in the queue. ${spark.processingCores} of ${spark.cores} cores process; the receiver holds the other.`,
    };
  },
};

/** Step 2: Lambda keeps up. */
export const lambdaKeepsUp: Task = {
  id: 'lambda-keeps-up',
  title: `Lambda keeps up: the iterator age stays under ${LAMBDA_KEEPING_UP_MS / 1000} s on every shard`,
  check(_workspace, { derived }): TaskResult {
    const age = maxIteratorAge(derived.run);
    if (age <= LAMBDA_KEEPING_UP_MS)
      return {
        passed: true,
        feedback: `The iterator age stays at or under ${formatCount(age)} ms in the whole minute.`,
      };
    return {
      passed: false,
      feedback: `The iterator age reached ${formatNumber(age / 1000, { maxDecimals: 1 })} s in the minute. Each invocation pays a fixed ${derived.run.lambda.detail.durationModel.invocationOverheadMs} ms, and a shard has one batch in the function at a time.`,
    };
  },
};

/** Step 2: the shared shard is not overdrawn. */
export const noReadThrottles: Task = {
  id: 'no-read-throttles',
  title: 'No application’s GetRecords call is refused (the shard’s 5 calls a second are shared)',
  check(_workspace, { derived }): TaskResult {
    const throttled = derived.run.reads.filter((r) => r.readThrottles > 0);
    if (throttled.length === 0) return { passed: true, feedback: 'Every GetRecords call was served.' };
    const total = throttled.reduce((sum, r) => sum + r.readThrottles, 0);
    return {
      passed: false,
      feedback: `${formatCount(total)} calls were refused in total with ProvisionedThroughputExceededException, across ${[...new Set(throttled.map((r) => r.consumer))].join(', ')}. Who calls GetRecords most often, and why?`,
    };
  },
};

/** Step 2: invocations. */
export const lambdaInvocations = question(
  'lambda-invocations',
  'At your batch size, how many times was the function invoked in the minute?',
  (f) => f.run.lambda.detail.totals.invocations,
  0,
  () => 'Read the invocations of the Lambda function at your current batch size.',
  (value) => `Right: ${formatCount(value)} invocations — each one pays the fixed overhead once.`,
);

/** Step 3: the shared shard. */
export const shardCallsPerSecond = question(
  'shard-calls-per-second',
  `On average, how many GetRecords calls a second did the three applications make on ${WATCHED_SHARD} together (one decimal)?`,
  (f) => watchedShardCallsPerSecond(f.run),
  0.05,
  () =>
    `Add up the three applications’ GetRecords calls on ${WATCHED_SHARD} and divide by the ${RUN_SECONDS} s of the run.`,
  (value) =>
    `Right: about ${formatNumber(value, { maxDecimals: 1 })} a second, against a limit of 5 per shard shared by every application reading it.`,
);
