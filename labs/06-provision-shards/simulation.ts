/**
 * The shard-provisioning lab's simulation: the workload (the lab's assumption, not an AWS figure), the
 * scenario built from the learner's settings, its run, and the Kinesis calculator's sizing of the same load.
 */
import { calculateKinesis, type KinesisResult } from '../../sim/calc/index.ts';
import { kinesisLimits } from '../../sim/kinesis/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';
import type { SampledStreamRun as LabStreamRun } from '../../sim/streaming/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';
import { meanLoad, type ShardLoad } from '../kit/shard-load.ts';
import { sampleStream, type OneStreamScenario } from '../kit/stream-scenario.ts';
import type { ProvisionWorkspace } from './workspace.ts';

/** The lab's workload: 1,200 clicks/s of 2,000 bytes with random 16-character keys (assumptions). */
export const workload = {
  streamName: 'clicks',
  recordsPerSecond: 1200,
  recordBytes: 2000,
  /** Random keys are 16 hex characters: 16 bytes each, counted toward the write limit. */
  partitionKeyBytes: 16,
  consumerNames: ['archive', 'dashboard', 'alerts', 'search-index', 'audit'],
  /** The applications the workload really has. */
  consumers: 3,
  durationSeconds: 12,
  /** The catch-up test: the archive stops from 5 s to 15 s and must be caught up 10 s later. */
  catchUp: { pausedSeconds: [5, 15] as const, budgetSeconds: 10, durationSeconds: 30 },
} as const;

const limits = kinesisLimits('2016');
/** Per-shard limits [AWS-FACTS §1.1]: 1 MiB/s and 1,000 records/s in, 2 MiB/s out shared by all consumers. */
export const SHARD_LIMITS = {
  writeBytesPerSecond: limits.shardWriteBytesPerSecond,
  writeRecordsPerSecond: limits.shardWriteRecordsPerSecond,
  readBytesPerSecond: limits.shardReadBytesPerSecond,
  readCallsPerSecond: limits.shardReadCallsPerSecond,
};

/** Lag (MillisBehindLatest) under which a consumer counts as caught up: one poll interval. */
export const CAUGHT_UP_MS = 1000;

/** A `bdlab run` scenario file: the stream, its producer, the KCL applications and the pause of the first. */
export interface ProvisionScenario extends OneStreamScenario<{ readonly strategy: 'random' }> {
  readonly consumers: readonly {
    readonly type: 'kcl';
    readonly name: string;
    readonly stream: string;
    readonly initialPosition: 'TRIM_HORIZON';
  }[];
  readonly actions: readonly {
    readonly atSeconds: number;
    readonly action: 'pauseConsumer' | 'resumeConsumer';
    readonly consumer: string;
  }[];
}

/** The `bdlab run` scenario for a workspace. */
export function scenarioFor(workspace: ProvisionWorkspace): ProvisionScenario {
  const [pausedFrom, pausedUntil] = workload.catchUp.pausedSeconds;
  const paused = workload.consumerNames[0];
  return {
    seed: workspace.seed,
    durationSeconds: workspace.catchUpTest ? workload.catchUp.durationSeconds : workload.durationSeconds,
    streams: [{ name: workload.streamName, shards: workspace.shards }],
    producers: [
      {
        stream: workload.streamName,
        recordsPerSecond: workload.recordsPerSecond,
        recordBytes: workload.recordBytes,
        partitionKeys: { strategy: 'random' },
      },
    ],
    consumers: workload.consumerNames.slice(0, workspace.consumers).map((name) => ({
      type: 'kcl' as const,
      name,
      stream: workload.streamName,
      initialPosition: 'TRIM_HORIZON' as const,
    })),
    actions:
      workspace.catchUpTest && workspace.consumers > 0
        ? [
            { atSeconds: pausedFrom, action: 'pauseConsumer', consumer: paused },
            { atSeconds: pausedUntil, action: 'resumeConsumer', consumer: paused },
          ]
        : [],
  };
}

/** One shard's average load over the run, against its limits; this lab always says what is read. */
export interface ProvisionShardLoad extends ShardLoad {
  /** What the consumers together must read: consumers × bytes written per second. */
  readonly readBytesPerSecond: number;
  readonly readRefused: number;
}

/** What the checks and the explorable read. */
export interface ProvisionFacts {
  readonly scenario: ProvisionScenario;
  readonly run: LabStreamRun;
  readonly loads: readonly ProvisionShardLoad[];
  /** The Kinesis calculator on the same workload and consumers. */
  readonly calculator: KinesisResult;
  /** Seconds after the paused consumer resumed until every consumer was caught up; null if never. */
  readonly catchUpSeconds: number | null;
}

/** The Kinesis calculator (sim/calc) for the workload with `consumers` applications. */
export function calculatorFor(consumers: number): KinesisResult {
  const result = calculateKinesis(
    {
      recordsPerSecond: workload.recordsPerSecond,
      recordBytes: workload.recordBytes,
      partitionKeyBytes: workload.partitionKeyBytes,
      consumers,
    },
    PRICE_BOOKS['2016'],
  );
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.value;
}

function catchUpSeconds(run: LabStreamRun, workspace: ProvisionWorkspace): number | null {
  if (!workspace.catchUpTest || workspace.consumers === 0) return null;
  const resumed = workload.catchUp.pausedSeconds[1];
  for (let second = resumed; second < run.lagPerSecond.length; second++) {
    if (run.lagPerSecond.slice(second).every((lag) => lag < CAUGHT_UP_MS)) return second - resumed;
  }
  return null;
}

const remembered = rememberRuns(
  (workspace: ProvisionWorkspace) => JSON.stringify(scenarioFor(workspace)),
  (workspace: ProvisionWorkspace) => factsOfRun(workspace),
);

/** Runs (or recalls: runs are deterministic) the simulation for a workspace. */
export function factsFor(workspace: ProvisionWorkspace): ProvisionFacts {
  return remembered(workspace);
}

function factsOfRun(workspace: ProvisionWorkspace): ProvisionFacts {
  const scenario = scenarioFor(workspace);
  const run = sampleStream(scenario);
  const seconds = run.durationSeconds;
  const loads = run.shards.map((s) => ({
    ...meanLoad(s, seconds),
    readBytesPerSecond: (workspace.consumers * s.incomingBytes) / seconds,
    readRefused: s.readThrottled,
  }));
  const facts: ProvisionFacts = {
    scenario,
    run,
    loads,
    calculator: calculatorFor(workspace.consumers),
    catchUpSeconds: catchUpSeconds(run, workspace),
  };
  return facts;
}
