/**
 * The Kinesis Producer Library model: the real aggregated record format, the KCL's de-aggregation, and a
 * producer (per-shard aggregation, collection into PutRecords, RateLimit, RecordTtl, retries) driven by
 * the virtual clock.
 */
export {
  AGGREGATED_RECORD_MAGIC,
  decodeAggregatedMessage,
  encodeAggregatedRecord,
  type DecodedUserRecord,
  type UserRecord,
} from './aggregation-format.ts';
export {
  defaultKplConfig,
  KPL_DEFAULTS_SOURCE,
  RETRY_BACKOFF_BASE_MS,
  RETRY_BACKOFF_MAX_MS,
  validateKplConfig,
  type KplConfig,
} from './config.ts';
export {
  deaggregate,
  hasAggregationMagic,
  type DeaggregatedUserRecord,
  type ReceivedKinesisRecord,
} from './deaggregate.ts';
export { userRecordsOf } from './user-records.ts';
export {
  evenShardRanges,
  MAX_HASH_KEY,
  parseExplicitHashKey,
  partitionKeyHash,
  shardIndexForHashHex,
  shardIndexForHashKey,
  type ShardHashRange,
} from './hash-key.ts';
export type {
  PutRecordsInput,
  PutRecordsOutput,
  PutRecordsRequestEntry,
  PutRecordsResultEntry,
} from './kinesis-api.ts';
export {
  addUserRecordAt,
  createKplModule,
  scheduleKplFlush,
  type KplFlushEvent,
  type KplServices,
  type KplServiceState,
  type PutRecordsTransport,
  type ShardListing,
} from './module.ts';
export { updateShardMap } from './shard-map.ts';
export {
  addUserRecord,
  flushDue,
  onPutRecordsResult,
  retryBackoffMs,
  type AddUserRecordInput,
  type PutRecordsCall,
} from './producer.ts';
export {
  createKplProducer,
  type KplProducerOptions,
  type KplProducerState,
  type KplStats,
} from './producer-state.ts';
export { bufferSummary, nextDueAt, type KplBufferSummary } from './schedule.ts';
export { AGGREGATE_FRAMING_BYTES, delimitedFieldLength, varintLength } from './aggregation-format.ts';
export { utf8Length } from './kinesis-api.ts';
