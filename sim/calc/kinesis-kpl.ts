/**
 * How the KPL packs user records into Kinesis records (AWS-FACTS §2.1). An aggregated record is
 * 4 magic bytes + a protobuf `AggregatedRecord` + a 16-byte MD5. The per-record protobuf overhead below is
 * this model's approximation of the encoding (field tags and varint lengths), not a figure AWS publishes.
 */

/** Bytes a protobuf varint takes to encode `value`. */
export function varintBytes(value: number): number {
  let size = 1;
  let rest = Math.floor(value / 128);
  while (rest > 0) {
    size += 1;
    rest = Math.floor(rest / 128);
  }
  return size;
}

/** Magic bytes (F3 89 9A C2) + MD5 trailer: the fixed cost of one aggregated record. */
export const AGGREGATE_FIXED_OVERHEAD_BYTES = 4 + 16;

/**
 * Approximate bytes one user record adds to an aggregate: its `Record` message (partition-key index,
 * data field tag + length + data) wrapped as a repeated field, plus its partition key in the key table
 * (worst case: every user record has its own key).
 */
export function bytesPerUserRecord(dataBytes: number, partitionKeyBytes: number): number {
  const keyIndexField = 2;
  const dataField = 1 + varintBytes(dataBytes) + dataBytes;
  const recordMessage = keyIndexField + dataField;
  const wrapped = 1 + varintBytes(recordMessage) + recordMessage;
  const keyTableEntry = partitionKeyBytes > 0 ? 1 + varintBytes(partitionKeyBytes) + partitionKeyBytes : 0;
  return wrapped + keyTableEntry;
}

/** How a rate of user records is packed. */
export interface KplPacking {
  /** Approximate bytes each user record takes inside an aggregate (data + protobuf overhead). */
  readonly bytesPerUserRecord: number;
  /** How many user records fit under AggregationMaxSize. */
  readonly fitBySize: number;
  /** How many user records arrive for one shard within RecordMaxBufferedTime. */
  readonly fitByBufferTime: number;
  /** User records per Kinesis record: the smaller of the two (at least 1). */
  readonly userRecordsPerKinesisRecord: number;
  /** What limited the packing. */
  readonly limitedBy: 'size' | 'bufferTime' | 'bypass';
  /** Bytes of one Kinesis record (the aggregate blob, or the user record when aggregation is bypassed). */
  readonly kinesisRecordBytes: number;
  /** Kinesis records per second after packing. */
  readonly kinesisRecordsPerSecond: number;
}

/** Inputs of {@link packUserRecords}. */
export interface PackingInput {
  readonly userRecordsPerSecond: number;
  readonly dataBytes: number;
  readonly partitionKeyBytes: number;
  /** AggregationMaxSize, 51,200 bytes by default. */
  readonly aggregationMaxBytes: number;
  /** RecordMaxBufferedTime, 100 ms by default. */
  readonly maxBufferedTimeMs: number;
  /** Shards the stream has: the KPL aggregates per shard, so each shard's aggregate sees 1/shards of the rate. */
  readonly shards: number;
}

/** Packs a steady rate of user records into KPL aggregates. */
export function packUserRecords(input: PackingInput): KplPacking {
  const perRecord = bytesPerUserRecord(input.dataBytes, input.partitionKeyBytes);
  const fitBySize = Math.floor((input.aggregationMaxBytes - AGGREGATE_FIXED_OVERHEAD_BYTES) / perRecord);
  const arrivingPerShard = (input.userRecordsPerSecond * input.maxBufferedTimeMs) / 1000 / input.shards;
  const fitByBufferTime = Math.max(1, Math.floor(arrivingPerShard));
  if (fitBySize < 1) {
    return {
      bytesPerUserRecord: perRecord,
      fitBySize: 0,
      fitByBufferTime,
      userRecordsPerKinesisRecord: 1,
      limitedBy: 'bypass',
      kinesisRecordBytes: input.dataBytes,
      kinesisRecordsPerSecond: input.userRecordsPerSecond,
    };
  }
  const packed = Math.max(1, Math.min(fitBySize, fitByBufferTime));
  return {
    bytesPerUserRecord: perRecord,
    fitBySize,
    fitByBufferTime,
    userRecordsPerKinesisRecord: packed,
    limitedBy: fitBySize <= fitByBufferTime ? 'size' : 'bufferTime',
    kinesisRecordBytes: AGGREGATE_FIXED_OVERHEAD_BYTES + packed * perRecord,
    kinesisRecordsPerSecond: input.userRecordsPerSecond / packed,
  };
}
