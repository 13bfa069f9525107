import type { JsonValue } from '../scenario/component.ts';
import type { StreamingServices } from './services.ts';

/** One shard in the report: its place in the hash key space, its lineage and what it took. */
export interface ShardReport {
  readonly shardId: string;
  readonly parentShardId: string | null;
  readonly adjacentParentShardId: string | null;
  /** Decimal strings, as DescribeStream gives them. */
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly openedAtMs: number;
  /** When SplitShard, MergeShards or UpdateShardCount closed it; null while open. */
  readonly closedAtMs: number | null;
  readonly incomingRecords: number;
  /** Data + partition key bytes, as IncomingBytes counts them. */
  readonly incomingBytes: number;
  /** Records refused with ProvisionedThroughputExceededException (WriteProvisionedThroughputExceeded). */
  readonly throttledRecords: number;
  readonly getRecordsCalls: number;
  readonly outgoingRecords: number;
  readonly outgoingBytes: number;
}

/** One stream in the report. */
export interface StreamReport {
  readonly name: string;
  readonly retentionHours: number;
  readonly openShards: number;
  readonly shards: readonly ShardReport[];
  readonly totals: {
    readonly incomingRecords: number;
    readonly incomingBytes: number;
    readonly throttledRecords: number;
  };
}

/** The `streams` section: every stream with every shard, open and closed, in creation order. */
export function streamsReport(services: StreamingServices): StreamReport[] & JsonValue {
  return services.streams.map((name): StreamReport => {
    const stream = services.kinesis.streams[name]!;
    const shards = stream.shards.map((shard): ShardReport => ({
      shardId: shard.ShardId,
      parentShardId: shard.ParentShardId ?? null,
      adjacentParentShardId: shard.AdjacentParentShardId ?? null,
      startingHashKey: shard.HashKeyRange.StartingHashKey,
      endingHashKey: shard.HashKeyRange.EndingHashKey,
      openedAtMs: shard.openedAt,
      closedAtMs: shard.closedAt ?? null,
      incomingRecords: shard.totals.incomingRecords,
      incomingBytes: shard.totals.incomingBytes,
      throttledRecords: shard.totals.throttledRecords,
      getRecordsCalls: shard.totals.getRecordsCalls,
      outgoingRecords: shard.totals.outgoingRecords,
      outgoingBytes: shard.totals.outgoingBytes,
    }));
    const sum = (pick: (s: ShardReport) => number): number => shards.reduce((t, s) => t + pick(s), 0);
    return {
      name,
      retentionHours: stream.RetentionPeriodHours,
      openShards: shards.filter((s) => s.closedAtMs === null).length,
      shards,
      totals: {
        incomingRecords: sum((s) => s.incomingRecords),
        incomingBytes: sum((s) => s.incomingBytes),
        throttledRecords: sum((s) => s.throttledRecords),
      },
    };
  }) as StreamReport[] & JsonValue;
}
