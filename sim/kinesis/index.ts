/**
 * Kinesis Streams data plane: plain functions `(state, request, now, metrics?) → Result` over a plain,
 * JSON-serializable `KinesisState`, so the model runs inside simulation handlers and snapshots with them.
 */
export type {
  KinesisError,
  KinesisErrorCode,
  KinesisState,
  ShardState,
  ShardTotals,
  StreamState,
} from './types.ts';
export { kinesisLimits, MAX_CONFIGURABLE_RECORD_KIB, type KinesisEra, type KinesisLimits } from './limits.ts';
export {
  evenSplit,
  HASH_KEY_PATTERN,
  HASH_KEY_SPACE,
  hashKeyFraction,
  hashKeyHex,
  hashKeyRangeContains,
  hashKeyRangeFractions,
  hashKeyRangeMidpoint,
  hashKeyRangesAdjacent,
  MAX_HASH_KEY,
  md5HashKey,
  openShardForHashKey,
  parseHashKey,
  partitionKeyHashKey,
  type HashKeyRange,
} from './hash-key.ts';
export { findRange, hashPartitionKey, type PartitionKeyHash } from './fast-route.ts';
export {
  checkExplicitHashKey,
  checkNewStartingHashKey,
  checkPartitionKey,
  codePointLength,
  shardNotFound,
  type ShardToSplit,
} from './checks.ts';
export {
  createKinesisState,
  createStream,
  describeStream,
  limitsOf,
  streamStatus,
  type CreateStreamRequest,
  type KinesisOptions,
  type ShardDescription,
  type StreamDescription,
} from './stream.ts';
export { KINESIS_NAMESPACE, shardIdOf } from './shard.ts';
export {
  putRecord,
  putRecords,
  type PutRecordRequest,
  type PutRecordsRequest,
  type PutRecordsRequestEntry,
  type PutRecordsResponse,
  type PutRecordsResultEntry,
  type PutRecordsResultFailure,
  type PutRecordsResultSuccess,
} from './put.ts';
export {
  getRecords,
  getShardIterator,
  type GetRecordsRequest,
  type GetRecordsResponse,
  type GetShardIteratorRequest,
  type KinesisRecord,
  type ShardIteratorType,
} from './get.ts';
export {
  decreaseStreamRetentionPeriod,
  increaseStreamRetentionPeriod,
  type RetentionRequest,
} from './retention.ts';
export {
  mergeShards,
  RESHARD_UPDATING_MILLIS,
  splitShard,
  updateShardCount,
  type MergeShardsRequest,
  type SplitShardRequest,
  type UpdateShardCountRequest,
  type UpdateShardCountResponse,
} from './reshard.ts';
export { THROUGHPUT_ACCOUNTING } from './throughput.ts';
export { kinesisCost, shardHours, type KinesisCostLine } from './cost.ts';
export { parseSequenceNumber } from './sequence.ts';
export { bytesToBinary, binaryToBytes, utf8Length } from './data.ts';
export { RecordLog, type RecordColumns } from './record-log.ts';
export { recordsAfter } from './unread.ts';
