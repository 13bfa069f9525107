/**
 * The partition-key lab's simulation: the workload (an assumption of the lab, not an AWS figure), the
 * scenario built from the learner's key strategy, and the facts the checks read from its run.
 */
import { hashKeyRangeContains, kinesisLimits, md5HashKey } from '../../sim/kinesis/index.ts';
import {
  type PartitionKeyStrategy,
  type SampledShard as LabShard,
  type SampledStreamRun as LabStreamRun,
} from '../../sim/streaming/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';
import { sampleStream, type OneStreamScenario } from '../kit/stream-scenario.ts';
import type { PartitionKeysWorkspace, WriteLimit } from './workspace.ts';

/** The lab's workload: a 4-shard stream taking 3,000 records/s of 200 bytes (assumptions). */
export const workload = {
  streamName: 'orders',
  shards: 4,
  recordsPerSecond: 3000,
  recordBytes: 200,
  durationSeconds: 10,
  /** Per-entity keys: 100 stores, Zipf exponent 1.2 (a few stores take most orders). */
  zipf: { keys: 100, exponent: 1.2 },
} as const;

const limits = kinesisLimits('2016');
/** Per-shard write limits, the same in 2016 and today: 1,000 records/s and 1 MiB/s [AWS-FACTS §1.1]. */
export const SHARD_WRITE_RECORDS_PER_SECOND = limits.shardWriteRecordsPerSecond;
export const SHARD_WRITE_BYTES_PER_SECOND = limits.shardWriteBytesPerSecond;

/** A `bdlab run` scenario file with one stream and one producer, as the lab writes it. */
export type PartitionKeysScenario = OneStreamScenario;

/** The `bdlab run` scenario for a workspace. */
export function scenarioFor(workspace: PartitionKeysWorkspace): PartitionKeysScenario {
  const partitionKeys: PartitionKeyStrategy =
    workspace.strategy === 'fixed'
      ? { strategy: 'fixed' as const, key: workspace.fixedKey }
      : workspace.strategy === 'zipf'
        ? { strategy: 'zipf' as const, ...workload.zipf }
        : { strategy: 'random' as const };
  return {
    seed: workspace.seed,
    durationSeconds: workload.durationSeconds,
    streams: [{ name: workload.streamName, shards: workload.shards }],
    producers: [
      {
        stream: workload.streamName,
        recordsPerSecond: workload.recordsPerSecond,
        recordBytes: workload.recordBytes,
        partitionKeys,
      },
    ],
  };
}

/** What the checks and the explorable read. */
export interface PartitionKeysFacts {
  readonly scenario: PartitionKeysScenario;
  readonly run: LabStreamRun;
  /** The shard the fixed key's hash key falls in. */
  readonly fixedKeyShardId: string;
  /** The shard that was offered the most records (accepted + throttled). */
  readonly busiestShardId: string;
  /** Which write limit refused records on the busiest shard, or null when none was refused. */
  readonly refusedBy: WriteLimit | null;
}

/** The shard whose range holds a partition key's MD5 hash key. */
export function shardForKey(shards: readonly LabShard[], key: string): LabShard {
  const hashKey = md5HashKey(key);
  return (
    shards.find(
      (s) =>
        s.status === 'OPEN' &&
        hashKeyRangeContains({ StartingHashKey: s.startingHashKey, EndingHashKey: s.endingHashKey }, hashKey),
    ) ?? shards[0]!
  );
}

const offered = (s: LabShard) => s.incomingRecords + s.attemptsThrottled;

/**
 * Which limit a throttled shard hit: over a run, a shard refused by the byte limit takes about 1 MiB/s,
 * one refused by the record limit about 1,000 records/s; the one it is closer to is the binding one.
 */
function bindingLimit(shard: LabShard, seconds: number): WriteLimit | null {
  if (shard.attemptsThrottled === 0) return null;
  const recordShare = shard.incomingRecords / seconds / SHARD_WRITE_RECORDS_PER_SECOND;
  const byteShare = shard.incomingBytes / seconds / SHARD_WRITE_BYTES_PER_SECOND;
  return recordShare >= byteShare ? 'records' : 'bytes';
}

const remembered = rememberRuns(
  (workspace: PartitionKeysWorkspace) => JSON.stringify(scenarioFor(workspace)),
  (workspace: PartitionKeysWorkspace) => factsOfRun(workspace),
);

/** Runs (or recalls: runs are deterministic) the simulation for a workspace. */
export function factsFor(workspace: PartitionKeysWorkspace): PartitionKeysFacts {
  return remembered(workspace);
}

function factsOfRun(workspace: PartitionKeysWorkspace): PartitionKeysFacts {
  const scenario = scenarioFor(workspace);
  const run = sampleStream(scenario);
  const busiest = run.shards.reduce((a, b) => (offered(b) > offered(a) ? b : a));
  const facts: PartitionKeysFacts = {
    scenario,
    run,
    fixedKeyShardId: shardForKey(run.shards, workspace.fixedKey).shardId,
    busiestShardId: busiest.shardId,
    refusedBy: bindingLimit(busiest, run.durationSeconds),
  };
  return facts;
}
