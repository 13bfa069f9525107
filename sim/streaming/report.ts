import { bytes, hours, millis, type Bytes, type Hours, type Millis } from '../core/index.ts';
import type { RateRunSummary } from './rate-level.ts';
import type { StreamingServices } from './services.ts';

/** One shard in the report: its place in the hash key space, its lineage and what it took. */
export interface ShardReport {
  readonly shardId: string;
  readonly parentShardId: string | null;
  readonly adjacentParentShardId: string | null;
  /** Decimal strings, as DescribeStream gives them. */
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly openedAtMs: Millis;
  /** When SplitShard, MergeShards or UpdateShardCount closed it; null while open. */
  readonly closedAtMs: Millis | null;
  readonly incomingRecords: number;
  /** Data + partition key bytes, as IncomingBytes counts them. */
  readonly incomingBytes: Bytes;
  /**
   * Put attempts refused with ProvisionedThroughputExceededException (WriteProvisionedThroughputExceeded):
   * every refused entry, so a record resent and refused again counts twice, and a KPL aggregate counts
   * once. How many distinct records were throttled is in the producers section.
   */
  readonly attemptsThrottled: number;
  readonly getRecordsCalls: number;
  readonly outgoingRecords: number;
  readonly outgoingBytes: Bytes;
}

/** One stream in the report. */
export interface StreamReport {
  readonly name: string;
  readonly retentionHours: Hours;
  readonly openShards: number;
  readonly shards: readonly ShardReport[];
  readonly totals: {
    readonly incomingRecords: number;
    readonly incomingBytes: Bytes;
    readonly attemptsThrottled: number;
  };
}

/** The `streams` section: every stream with every shard, open and closed, in creation order. */
export function streamsReport(
  services: Pick<StreamingServices, 'level' | 'streams' | 'kinesis'>,
): StreamReport[] {
  const rate = services.level.rate;
  if (rate !== null) return rateStreamsReport(rate);
  return services.streams.map((name): StreamReport => {
    const stream = services.kinesis.streams[name]!;
    const shards = stream.shards.map((shard): ShardReport => ({
      shardId: shard.ShardId,
      parentShardId: shard.ParentShardId ?? null,
      adjacentParentShardId: shard.AdjacentParentShardId ?? null,
      startingHashKey: shard.HashKeyRange.StartingHashKey,
      endingHashKey: shard.HashKeyRange.EndingHashKey,
      openedAtMs: millis(shard.openedAt),
      closedAtMs: shard.closedAt === undefined ? null : millis(shard.closedAt),
      incomingRecords: shard.totals.incomingRecords,
      incomingBytes: bytes(shard.totals.incomingBytes),
      attemptsThrottled: shard.totals.attemptsThrottled,
      getRecordsCalls: shard.totals.getRecordsCalls,
      outgoingRecords: shard.totals.outgoingRecords,
      outgoingBytes: bytes(shard.totals.outgoingBytes),
    }));
    return withTotals(name, hours(stream.RetentionPeriodHours), shards);
  });
}

function withTotals(name: string, retentionHours: Hours, shards: ShardReport[]): StreamReport {
  const sum = (pick: (s: ShardReport) => number): number => shards.reduce((t, s) => t + pick(s), 0);
  return {
    name,
    retentionHours,
    openShards: shards.filter((s) => s.closedAtMs === null).length,
    shards,
    totals: {
      incomingRecords: sum((s) => s.incomingRecords),
      incomingBytes: bytes(sum((s) => s.incomingBytes)),
      attemptsThrottled: sum((s) => s.attemptsThrottled),
    },
  };
}

/** The same section from a rate-level run: reads are not modelled per shard there (outgoing counts are 0). */
function rateStreamsReport(rate: RateRunSummary): StreamReport[] {
  return rate.streams.map((stream) =>
    withTotals(
      stream.name,
      stream.retentionHours,
      stream.shards.map((s) => ({
        shardId: s.shardId,
        parentShardId: s.parentShardId,
        adjacentParentShardId: s.adjacentParentShardId,
        startingHashKey: s.startingHashKey,
        endingHashKey: s.endingHashKey,
        openedAtMs: s.openedAtMs,
        closedAtMs: s.closedAtMs,
        incomingRecords: s.incomingRecords,
        incomingBytes: s.incomingBytes,
        attemptsThrottled: s.attemptsThrottled,
        getRecordsCalls: s.getRecordsCalls,
        outgoingRecords: 0,
        outgoingBytes: bytes(0),
      })),
    ),
  );
}
