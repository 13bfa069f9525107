/**
 * The Kinesis half of a console frame: each stream's shards with their ranges on the hash key space, their
 * CloudWatch windows and totals, where the producers' keys land, and the resharding lineage.
 */
import type { MetricStore } from '../../../sim/core/index.ts';
import {
  hashKeyRangeFractions,
  kinesisLimits,
  streamStatus,
  type KinesisState,
  type ShardState,
} from '../../../sim/kinesis/index.ts';
import type { RecordTotals } from '../../../sim/streaming/index.ts';
import type { LineageEdge, OmittedShardsView, ShardView, StreamView, StreamWrites } from './console-view.ts';
import { describeStrategy, keyLandings } from './key-landings.ts';
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
  const fractions = hashKeyRangeFractions(shard.HashKeyRange);
  return {
    shardId: shard.ShardId,
    parentShardId: shard.ParentShardId ?? null,
    adjacentParentShardId: shard.AdjacentParentShardId ?? null,
    startingHashKey: shard.HashKeyRange.StartingHashKey,
    endingHashKey: shard.HashKeyRange.EndingHashKey,
    startFraction: fractions.start,
    endFraction: fractions.end,
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
      attemptsThrottled: shard.totals.attemptsThrottled,
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
  // Children grouped by the time they opened, once: looking them up per child was quadratic (an
  // UpdateShardCount to 100,000 shards made ten billion comparisons per frame).
  const openedTogether = new Map<number, ShardState[]>();
  for (const shard of shards) {
    if (shard.parentShardIds.length === 0) continue;
    const group = openedTogether.get(shard.openedAt);
    if (group === undefined) openedTogether.set(shard.openedAt, [shard]);
    else group.push(shard);
  }
  const edges: LineageEdge[] = [];
  for (const child of shards) {
    if (child.parentShardIds.length === 0) continue;
    const siblings = openedTogether.get(child.openedAt)!;
    const operation = operationOf(child, siblings, log);
    for (const parent of child.parentShardIds) {
      edges.push({ parentShardId: parent, childShardId: child.ShardId, operation, atMs: child.openedAt });
    }
  }
  return edges;
}

/**
 * Most shards of one stream a frame lists one by one. A stream may have 100,000 shards (AWS raises the
 * account limit on request); posting and drawing a view of each blocked the page for minutes, and nobody
 * reads 100,000 bars. Beyond this count a frame lists the busiest open shards (and every shard a producer's
 * marked key lands on) and sums the rest in `omitted`.
 */
export const MAX_SHARD_VIEWS = 64;

/** The shards a frame lists: all of them, or the busiest open ones and those keys land on, in stream order. */
function shownShards(shards: readonly ShardState[], landed: ReadonlySet<string>): readonly ShardState[] {
  if (shards.length <= MAX_SHARD_VIEWS) return shards;
  const busiest = shards
    .filter((s) => s.closedAt === undefined && !landed.has(s.ShardId))
    .sort((a, b) => b.totals.incomingRecords - a.totals.incomingRecords)
    .slice(0, Math.max(0, MAX_SHARD_VIEWS - landed.size));
  const keep = new Set([...landed, ...busiest.map((s) => s.ShardId)]);
  return shards.filter((s) => keep.has(s.ShardId));
}

/** What the shards a frame does not list add up to. */
function omittedTotals(shards: readonly ShardState[], shown: readonly ShardState[]): OmittedShardsView {
  const listed = new Set(shown.map((s) => s.ShardId));
  const omitted = { shards: 0, openShards: 0, incomingRecords: 0, incomingBytes: 0, attemptsThrottled: 0 };
  for (const shard of shards) {
    if (listed.has(shard.ShardId)) continue;
    omitted.shards += 1;
    if (shard.closedAt === undefined) omitted.openShards += 1;
    omitted.incomingRecords += shard.totals.incomingRecords;
    omitted.incomingBytes += shard.totals.incomingBytes;
    omitted.attemptsThrottled += shard.totals.attemptsThrottled;
  }
  return omitted;
}

const NO_WRITES: StreamWrites = {
  recordsOffered: 0,
  recordsAccepted: 0,
  recordsThrottled: 0,
  attemptsThrottled: 0,
  recordsDropped: 0,
};

function writesOf(totals: RecordTotals | undefined): StreamWrites {
  if (totals === undefined) return NO_WRITES;
  const { recordsOffered, recordsAccepted, recordsThrottled, attemptsThrottled, recordsDropped } = totals;
  return { recordsOffered, recordsAccepted, recordsThrottled, attemptsThrottled, recordsDropped };
}

/**
 * Every stream of the account as the console shows it; `writes` gives, by stream name, what its producers
 * offered and what became of it over the whole run so far (sim/streaming's `recordTotalsByStream`).
 */
export function streamViews(
  kinesis: KinesisState,
  metrics: MetricStore,
  nowMs: number,
  producers: readonly ProducerKeys[],
  log: ReshardLog = new Map(),
  writes: ReadonlyMap<string, RecordTotals> = new Map(),
): StreamView[] {
  const limits = kinesisLimits(kinesis.era);
  return Object.values(kinesis.streams).map((stream) => {
    const open = stream.shards.filter((s) => s.closedAt === undefined);
    const writers = producers.filter((p) => p.stream === stream.StreamName);
    const landings = writers.flatMap((p) => keyLandings(p.partitionKeys, open));
    const shown = shownShards(stream.shards, new Set(landings.map((l) => l.shardId)));
    const listed = new Set(shown.map((s) => s.ShardId));
    const lineage = lineageOf(stream.shards, log);
    return {
      name: stream.StreamName,
      status: streamStatus(stream, nowMs),
      retentionHours: stream.RetentionPeriodHours,
      openShardCount: open.length,
      writes: writesOf(writes.get(stream.StreamName)),
      shards: shown.map((shard) => shardView(shard, metrics, nowMs)),
      ...(shown.length < stream.shards.length ? { omitted: omittedTotals(stream.shards, shown) } : {}),
      limits: {
        writeBytesPerSecond: limits.shardWriteBytesPerSecond,
        writeRecordsPerSecond: limits.shardWriteRecordsPerSecond,
        readBytesPerSecond: limits.shardReadBytesPerSecond,
        readCallsPerSecond: limits.shardReadCallsPerSecond,
      },
      keyLandings: landings,
      lineage:
        shown.length === stream.shards.length
          ? lineage
          : lineage.filter((e) => listed.has(e.childShardId) && listed.has(e.parentShardId)),
      keyStrategies: writers.map((p) => ({
        producer: p.name,
        description: describeStrategy(p.partitionKeys),
      })),
      api: { era: kinesis.era, allowUpdateShardCount: kinesis.allowUpdateShardCount },
    };
  });
}
