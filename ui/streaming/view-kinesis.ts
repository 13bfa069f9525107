/**
 * The Kinesis half of a console frame: each stream's shards with their ranges on the hash key space, their
 * CloudWatch windows and totals, where the producers' keys land, and the resharding lineage.
 */
import type { MetricStore } from '../../sim/core/metrics.ts';
import { kinesisLimits, streamStatus, type KinesisState, type ShardState } from '../../sim/kinesis/index.ts';
import type { LineageEdge, ShardView, StreamView } from './console-view.ts';
import { decimalFraction, describeStrategy, keyLandings } from './key-landings.ts';
import type { PartitionKeyStrategy } from './protocol.ts';
import { seriesWindow } from './series-window.ts';

/** A producer as the shard map needs it: which stream it writes to and how it picks keys. */
export interface ProducerKeys {
  readonly name: string;
  readonly stream: string;
  readonly partitionKeys: PartitionKeyStrategy;
}

/** Reshard operations by the clock time they ran at, from the action log (names the lineage's edges). */
export type ReshardLog = ReadonlyMap<number, LineageEdge['operation']>;

function shardView(shard: ShardState, metrics: MetricStore, nowMs: number): ShardView {
  const ids = shard.metricIds;
  return {
    shardId: shard.ShardId,
    parentShardId: shard.ParentShardId ?? null,
    adjacentParentShardId: shard.AdjacentParentShardId ?? null,
    startingHashKey: shard.HashKeyRange.StartingHashKey,
    endingHashKey: shard.HashKeyRange.EndingHashKey,
    startFraction: decimalFraction(shard.HashKeyRange.StartingHashKey),
    endFraction: decimalFraction((BigInt(shard.HashKeyRange.EndingHashKey) + 1n).toString()),
    status: shard.closedAt === undefined ? 'OPEN' : 'CLOSED',
    openedAtMs: shard.openedAt,
    closedAtMs: shard.closedAt ?? null,
    incomingBytes: seriesWindow(metrics, ids.incomingBytes, nowMs),
    incomingRecords: seriesWindow(metrics, ids.incomingRecords, nowMs),
    writeThrottled: seriesWindow(metrics, ids.writeThrottled, nowMs),
    readThrottled: seriesWindow(metrics, ids.readThrottled, nowMs),
    totals: {
      incomingRecords: shard.totals.incomingRecords,
      incomingBytes: shard.totals.incomingBytes,
      throttledRecords: shard.totals.throttledRecords,
    },
  };
}

/**
 * Which operation made a shard: the action log says when it knows; otherwise the shape tells — one child of
 * two parents is a merge, two children of one parent opened alone is a split, anything else UpdateShardCount.
 */
function operationOf(
  child: ShardState,
  siblings: readonly ShardState[],
  log: ReshardLog,
): LineageEdge['operation'] {
  const logged = log.get(child.openedAt);
  if (logged !== undefined) return logged;
  if (child.parentShardIds.length === 2 && siblings.length === 1) return 'MergeShards';
  if (child.parentShardIds.length === 1 && siblings.length === 2) return 'SplitShard';
  return 'UpdateShardCount';
}

/** Parent → child edges of every shard that has parents, in creation order. */
export function lineageOf(shards: readonly ShardState[], log: ReshardLog = new Map()): LineageEdge[] {
  const edges: LineageEdge[] = [];
  for (const child of shards) {
    if (child.parentShardIds.length === 0) continue;
    const siblings = shards.filter((s) => s.openedAt === child.openedAt && s.parentShardIds.length > 0);
    const operation = operationOf(child, siblings, log);
    for (const parent of child.parentShardIds) {
      edges.push({ parentShardId: parent, childShardId: child.ShardId, operation, atMs: child.openedAt });
    }
  }
  return edges;
}

/** Every stream of the account as the console shows it. */
export function streamViews(
  kinesis: KinesisState,
  metrics: MetricStore,
  nowMs: number,
  producers: readonly ProducerKeys[],
  log: ReshardLog = new Map(),
): StreamView[] {
  const limits = kinesisLimits(kinesis.era);
  return Object.values(kinesis.streams).map((stream) => {
    const open = stream.shards.filter((s) => s.closedAt === undefined);
    const writers = producers.filter((p) => p.stream === stream.StreamName);
    return {
      name: stream.StreamName,
      status: streamStatus(stream, nowMs),
      retentionHours: stream.RetentionPeriodHours,
      openShardCount: open.length,
      shards: stream.shards.map((shard) => shardView(shard, metrics, nowMs)),
      limits: {
        writeBytesPerSecond: limits.shardWriteBytesPerSecond,
        writeRecordsPerSecond: limits.shardWriteRecordsPerSecond,
        readBytesPerSecond: limits.shardReadBytesPerSecond,
        readCallsPerSecond: limits.shardReadCallsPerSecond,
      },
      keyLandings: writers.flatMap((p) => keyLandings(p.partitionKeys, open)),
      lineage: lineageOf(stream.shards, log),
      keyStrategies: writers.map((p) => ({
        producer: p.name,
        description: describeStrategy(p.partitionKeys),
      })),
    };
  });
}
