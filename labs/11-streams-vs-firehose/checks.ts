/**
 * The Streams-vs-Firehose lab's checks: answers are compared with the two runs of the learner's own
 * workspace, and use-case picks with the latency the fastest Firehose setting really achieved.
 */
import { formatDuration, formatNumber } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import { runFirehosePath, runStreamsPath, type FirehosePathRun, type StreamsPathRun } from './latency-run.ts';
import type { LatencyQuestionId, StreamingPath, StreamsVsFirehoseWorkspace, UseCaseId } from './workspace.ts';

/** What the checks read. */
export interface LatencyFacts {
  readonly streams: StreamsPathRun;
  /** Firehose with the learner's hints. */
  readonly firehose: FirehosePathRun;
  /** Firehose with the fastest hints 2016 allows: 1 MB and 60 s. */
  readonly fastest: FirehosePathRun;
}

type Task = LabTask<StreamsVsFirehoseWorkspace, LatencyFacts>;

/** The smallest hints of 2016 (AWS-FACTS rows 44–45). */
export const FASTEST_2016 = { sizeMB: 1, intervalSeconds: 60 } as const;

/** Runs both paths for a workspace. */
export function latencyFacts(workspace: StreamsVsFirehoseWorkspace): LatencyFacts {
  return {
    streams: runStreamsPath(workspace.seed),
    firehose: runFirehosePath(workspace.seed, workspace.sizeMB, workspace.intervalSeconds),
    fastest: runFirehosePath(workspace.seed, FASTEST_2016.sizeMB, FASTEST_2016.intervalSeconds),
  };
}

const ms = (value: number) => `${formatNumber(value, { maxDecimals: 0 })} ms`;

function numberQuestion(
  id: LatencyQuestionId,
  title: string,
  expected: (facts: LatencyFacts) => number,
  tolerance: number,
  explain: (answer: number, facts: LatencyFacts) => string,
  confirm: (facts: LatencyFacts) => string,
): Task {
  return {
    id,
    title,
    check(workspace, { derived }): TaskResult {
      const answer = workspace.answers[id];
      if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
      if (Math.abs(answer - expected(derived)) <= tolerance)
        return { passed: true, feedback: confirm(derived) };
      return { passed: false, feedback: `${formatNumber(answer)} is not it. ${explain(answer, derived)}` };
    },
  };
}

/** Step 1: the longest Streams latency. */
export const streamsMax = numberQuestion(
  'streams-max-ms',
  'Streams: what is the longest time (in ms) a record waited between its put and the consumer’s GetRecords?',
  (f) => f.streams.latency.maxMs,
  0,
  (answer, f) =>
    Math.abs(answer - f.streams.latency.meanMs) <= 10
      ? 'That is the average; read the longest.'
      : `Read the longest wait of the Streams path; the consumer calls GetRecords every ${ms(f.streams.pollIntervalMs)}.`,
  (f) => `Right: ${ms(f.streams.latency.maxMs)} — under a second.`,
);

/** Step 1: the mean Streams latency. */
export const streamsMean = numberQuestion(
  'streams-mean-ms',
  'Streams: what is the average wait, to the nearest 10 ms?',
  (f) => f.streams.latency.meanMs,
  10,
  (answer, f) =>
    Math.abs(answer - f.streams.latency.maxMs) <= 10
      ? 'That is the longest wait; read the average.'
      : answer === f.streams.pollIntervalMs
        ? 'That is the poll interval, how long the longest wait can be; read the average the panel measured.'
        : answer < 10
          ? 'Is that seconds? Answer in milliseconds.'
          : 'Read the average of the Streams path; it should be about half the poll interval. Why?',
  (f) =>
    `Right: about ${ms(Math.round(f.streams.latency.meanMs / 10) * 10)}. A record waits on average half a poll interval for the next GetRecords.`,
);

/** Step 2: the fastest Firehose. */
export const firehoseFastest: Task = {
  id: 'firehose-fastest',
  title: 'Firehose: every record reaches S3 within 60 s, the fastest 2016 allows',
  check(workspace, { derived }): TaskResult {
    const wait = derived.firehose.delivery.maxWaitSeconds;
    if (wait <= FASTEST_2016.intervalSeconds) {
      return { passed: true, feedback: `The longest wait is now ${formatDuration(wait)}.` };
    }
    return {
      passed: false,
      feedback: `A record waited ${formatDuration(wait)} with ${workspace.sizeMB} MB / ${workspace.intervalSeconds} s. Which hint fires first at this traffic, and how low can it go in 2016?`,
    };
  },
};

/** Step 2: the mean Firehose wait at the learner's setting. */
export const firehoseMean = numberQuestion(
  'firehose-mean-s',
  'Firehose: what is the average wait at your setting, to the nearest second?',
  (f) => f.firehose.latency.meanMs / 1000,
  0.5,
  (answer, f) =>
    Math.abs(answer * 1000 - f.firehose.latency.maxMs) <= 500
      ? 'That is the longest wait; read the average.'
      : Math.abs(answer - f.firehose.latency.meanMs) <= 500
        ? 'Is that milliseconds? Answer in seconds.'
        : Math.abs(answer * 60_000 - f.firehose.latency.meanMs) <= 30_000
          ? 'Is that minutes? Answer in seconds.'
          : 'Read the average wait of the Firehose path, in seconds.',
  (f) =>
    `Right: about ${formatDuration(Math.round(f.firehose.latency.meanMs / 1000))}, some ${formatNumber(f.firehose.latency.meanMs / f.streams.latency.meanMs, { maxDecimals: 0 })} times the Streams average.`,
);

/** A use case of the last step: what it needs, in the learner's words, and how fresh its data must be. */
export interface UseCase {
  readonly id: UseCaseId;
  readonly title: string;
  readonly need: string;
  /** The longest a record may take to be usable, in seconds (the lab's assumption). */
  readonly freshnessSeconds: number;
}

/** The use cases, each an assumption of the lab. */
export const useCases: readonly UseCase[] = [
  {
    id: 'fraud-alert',
    title: 'Fraud alert',
    need: 'Flag a suspicious checkout before the payment completes: within 2 seconds.',
    freshnessSeconds: 2,
  },
  {
    id: 'log-archive',
    title: 'Log archive',
    need: 'Keep every log line in S3 for the nightly EMR job; tomorrow morning is soon enough.',
    freshnessSeconds: 86_400,
  },
  {
    id: 'live-counter',
    title: 'Visitors right now',
    need: 'A home-page counter of visitors, refreshed every 10 seconds.',
    freshnessSeconds: 10,
  },
  {
    id: 'hourly-reports',
    title: 'Hourly sales report',
    need: 'Load the logs into Redshift for a report refreshed every hour.',
    freshnessSeconds: 3600,
  },
];

/** Firehose fits when its fastest 2016 setting is fresh enough; it then wins for needing no code to run. */
export function bestPath(useCase: UseCase, facts: LatencyFacts): StreamingPath {
  return facts.fastest.delivery.maxWaitSeconds <= useCase.freshnessSeconds ? 'firehose' : 'streams';
}

function useCaseTask(useCase: UseCase): Task {
  return {
    id: useCase.id,
    title: `${useCase.title}: ${useCase.need}`,
    check(workspace, { derived }): TaskResult {
      const pick: StreamingPath | undefined = workspace.picks[useCase.id];
      if (pick === undefined) return { passed: false, feedback: 'Not picked yet.' };
      const best = bestPath(useCase, derived);
      const fastest = formatDuration(derived.fastest.delivery.maxWaitSeconds);
      const need = formatDuration(useCase.freshnessSeconds);
      if (pick === best) {
        return best === 'streams'
          ? {
              passed: true,
              feedback: `Streams: a consumer had every record within ${ms(derived.streams.latency.maxMs)}; Firehose’s fastest setting kept records up to ${fastest}.`,
            }
          : {
              passed: true,
              feedback: `Firehose: ${need} is plenty, and it writes the S3 objects with no consumer to write or run.`,
            };
      }
      return best === 'streams'
        ? {
            passed: false,
            feedback: `Firehose’s fastest 2016 setting left a record waiting ${fastest}; this needs ${need}.`,
          }
        : {
            passed: false,
            feedback: `Streams would work, but you would write, run and scale a consumer that batches records into S3 yourself. Firehose does that, and ${need} is far more than its ${fastest}.`,
          };
    },
  };
}

/** Step 3's tasks, one per use case. */
export const useCaseTasks: readonly Task[] = useCases.map(useCaseTask);
