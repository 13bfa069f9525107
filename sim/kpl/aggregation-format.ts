import protobuf from 'protobufjs/minimal.js';
import { md5Digest } from '../core/index.ts';

/**
 * The KPL aggregated record format (KPL `aggregation-format.md`, AWS-FACTS §2.1, row 35):
 * 4 magic bytes, a proto2 `AggregatedRecord` message, then the 16-byte MD5 of the message bytes.
 *
 *     message AggregatedRecord { repeated string partition_key_table = 1;
 *       repeated string explicit_hash_key_table = 2; repeated Record records = 3; }
 *     message Record { required uint64 partition_key_index = 1; optional uint64 explicit_hash_key_index = 2;
 *       required bytes data = 3; repeated Tag tags = 4; }
 */
export const AGGREGATED_RECORD_MAGIC: Readonly<Uint8Array> = new Uint8Array([0xf3, 0x89, 0x9a, 0xc2]);

/** Bytes an aggregated record adds around its protobuf message: magic (4) + MD5 (16). */
export const AGGREGATE_FRAMING_BYTES = 4 + 16;

/** One user record as the application hands it to the KPL. */
export interface UserRecord {
  readonly PartitionKey: string;
  /** Decimal string that overrides the MD5 of the partition key for routing. */
  readonly ExplicitHashKey?: string;
  readonly Data: Uint8Array;
}

// Protobuf field keys: (field number << 3) | wire type (0 = varint, 2 = length-delimited).
const PARTITION_KEY_TABLE = (1 << 3) | 2;
const EXPLICIT_HASH_KEY_TABLE = (2 << 3) | 2;
const RECORDS = (3 << 3) | 2;
const RECORD_PARTITION_KEY_INDEX = (1 << 3) | 0;
const RECORD_EXPLICIT_HASH_KEY_INDEX = (2 << 3) | 0;
const RECORD_DATA = (3 << 3) | 2;

/**
 * Bytes a protobuf varint takes for a non-negative integer (7 bits per byte). Only used to predict sizes
 * before encoding; the encoding itself is protobufjs's, and a test checks the two agree.
 */
export function varintLength(value: number): number {
  let length = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** Bytes of a length-delimited field with a one-byte key holding `length` bytes. */
export function delimitedFieldLength(length: number): number {
  return 1 + varintLength(length) + length;
}

/**
 * Encodes user records as one aggregated record. Partition keys and explicit hash keys are stored once
 * each in their tables, as the KPL does; records refer to them by index.
 */
export function encodeAggregatedRecord(records: readonly UserRecord[]): Uint8Array {
  const partitionKeys = new Map<string, number>();
  const explicitHashKeys = new Map<string, number>();
  for (const record of records) {
    if (!partitionKeys.has(record.PartitionKey)) partitionKeys.set(record.PartitionKey, partitionKeys.size);
    const ehk = record.ExplicitHashKey;
    if (ehk !== undefined && !explicitHashKeys.has(ehk)) explicitHashKeys.set(ehk, explicitHashKeys.size);
  }
  const writer = protobuf.Writer.create();
  for (const key of partitionKeys.keys()) writer.uint32(PARTITION_KEY_TABLE).string(key);
  for (const key of explicitHashKeys.keys()) writer.uint32(EXPLICIT_HASH_KEY_TABLE).string(key);
  for (const record of records) {
    writer.uint32(RECORDS).fork();
    writer.uint32(RECORD_PARTITION_KEY_INDEX).uint64(partitionKeys.get(record.PartitionKey)!);
    if (record.ExplicitHashKey !== undefined) {
      writer.uint32(RECORD_EXPLICIT_HASH_KEY_INDEX).uint64(explicitHashKeys.get(record.ExplicitHashKey)!);
    }
    writer.uint32(RECORD_DATA).bytes(record.Data);
    writer.ldelim();
  }
  const message = writer.finish();
  const out = new Uint8Array(AGGREGATE_FRAMING_BYTES + message.length);
  out.set(AGGREGATED_RECORD_MAGIC, 0);
  out.set(message, 4);
  out.set(md5Digest(message), 4 + message.length);
  return out;
}

/** A user record read back out of an aggregated record. */
export interface DecodedUserRecord {
  readonly PartitionKey: string;
  readonly ExplicitHashKey?: string;
  readonly Data: Uint8Array;
}

function toIndex(value: number | protobuf.Long): number {
  return typeof value === 'number' ? value : protobuf.util.LongBits.from(value).toNumber(true);
}

/**
 * Decodes the protobuf `AggregatedRecord` message (without magic and MD5). Throws on malformed protobuf or
 * an index outside its key table; {@link deaggregate} turns that into an error value.
 */
export function decodeAggregatedMessage(message: Uint8Array): DecodedUserRecord[] {
  const reader = protobuf.Reader.create(message);
  const partitionKeys: string[] = [];
  const explicitHashKeys: string[] = [];
  const raw: { pk: number; ehk?: number; data: Uint8Array }[] = [];
  while (reader.pos < reader.len) {
    const key = reader.uint32();
    if (key === PARTITION_KEY_TABLE) partitionKeys.push(reader.string());
    else if (key === EXPLICIT_HASH_KEY_TABLE) explicitHashKeys.push(reader.string());
    else if (key === RECORDS) {
      const end = reader.uint32() + reader.pos;
      let pk = -1;
      let ehk: number | undefined;
      let data: Uint8Array | undefined;
      while (reader.pos < end) {
        const field = reader.uint32();
        if (field === RECORD_PARTITION_KEY_INDEX) pk = toIndex(reader.uint64());
        else if (field === RECORD_EXPLICIT_HASH_KEY_INDEX) ehk = toIndex(reader.uint64());
        else if (field === RECORD_DATA) data = reader.bytes();
        else reader.skipType(field & 7);
      }
      if (pk < 0 || data === undefined)
        throw new Error('a Record lacks its required partition_key_index or data');
      raw.push({ pk, ...(ehk === undefined ? {} : { ehk }), data });
    } else reader.skipType(key & 7);
  }
  return raw.map((r) => {
    const partitionKey = partitionKeys[r.pk];
    if (partitionKey === undefined) throw new Error(`partition_key_index ${r.pk} is outside the key table`);
    if (r.ehk === undefined) return { PartitionKey: partitionKey, Data: r.data };
    const explicitHashKey = explicitHashKeys[r.ehk];
    if (explicitHashKey === undefined)
      throw new Error(`explicit_hash_key_index ${r.ehk} is outside the table`);
    return { PartitionKey: partitionKey, ExplicitHashKey: explicitHashKey, Data: r.data };
  });
}
