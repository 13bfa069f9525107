/**
 * The hot-shard lab's simulation: the workload (the lab's assumption, not an AWS figure), the scenario
 * built from the learner's fixes, and the facts the checks read from its run.
 */
import { kinesisLimits, partitionKeyHashKey } from '../../sim/kinesis/index.ts';
import {
  zipfKey,
  type SampledShard as LabShard,
  type SampledStreamRun as LabStreamRun,
} from '../../sim/streaming/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';
import { sampleStream, type OneStreamScenario } from '../engine/stream-scenario.ts';
import type { HotShardWorkspace } from './workspace.ts';

/** The lab's workload: 3,000 orders/s of 200 bytes keyed by store on 4 shards, for 20 s (assumptions). */
export const workload = {
  streamName: 'orders',
  shards: 4,
  recordsPerSecond: 3000,
  recordBytes: 200,
  durationSeconds: 20,
  stores: 100,
  /** Zipf exponent of the store keys on a normal day and during the flash sale. */
  exponent: { normal: 1.2, 'flash-sale': 1.5 },
} as const;

/** The learner's fixes take effect this far into the run; the checks read the seconds after it. */
export const SPLIT_AT_SECONDS = 10;

/** The hottest store's key. */
export const HOT_KEY = zipfKey(1);

/** 1,000 records/s per shard [AWS-FACTS §1.1]. */
export const SHARD_WRITE_RECORDS_PER_SECOND = kinesisLimits('2016').shardWriteRecordsPerSecond;

/** A `bdlab run` scenario file: the stream, its producer (the hot key salted or not) and the learner's split. */
export interface HotShardScenario extends OneStreamScenario {
  readonly actions: readonly {
    readonly atSeconds: number;
    readonly action: 'splitShard';
    readonly stream: string;
    readonly shardId: string;
    readonly newStartingHashKey: string;
  }[];
}

/** The `bdlab run` scenario for a workspace. */
export function scenarioFor(workspace: HotShardWorkspace): HotShardScenario {
  return {
    seed: workspace.seed,
    durationSeconds: workload.durationSeconds,
    streams: [{ name: workload.streamName, shards: workload.shards }],
    producers: [
      {
        stream: workload.streamName,
        recordsPerSecond: workload.recordsPerSecond,
        recordBytes: workload.recordBytes,
        partitionKeys: {
          strategy: 'zipf',
          keys: workload.stores,
          exponent: workload.exponent[workspace.load],
          ...(workspace.hotKeySuffixes > 1
            ? { salt: { key: HOT_KEY, suffixes: workspace.hotKeySuffixes } }
            : {}),
        },
      },
    ],
    actions: workspace.split
      ? [
          {
            atSeconds: SPLIT_AT_SECONDS,
            action: 'splitShard',
            stream: workload.streamName,
            shardId: workspace.split.shardToSplit,
            newStartingHashKey: workspace.split.newStartingHashKey,
          },
        ]
      : [],
  };
}

/** Records refused by one open shard after the fix (the second of the split itself left out). */
export interface ShardAfterFix {
  readonly shardId: string;
  readonly throttled: number;
  /** Records offered (accepted + refused) per second, on average over the seconds after the fix. */
  readonly meanOffered: number;
  readonly peakOffered: number;
}

/** What the checks and the explorable read. */
export interface HotShardFacts {
  readonly scenario: HotShardScenario;
  readonly run: LabStreamRun;
  /** The shard that refused the most records before the fix. */
  readonly hotShardId: string;
  /** Open shards after the fix, with what they refused. */
  readonly afterFix: readonly ShardAfterFix[];
  /** The hottest store's decimal hash key. */
  readonly hotKeyHashKey: string;
}

const sumFrom = (values: readonly number[], from: number) =>
  values.slice(from).reduce((total, v) => total + v, 0);

function afterFix(shards: readonly LabShard[]): ShardAfterFix[] {
  const from = SPLIT_AT_SECONDS + 1;
  return shards
    .filter((s) => s.status === 'OPEN')
    .map((s) => ({
      shardId: s.shardId,
      throttled: sumFrom(s.perSecond.throttled, from),
      meanOffered:
        (sumFrom(s.perSecond.records, from) + sumFrom(s.perSecond.throttled, from)) /
        (s.perSecond.records.length - from),
      peakOffered: Math.max(
        0,
        ...s.perSecond.records.slice(from).map((r, i) => r + s.perSecond.throttled[from + i]!),
      ),
    }));
}

const remembered = rememberRuns(
  (workspace: HotShardWorkspace) => JSON.stringify(scenarioFor(workspace)),
  (workspace: HotShardWorkspace) => factsOfRun(workspace),
);

/** Runs (or recalls: runs are deterministic) the simulation for a workspace. */
export function factsFor(workspace: HotShardWorkspace): HotShardFacts {
  return remembered(workspace);
}

function factsOfRun(workspace: HotShardWorkspace): HotShardFacts {
  const scenario = scenarioFor(workspace);
  const run = sampleStream(scenario);
  const before = (s: LabShard) => s.perSecond.throttled.slice(0, SPLIT_AT_SECONDS).reduce((a, b) => a + b, 0);
  const hot = run.shards.slice(0, workload.shards).reduce((a, b) => (before(b) > before(a) ? b : a));
  const facts: HotShardFacts = {
    scenario,
    run,
    hotShardId: hot.shardId,
    afterFix: afterFix(run.shards),
    hotKeyHashKey: partitionKeyHashKey(HOT_KEY),
  };
  return facts;
}
