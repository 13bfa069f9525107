import { MILLIS_PER_HOUR, type MetricId } from '../core/index.ts';
import { hashKeyHex, type HashKeyRange } from './hash-key.ts';
import type { KinesisLimits } from './limits.ts';
import { liveRecordLog, RecordLog } from './record-log.ts';
import { sequenceNumber, sequencePrefix } from './sequence.ts';
import type { ShardMetricIds, ShardState, StreamState } from './types.ts';

/** CloudWatch namespace of Kinesis Streams metrics. */
export const KINESIS_NAMESPACE = 'AWS/Kinesis';

/** `shardId-000000000007` for shard number 7. */
export function shardIdOf(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`;
}

function metricIds(streamName: string, shardId: string): ShardMetricIds {
  const dimensions = { StreamName: streamName, ShardId: shardId };
  const id = (metricName: string): MetricId => ({ namespace: KINESIS_NAMESPACE, metricName, dimensions });
  return {
    incomingBytes: id('IncomingBytes'),
    incomingRecords: id('IncomingRecords'),
    writeThrottled: id('WriteProvisionedThroughputExceeded'),
    readThrottled: id('ReadProvisionedThroughputExceeded'),
    iteratorAge: id('GetRecords.IteratorAgeMilliseconds'),
    getRecordsBytes: id('GetRecords.Bytes'),
    getRecordsRecords: id('GetRecords.Records'),
  };
}

/** Lineage of a new shard: its parents (first two as AWS names them). */
export interface ShardLineage {
  readonly parentShardIds: readonly string[];
}

/** A new, open, empty shard with full buckets, taking the stream's next shard number. */
export function openShard(
  stream: StreamState,
  range: HashKeyRange,
  lineage: ShardLineage,
  now: number,
  limits: KinesisLimits,
): ShardState {
  const index = stream.nextShardIndex++;
  const ShardId = shardIdOf(index);
  const [parent, adjacent] = lineage.parentShardIds;
  return {
    ShardId,
    index,
    ...(parent !== undefined ? { ParentShardId: parent } : {}),
    ...(adjacent !== undefined ? { AdjacentParentShardId: adjacent } : {}),
    parentShardIds: [...lineage.parentShardIds],
    HashKeyRange: range,
    startingHex: hashKeyHex(BigInt(range.StartingHashKey)),
    endingHex: hashKeyHex(BigInt(range.EndingHashKey)),
    StartingSequenceNumber: sequenceNumber(sequencePrefix(now, index), 0),
    openedAt: now,
    records: new RecordLog(),
    firstOrdinal: 0,
    nextOrdinal: 0,
    lastArrival: now,
    seqPrefix: sequencePrefix(now, index),
    seqPrefixTime: now,
    trimmedAt: now,
    writeBytesTokens: limits.shardWriteBytesPerSecond,
    writeRecordTokens: limits.shardWriteRecordsPerSecond,
    writeRefilledAt: now,
    readBytesTokens: limits.shardReadBytesPerSecond,
    readCallTokens: limits.shardReadCallsPerSecond,
    readRefilledAt: now,
    readBlockedUntil: now,
    iteratorCallTokens: limits.getShardIteratorCallsPerSecond,
    iteratorRefilledAt: now,
    totals: {
      incomingRecords: 0,
      incomingBytes: 0,
      attemptsThrottled: 0,
      getRecordsCalls: 0,
      throttledGetRecordsCalls: 0,
      outgoingRecords: 0,
      outgoingBytes: 0,
    },
    metricIds: metricIds(stream.StreamName, ShardId),
  };
}

/** Closes an open shard: no more writes; its last sequence number becomes its EndingSequenceNumber. */
export function closeShard(shard: ShardState, now: number): void {
  const last = Math.max(shard.nextOrdinal - 1, 0);
  shard.EndingSequenceNumber = sequenceNumber(sequencePrefix(shard.lastArrival, shard.index), last);
  shard.closedAt = now;
}

/** True while the shard accepts writes. */
export function isOpen(shard: ShardState): boolean {
  return shard.closedAt === undefined;
}

/**
 * Drops records older than the retention period. Arrival times never decrease within a shard, so the
 * expired records are a prefix; trimming runs at most once per simulated second per shard so that a busy
 * shard does not shift its array on every put.
 */
export function trimShard(shard: ShardState, now: number, retentionHours: number): void {
  if (now - shard.trimmedAt < 1000) return;
  shard.trimmedAt = now;
  const cutoff = now - retentionHours * MILLIS_PER_HOUR;
  const log = liveRecordLog(shard);
  if (log.length === 0 || log.arrival(0) >= cutoff) return;
  const expired = log.firstArrivalAtOrAfter(cutoff);
  log.dropOldest(expired);
  shard.firstOrdinal += expired;
}

/** True once a closed shard's retention period has passed: it is then EXPIRED and no longer listed. */
export function isExpired(shard: ShardState, now: number, retentionHours: number): boolean {
  return shard.closedAt !== undefined && now - shard.closedAt >= retentionHours * MILLIS_PER_HOUR;
}
