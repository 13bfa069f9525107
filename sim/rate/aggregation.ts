import { AGGREGATE_FRAMING_BYTES, delimitedFieldLength, varintLength } from '../kpl/index.ts';

/**
 * KPL aggregation at the rate level: how many Kinesis records a shard's user records become, and how big
 * they are, from the real aggregation format's byte counts (sim/kpl/aggregation-format.ts) rather than a
 * guessed overhead. Per user record an aggregate holds a `Record` message (key index + data) and, for a new
 * key, a partition-key table entry; around the message sit 4 magic bytes and a 16-byte MD5.
 */

/** The shape of one producer's aggregates on one shard. */
export interface AggregateShape {
  /** Bytes a user record adds to an aggregate (its Record message and, for a new key, its key entry). */
  readonly perUserRecordBytes: number;
  /** Bytes an aggregate carries once (framing, plus the key entry when every record shares one key). */
  readonly fixedBytes: number;
  /** Most user records an aggregate can hold within AggregationMaxSize. */
  readonly maxUserRecords: number;
}

/**
 * Shape of the aggregates of user records with `dataBytes` of data and `keyBytes`-byte partition keys.
 * `distinctKeys` is how many different keys the producer uses (1 for a hot key): with few keys the key
 * table holds each once, otherwise every user record brings its own entry, as random keys do.
 */
export function aggregateShape(
  dataBytes: number,
  keyBytes: number,
  distinctKeys: number,
  maxAggregateBytes: number,
): AggregateShape {
  const keyEntry = delimitedFieldLength(Math.round(keyBytes));
  const data = Math.round(dataBytes);
  const message = (indexBytes: number) => delimitedFieldLength(1 + indexBytes + delimitedFieldLength(data));
  const shape = (indexBytes: number): AggregateShape => {
    const sharedKeys = distinctKeys < Number.POSITIVE_INFINITY ? distinctKeys : 0;
    const perUserRecordBytes = message(indexBytes) + (sharedKeys > 0 ? 0 : keyEntry);
    const fixedBytes = AGGREGATE_FRAMING_BYTES + sharedKeys * keyEntry;
    const maxUserRecords = Math.max(1, Math.floor((maxAggregateBytes - fixedBytes) / perUserRecordBytes));
    return { perUserRecordBytes, fixedBytes, maxUserRecords };
  };
  const oneByteIndex = shape(1);
  if (distinctKeys <= 128 || oneByteIndex.maxUserRecords <= 128) return oneByteIndex;
  return shape(varintLength(oneByteIndex.maxUserRecords));
}

/**
 * Kinesis records per second that `userRecordsPerSecond` user records become on one shard. With a fixed
 * factor F: λ ÷ min(F, capacity). Otherwise the KPL's own rule: an aggregate leaves when it is full or
 * `bufferedMs` after its first record, so max(λ ÷ capacity, min(λ, 1000 ÷ bufferedMs)).
 */
export function kinesisRecordsPerSecond(
  userRecordsPerSecond: number,
  shape: AggregateShape,
  factor: number | undefined,
  bufferedMs: number,
): number {
  if (userRecordsPerSecond <= 0) return 0;
  if (factor !== undefined) return userRecordsPerSecond / Math.min(factor, shape.maxUserRecords);
  return Math.max(
    userRecordsPerSecond / shape.maxUserRecords,
    Math.min(userRecordsPerSecond, 1000 / bufferedMs),
  );
}

/**
 * Bytes of a Kinesis record carrying `userRecords` user records on average (data plus the partition key
 * Kinesis counts); a lone user record is sent as it is, as the KPL does.
 */
export function kinesisRecordBytes(
  userRecords: number,
  shape: AggregateShape,
  dataBytes: number,
  keyBytes: number,
): number {
  if (userRecords <= 1) return dataBytes + keyBytes;
  return shape.fixedBytes + userRecords * shape.perUserRecordBytes + keyBytes;
}
