import type { SimError } from '../core/index.ts';
import type { MetricId } from '../core/index.ts';
import type { HashKeyRange } from './hash-key.ts';
import type { KinesisEra } from './limits.ts';
import type { RecordColumns, RecordLog } from './record-log.ts';

/**
 * Plain, JSON-serializable state of the Kinesis data plane: it lives in a simulation's `services.kinesis`
 * and is snapshotted with it. Times are virtual-clock milliseconds; hash keys are decimal strings (plus
 * their 32-digit hex form for routing). `JSON.stringify` of the state is always faithful: record data
 * turns into binary strings as it is serialized (see `RecordLog`).
 */
export interface KinesisState {
  readonly era: KinesisEra;
  /** Account id used in ARNs and throttling messages. */
  readonly accountId: string;
  readonly region: string;
  /** UpdateShardCount arrived in Nov 2016: refused in the 2016 era unless this is true. */
  readonly allowUpdateShardCount: boolean;
  /** Shards the account may have open (the era's default limit unless raised, as AWS allows on request). */
  readonly shardLimit: number;
  readonly streams: Record<string, StreamState>;
  /** Token bucket of SplitShard/MergeShards calls for the account (5 per second). */
  reshardTokens: number;
  reshardRefilledAt: number;
  /** Times of UpdateShardCount calls in the last 24 h (2016 era: counted per account and region). */
  updateShardCountCalls: number[];
}

/** One stream. */
export interface StreamState {
  readonly StreamName: string;
  readonly StreamARN: string;
  readonly createdAt: number;
  RetentionPeriodHours: number;
  /** Largest record (data + partition key) in bytes. */
  readonly maxRecordBytes: number;
  /** Every shard not yet expired, open and closed, in creation order. */
  shards: ShardState[];
  /** Number the next new shard gets (`shardId-000000000007`). */
  nextShardIndex: number;
  /** The stream is UPDATING until this time after a reshard (ACTIVE from then on). */
  updatingUntil: number;
  /** Incremented whenever the set of open shards changes, so cached routing tables know they are stale. */
  routeVersion: number;
  /** Times of UpdateShardCount calls on this stream in the last 24 h (current era: counted per stream). */
  updateShardCountCalls: number[];
}

/** CloudWatch metric ids of one shard, built once (dimensions StreamName and ShardId). */
export interface ShardMetricIds {
  readonly incomingBytes: MetricId;
  readonly incomingRecords: MetricId;
  readonly writeThrottled: MetricId;
  readonly readThrottled: MetricId;
  readonly iteratorAge: MetricId;
  readonly getRecordsBytes: MetricId;
  readonly getRecordsRecords: MetricId;
}

/** One shard: its range and lineage, its records, its throughput buckets and running totals. */
export interface ShardState {
  readonly ShardId: string;
  readonly index: number;
  readonly ParentShardId?: string;
  readonly AdjacentParentShardId?: string;
  /** Every parent (UpdateShardCount can give a child three; AWS does that through transient shards). */
  readonly parentShardIds: readonly string[];
  readonly HashKeyRange: HashKeyRange;
  readonly startingHex: string;
  readonly endingHex: string;
  readonly StartingSequenceNumber: string;
  EndingSequenceNumber?: string;
  readonly openedAt: number;
  closedAt?: number;
  /**
   * Records still retained, oldest first, as columns (see record-log.ts): a live `RecordLog`, or plain
   * columns in a restored state until first used. Record 0 has ordinal `firstOrdinal`. A record's
   * sequence number is not stored: it follows from the shard, its arrival time and its ordinal (see
   * sequence.ts).
   */
  records: RecordLog | RecordColumns;
  firstOrdinal: number;
  /** Ordinal the next record gets (records ever written to this shard). */
  nextOrdinal: number;
  /** Arrival time of the newest record (sequence numbers never go back in time). */
  lastArrival: number;
  /** Sequence-number prefix for records arriving at `seqPrefixTime` (built once per millisecond). */
  seqPrefix: string;
  seqPrefixTime: number;
  /** Last time expired records were trimmed. */
  trimmedAt: number;
  /** Write token buckets (see throughput.ts). */
  writeBytesTokens: number;
  writeRecordTokens: number;
  writeRefilledAt: number;
  /** Read token buckets and the 10 MB penalty (see throughput.ts). */
  readBytesTokens: number;
  readCallTokens: number;
  readRefilledAt: number;
  readBlockedUntil: number;
  iteratorCallTokens: number;
  iteratorRefilledAt: number;
  readonly totals: ShardTotals;
  readonly metricIds: ShardMetricIds;
}

/** Running totals of a shard, for reports. */
export interface ShardTotals {
  incomingRecords: number;
  incomingBytes: number;
  /**
   * Put attempts refused with ProvisionedThroughputExceededException (CloudWatch's
   * WriteProvisionedThroughputExceeded): every refused PutRecords entry or PutRecord call counts, so a
   * record a producer resends and that is refused again counts twice. A shard cannot tell a resend from a
   * new record; the producers count distinct records.
   */
  attemptsThrottled: number;
  getRecordsCalls: number;
  throttledGetRecordsCalls: number;
  outgoingRecords: number;
  outgoingBytes: number;
}

/** Error codes the data plane returns, as AWS names them. */
export type KinesisErrorCode =
  | 'ValidationException'
  | 'InvalidArgumentException'
  | 'ResourceNotFoundException'
  | 'ResourceInUseException'
  | 'LimitExceededException'
  | 'ProvisionedThroughputExceededException'
  | 'ExpiredIteratorException';

/** A failed Kinesis call: AWS's error code and a sentence a learner understands. */
export interface KinesisError extends SimError {
  readonly code: KinesisErrorCode;
}
