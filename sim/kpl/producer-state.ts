import { limitOf } from '../pricing/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import type { KplConfig } from './config.ts';
import type { ShardHashRange } from './hash-key.ts';

/** A user record waiting in the producer, with what the producer needs to route and time it. */
export interface BufferedUserRecord {
  /** Producer-local id, in the order records were added. */
  readonly id: number;
  readonly PartitionKey: string;
  readonly ExplicitHashKey?: string;
  readonly Data: Uint8Array;
  /** Index into `shards` of the shard the record's hash key falls in. */
  readonly shardIndex: number;
  /** The `shardMapVersion` `shardIndex` was predicted with; an older one is predicted again when queued. */
  readonly shardMapVersion: number;
  /** Virtual time the application added it (RecordMaxBufferedTime and RecordTtl count from here). */
  readonly addedAtMs: number;
  /** Failed puts so far. */
  readonly attempts: number;
  /** True once a put of the record (inside an aggregate or alone) was refused for throughput. */
  readonly throttled?: true;
}

/** The aggregate being filled for one shard. */
export interface ShardAggregator {
  records: BufferedUserRecord[];
  /** Bytes of the protobuf message so far (the record adds magic and MD5 on top). */
  messageBytes: number;
  /** Partition keys already in the key table, as `"k" + key` → index (the prefix keeps keys like `__proto__` safe). */
  partitionKeys: Record<string, number>;
  partitionKeyCount: number;
  explicitHashKeys: Record<string, number>;
  explicitHashKeyCount: number;
  /** Arrival time of the oldest user record in the aggregate (meaningless while it is empty). */
  oldestAddedAtMs: number;
}

/** A Kinesis record ready to be collected into a PutRecords call. */
export interface ReadyKinesisRecord {
  readonly Data: Uint8Array;
  readonly PartitionKey: string;
  readonly ExplicitHashKey?: string;
  readonly shardIndex: number;
  /** The user records inside (one when not aggregated). */
  readonly userRecords: readonly BufferedUserRecord[];
  /** Bytes counted against limits: data + partition key. */
  readonly bytes: number;
  /** Collect by this time: the oldest user record's arrival + RecordMaxBufferedTime. */
  readonly deadlineMs: number;
}

/** A user record waiting out its back-off after a failed put. */
export interface RetryingUserRecord {
  readonly record: BufferedUserRecord;
  readonly retryAtMs: number;
}

/** Per-shard token buckets of the RateLimit (one second of the limited rate at most). */
export interface ShardRateLimiter {
  recordTokens: number[];
  byteTokens: number[];
  refilledAtMs: number;
}

/** A user record the producer gave up on. */
export interface FailedUserRecord {
  readonly id: number;
  readonly PartitionKey: string;
  /** `RecordTtlExpired`, or the last ErrorCode. */
  readonly reason: string;
  readonly atMs: number;
}

/** Running totals, for the UI and for labs' checks. */
export interface KplStats {
  userRecordsAdded: number;
  userRecordsSucceeded: number;
  /** User records that failed because RecordTtl ran out before a successful put. */
  userRecordsExpired: number;
  /** Times a user record was queued again after a failed put. */
  userRecordRetries: number;
  /** Distinct user records whose Kinesis record was refused for throughput at least once. */
  userRecordsThrottled: number;
  /**
   * User-record attempts refused for throughput: each user record inside a refused Kinesis record counts
   * once per refusal (`kinesisRecordsThrottled` counts the Kinesis records, as the shard does).
   */
  userRecordAttemptsThrottled: number;
  /** Sum over succeeded user records of (success time − added time), in ms. */
  userRecordLatencyMsSum: number;
  kinesisRecordsSent: number;
  /** Kinesis records that held more than one user record. */
  aggregatedKinesisRecordsSent: number;
  kinesisRecordsSucceeded: number;
  /** Kinesis records refused with ProvisionedThroughputExceededException. */
  kinesisRecordsThrottled: number;
  kinesisRecordsFailedOther: number;
  putRecordsCalls: number;
  /** Data + partition-key bytes sent (every attempt). */
  bytesSent: number;
  /** PUT payload units of successful Kinesis records (25 KB chunks, rounded up per record). */
  putPayloadUnits: number;
  /** Flushes in which the RateLimit held at least one ready record back. */
  rateLimitedFlushes: number;
  /** Times the shard map was replaced after resharding. */
  shardMapUpdates: number;
}

/** Most recent failures kept in the state for display. */
export const KEPT_FAILURES = 100;

/** One KPL instance writing to one stream: plain data, advanced by the functions in producer.ts. */
export interface KplProducerState {
  readonly StreamName: string;
  readonly config: KplConfig;
  /** The stream's open shards as ListShards returns them; the KPL aggregates per predicted shard. */
  shards: readonly ShardHashRange[];
  /** Counts shard-map updates; user records remember the version their shard was predicted with. */
  shardMapVersion: number;
  /**
   * True once a put landed on another shard than predicted (the stream was resharded): the map needs
   * refreshing with `updateShardMap`.
   */
  shardMapStale: boolean;
  /** The shard write limits RateLimit is a percentage of (from the price book). */
  readonly shardRecordsPerSecond: number;
  readonly shardBytesPerSecond: number;
  /** Bytes per PUT payload unit (from the price book). */
  readonly payloadUnitBytes: number;
  /** Largest Kinesis record, data + partition key (from the price book: 1 MiB). */
  readonly maxRecordBytes: number;
  aggregators: ShardAggregator[];
  /** Kinesis records ready to be collected, per shard index, oldest first. */
  outbox: ReadyKinesisRecord[][];
  /** Kinesis records and their bytes over all of `outbox`. */
  outboxCount: number;
  outboxBytes: number;
  retries: RetryingUserRecord[];
  /** Earliest `retryAtMs` of `retries`, or null when there are none. */
  nextRetryAtMs: number | null;
  limiter: ShardRateLimiter;
  /** Kinesis records of calls sent and not yet answered, by request id. */
  readonly inFlight: Record<string, readonly ReadyKinesisRecord[]>;
  nextUserRecordId: number;
  nextRequestId: number;
  readonly stats: KplStats;
  failures: FailedUserRecord[];
}

/** An empty aggregator. */
export function emptyAggregator(): ShardAggregator {
  return {
    records: [],
    messageBytes: 0,
    partitionKeys: {},
    partitionKeyCount: 0,
    explicitHashKeys: {},
    explicitHashKeyCount: 0,
    oldestAddedAtMs: 0,
  };
}

/** What a producer needs to start. */
export interface KplProducerOptions {
  readonly StreamName: string;
  readonly shards: readonly ShardHashRange[];
  readonly config: KplConfig;
  /** Shard limits and the payload-unit size come from the book. */
  readonly book: PriceBook;
  readonly now: number;
}

/** A producer with empty buffers and full rate-limit buckets. */
export function createKplProducer(options: KplProducerOptions): KplProducerState {
  const { config, book, shards } = options;
  const shardRecordsPerSecond = limitOf(book, 'kinesis.shardWriteRecordsPerSecond').value;
  const shardBytesPerSecond = limitOf(book, 'kinesis.shardWriteBytesPerSecond').value;
  const share = config.RateLimit / 100;
  return {
    StreamName: options.StreamName,
    config,
    shards,
    shardMapVersion: 0,
    shardMapStale: false,
    shardRecordsPerSecond,
    shardBytesPerSecond,
    payloadUnitBytes: limitOf(book, 'kinesis.putPayloadUnitBytes').value,
    maxRecordBytes: limitOf(book, 'kinesis.maxRecordBytes').value,
    aggregators: shards.map(emptyAggregator),
    outbox: shards.map(() => []),
    outboxCount: 0,
    outboxBytes: 0,
    retries: [],
    nextRetryAtMs: null,
    limiter: {
      recordTokens: shards.map(() => shardRecordsPerSecond * share),
      byteTokens: shards.map(() => shardBytesPerSecond * share),
      refilledAtMs: options.now,
    },
    inFlight: {},
    nextUserRecordId: 0,
    nextRequestId: 0,
    stats: {
      userRecordsAdded: 0,
      userRecordsSucceeded: 0,
      userRecordsExpired: 0,
      userRecordRetries: 0,
      userRecordsThrottled: 0,
      userRecordAttemptsThrottled: 0,
      userRecordLatencyMsSum: 0,
      kinesisRecordsSent: 0,
      aggregatedKinesisRecordsSent: 0,
      kinesisRecordsSucceeded: 0,
      kinesisRecordsThrottled: 0,
      kinesisRecordsFailedOther: 0,
      putRecordsCalls: 0,
      bytesSent: 0,
      putPayloadUnits: 0,
      rateLimitedFlushes: 0,
      shardMapUpdates: 0,
    },
    failures: [],
  };
}
