import { limitOf, PRICE_BOOKS, type LimitId, type LimitUnits } from '../pricing/index.ts';
import type { Era } from '../core/index.ts';
import {
  bytes,
  callsPerSecond,
  count,
  MIB,
  millis,
  type Bytes,
  type BytesPerSecond,
  type CallsPerSecond,
  type Count,
  type Hours,
  type Millis,
  type RecordsPerSecond,
} from '../core/index.ts';

/**
 * The Kinesis Streams limits the data plane enforces, per era. Limits already recorded in sim/pricing
 * (with their sources) are read from there; the others carry their AWS-FACTS row and source tag here.
 */
export type KinesisEra = Era;

/** Every number the stream model enforces, for one era. */
export interface KinesisLimits {
  readonly era: KinesisEra;
  /** Row 1: write bandwidth per shard, data blob + partition key (bytes/s). */
  readonly shardWriteBytesPerSecond: BytesPerSecond;
  /** Row 2: records written per shard per second. */
  readonly shardWriteRecordsPerSecond: RecordsPerSecond;
  /** Row 3: read bandwidth per shard, shared by every consumer (bytes/s). */
  readonly shardReadBytesPerSecond: BytesPerSecond;
  /** Row 4: GetRecords calls per shard per second. */
  readonly shardReadCallsPerSecond: CallsPerSecond;
  /** Row 5: records one GetRecords call returns at most (and the largest `Limit`). */
  readonly getRecordsMaxRecords: Count;
  /** Row 6: bytes one GetRecords call returns at most. */
  readonly getRecordsMaxBytes: Bytes;
  /** Row 7: after a GetRecords call that returned the full 10 MB, further calls fail for this long (ms). */
  readonly getRecordsPenaltyMillis: Millis;
  /** Row 8: largest record, data blob + partition key (bytes). */
  readonly maxRecordBytes: Bytes;
  /** Row 9: records in one PutRecords request. */
  readonly putRecordsMaxRecords: Count;
  /** Row 10: bytes in one PutRecords request, partition keys included. */
  readonly putRecordsMaxBytes: Bytes;
  /** Row 11: partition key length, in characters. */
  readonly partitionKeyMaxLength: number;
  /** Row 13: shard iterator lifetime (ms). */
  readonly shardIteratorLifetimeMillis: Millis;
  /** Row 14: GetShardIterator calls per shard per second. */
  readonly getShardIteratorCallsPerSecond: CallsPerSecond;
  /** Row 15: default (and minimum) retention, hours. */
  readonly retentionDefaultHours: Hours;
  /** Row 16: longest retention, hours. */
  readonly retentionMaxHours: Hours;
  /** Row 17: SplitShard + MergeShards calls per account per second. */
  readonly reshardCallsPerSecond: CallsPerSecond;
  /** Row 18: UpdateShardCount calls per rolling 24 h (per account-region in Nov 2016, per stream today). */
  readonly updateShardCountCallsPer24Hours: number;
  /**
   * Row 19: UpdateShardCount may not scale a stream up past this many shards, nor scale a stream that has
   * more down unless the result is fewer (a default limit, raised on request).
   */
  readonly updateShardCountMaxShardsPerStream: Count;
  /** Row 21: default shard limit per account and region. */
  readonly defaultShardLimit: Count;
}

/** Row 7: the 5-second penalty after a 10 MB read [BK16 GetRecords doc, KDS23]. */
const GET_RECORDS_PENALTY_MILLIS = 5000;

function fromBook<Id extends LimitId>(era: KinesisEra, id: Id): LimitUnits[Id] {
  return limitOf(PRICE_BOOKS[era], id).value;
}

/** The limits of an era: 2016 (the workshop, the default) or today. */
export function kinesisLimits(era: KinesisEra): KinesisLimits {
  const current = era === 'current';
  return {
    era,
    shardWriteBytesPerSecond: fromBook(era, 'kinesis.shardWriteBytesPerSecond'),
    shardWriteRecordsPerSecond: fromBook(era, 'kinesis.shardWriteRecordsPerSecond'),
    shardReadBytesPerSecond: fromBook(era, 'kinesis.shardReadBytesPerSecond'),
    shardReadCallsPerSecond: fromBook(era, 'kinesis.shardReadCallsPerSecond'),
    // Rows 5 and 6 [BK16 GetRecordsInput.Limit 1–10,000; "up to 10 MB"; MB means MiB in 2016 docs].
    getRecordsMaxRecords: count(10_000),
    getRecordsMaxBytes: bytes(10 * MIB),
    getRecordsPenaltyMillis: millis(GET_RECORDS_PENALTY_MILLIS),
    // Row 8 [BK16, BKnow]: 1 MiB in 2016; today a stream can be configured up to 10 MiB (default 1 MiB).
    maxRecordBytes: fromBook(era, 'kinesis.maxRecordBytes'),
    // Rows 9 and 10 [BK16; BKnow]: 500 records; 5 MB per request in 2016, 10 MiB today.
    putRecordsMaxRecords: count(500),
    putRecordsMaxBytes: bytes(current ? 10 * MIB : 5 * MIB),
    // Row 11 [BK16 shape PartitionKey min 1 max 256].
    partitionKeyMaxLength: 256,
    // Rows 13 and 14 [BK16]: iterators live 5 minutes; 5 GetShardIterator calls/s per open shard.
    shardIteratorLifetimeMillis: millis(5 * 60 * 1000),
    getShardIteratorCallsPerSecond: callsPerSecond(5),
    retentionDefaultHours: fromBook(era, 'kinesis.retentionDefaultHours'),
    retentionMaxHours: fromBook(era, 'kinesis.retentionMaxHours'),
    // Row 17 [BK16]: 5 transactions per second per account for SplitShard and MergeShards.
    reshardCallsPerSecond: callsPerSecond(5),
    // Row 18 [BK16b; BKnow]: 2 per rolling 24 h at launch (Nov 2016), 10 per stream today.
    updateShardCountCallsPer24Hours: current ? 10 : 2,
    // Row 19: "scale up above 200 shards in a stream" in UpdateShardCount's first documentation (the API
    // model's text as aws-sdk-js shipped it in its 2017 typings, clients/kinesis.d.ts; 500 in the Dec 2017
    // docs [KDS17]); "more than 10000 shards in a stream" today [BKnow].
    updateShardCountMaxShardsPerStream: count(current ? 10_000 : 200),
    defaultShardLimit: fromBook(era, 'kinesis.defaultShardLimitPerRegion'),
  };
}

/** Largest record a stream may be configured for today (MaxRecordSizeInKiB 1,024–10,240) [BKnow]. */
export const MAX_CONFIGURABLE_RECORD_KIB = 10_240;
