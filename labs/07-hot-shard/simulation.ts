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
import type { ShardLoad } from '../kit/shard-load.ts';
import { sampleStream, type OneStreamScenario } from '../kit/stream-scenario.ts';
import { STREAM_NAME, type HotShardWorkspace } from './workspace.ts';

/** The lab's workload: 3,000 orders/s of 200 bytes keyed by store on 4 shards, for 20 s (assumptions). */
export const workload = {
  streamName: STREAM_NAME,
  shards: 4,
  recordsPerSecond: 3000,
  recordBytes: 200,
  durationSeconds: 20,
  stores: 100,
  /** Zipf exponent of the store keys on a normal day and during the flash sale. */
  exponent: { normal: 1.2, 'flash-sale': 1.5 },
} as const;

/** The learner's fixes (the split and the re-keying) take effect this far into the run. */
export const FIX_AT_SECONDS = 10;

/** The hottest store's key. */
export const HOT_KEY = zipfKey(1);

/** The producer's name, which the re-keying action addresses. */
export const PRODUCER_NAME = 'shop';

/** 1,000 records/s per shard [AWS-FACTS §1.1]. */
export const SHARD_WRITE_RECORDS_PER_SECOND = kinesisLimits('2016').shardWriteRecordsPerSecond;
/** 1 MiB/s per shard [AWS-FACTS §1.1]. */
export const SHARD_WRITE_BYTES_PER_SECOND = kinesisLimits('2016').shardWriteBytesPerSecond;

/** The per-store keys, as the producer sends them before any re-keying. */
type StoreKeys = { readonly strategy: 'zipf'; readonly keys: number; readonly exponent: number };
/** The per-store keys with the hot store's key spread over several suffixes. */
type ReKeyedStoreKeys = StoreKeys & { readonly salt: { readonly key: string; readonly suffixes: number } };

/** A timed fix of the scenario: SplitShard, or the producer's new keys (re-keying). */
export type HotShardFixAction =
  | {
      readonly atSeconds: number;
      readonly action: 'splitShard';
      readonly stream: string;
      readonly shardId: string;
      readonly newStartingHashKey: string;
    }
  | {
      readonly atSeconds: number;
      readonly action: 'setProducerKeys';
      readonly producer: string;
      readonly partitionKeys: ReKeyedStoreKeys;
    };

/** A `bdlab run` scenario file: the stream, its producer, and the learner's fixes at `FIX_AT_SECONDS`. */
export interface HotShardScenario extends OneStreamScenario<StoreKeys, { readonly name: string }> {
  readonly actions: readonly HotShardFixAction[];
}

/** Whether the learner has applied any fix (a split, or the hot key spread over several keys). */
export function hasFix(workspace: HotShardWorkspace): boolean {
  return workspace.split !== null || workspace.hotKeySuffixes > 1;
}

/**
 * The `bdlab run` scenario for a workspace. The producer starts with the plain per-store keys; a split and
 * the re-keying are both timed actions at `FIX_AT_SECONDS`, so the first seconds are the same run whatever
 * the learner fixed.
 */
export function scenarioFor(workspace: HotShardWorkspace): HotShardScenario {
  const storeKeys: StoreKeys = {
    strategy: 'zipf',
    keys: workload.stores,
    exponent: workload.exponent[workspace.load],
  };
  const actions: HotShardFixAction[] = [];
  if (workspace.split) {
    actions.push({
      atSeconds: FIX_AT_SECONDS,
      action: 'splitShard',
      stream: workload.streamName,
      shardId: workspace.split.shardToSplit,
      newStartingHashKey: workspace.split.newStartingHashKey,
    });
  }
  if (workspace.hotKeySuffixes > 1) {
    actions.push({
      atSeconds: FIX_AT_SECONDS,
      action: 'setProducerKeys',
      producer: PRODUCER_NAME,
      partitionKeys: { ...storeKeys, salt: { key: HOT_KEY, suffixes: workspace.hotKeySuffixes } },
    });
  }
  return {
    seed: workspace.seed,
    durationSeconds: workload.durationSeconds,
    streams: [{ name: workload.streamName, shards: workload.shards }],
    producers: [
      {
        name: PRODUCER_NAME,
        stream: workload.streamName,
        recordsPerSecond: workload.recordsPerSecond,
        recordBytes: workload.recordBytes,
        partitionKeys: storeKeys,
      },
    ],
    actions,
  };
}

/** Seconds of the run, `from` inclusive to `to` exclusive: second `i` is the run's sample from i s to i + 1 s. */
export interface SecondsWindow {
  readonly fromSecond: number;
  readonly toSecond: number;
}

/**
 * One shard's load over one window of seconds: what the table shows and the checks read, so both say the
 * same number. Rates are means per second over the window; `refused` is the window's total.
 */
export interface ShardWindowLoad extends SecondsWindow, ShardLoad {
  /** The most records offered in any one second of the window. */
  readonly peakOffered: number;
}

/** What the checks and the explorable read. */
export interface HotShardFacts {
  readonly scenario: HotShardScenario;
  readonly run: LabStreamRun;
  /** The shard that refused the most records before the fix. */
  readonly hotShardId: string;
  /**
   * Every shard's load over the window the table shows for it: a closed parent from the start to the fix;
   * an open shard after the fix (`FIX_AT_SECONDS` to the end) once a fix is in, else over the whole run.
   */
  readonly loads: readonly ShardWindowLoad[];
  /** The open shards' loads from `FIX_AT_SECONDS` to the end of the run, which the checks read. */
  readonly afterFix: readonly ShardWindowLoad[];
  /** The hottest store's decimal hash key. */
  readonly hotKeyHashKey: string;
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/** A shard's load over `window` (whole seconds of the sampled run). */
export function loadOver(shard: LabShard, window: SecondsWindow): ShardWindowLoad {
  const { fromSecond, toSecond } = window;
  const records = shard.perSecond.records.slice(fromSecond, toSecond);
  const throttled = shard.perSecond.throttled.slice(fromSecond, toSecond);
  const seconds = Math.max(1, toSecond - fromSecond);
  return {
    shardId: shard.shardId,
    status: shard.status,
    fromSecond,
    toSecond,
    offeredPerSecond: (sum(records) + sum(throttled)) / seconds,
    bytesPerSecond: sum(shard.perSecond.bytes.slice(fromSecond, toSecond)) / seconds,
    refused: sum(throttled),
    peakOffered: Math.max(0, ...records.map((r, i) => r + throttled[i]!)),
  };
}

/** The window the table shows for a shard (see `HotShardFacts.loads`). */
function windowOf(shard: LabShard, seconds: number, fixed: boolean): SecondsWindow {
  if (shard.closedAtMs !== null) {
    return { fromSecond: Math.floor(shard.openedAtMs / 1000), toSecond: Math.floor(shard.closedAtMs / 1000) };
  }
  return { fromSecond: fixed ? FIX_AT_SECONDS : Math.floor(shard.openedAtMs / 1000), toSecond: seconds };
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
  const before = (s: LabShard) => sum(s.perSecond.throttled.slice(0, FIX_AT_SECONDS));
  const hot = run.shards.slice(0, workload.shards).reduce((a, b) => (before(b) > before(a) ? b : a));
  const seconds = run.durationSeconds;
  const fixed = hasFix(workspace);
  return {
    scenario,
    run,
    hotShardId: hot.shardId,
    loads: run.shards.map((s) => loadOver(s, windowOf(s, seconds, fixed))),
    afterFix: run.shards
      .filter((s) => s.status === 'OPEN')
      .map((s) => loadOver(s, { fromSecond: FIX_AT_SECONDS, toSecond: seconds })),
    hotKeyHashKey: partitionKeyHashKey(HOT_KEY),
  };
}
