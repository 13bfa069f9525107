import { fail, ok, type Result } from '../core/index.ts';
import { md5Digest } from '../core/index.ts';
import {
  AGGREGATE_FRAMING_BYTES,
  AGGREGATED_RECORD_MAGIC,
  decodeAggregatedMessage,
} from './aggregation-format.ts';

/** A Kinesis record as a consumer receives it from GetRecords. */
export interface ReceivedKinesisRecord {
  readonly Data: Uint8Array;
  readonly PartitionKey: string;
  readonly SequenceNumber: string;
  readonly ExplicitHashKey?: string;
}

/** A user record as the KCL hands it to a record processor. */
export interface DeaggregatedUserRecord {
  readonly Data: Uint8Array;
  readonly PartitionKey: string;
  readonly ExplicitHashKey?: string;
  /** The Kinesis record's sequence number, shared by every user record packed in it. */
  readonly SequenceNumber: string;
  /** Position within the aggregate (0 for a record that was not aggregated); checkpoints use both numbers. */
  readonly SubSequenceNumber: number;
  /** True when the user record came out of a KPL aggregate. */
  readonly aggregated: boolean;
}

/** True when `data` starts with the KPL magic bytes F3 89 9A C2. */
export function hasAggregationMagic(data: Uint8Array): boolean {
  if (data.length < AGGREGATED_RECORD_MAGIC.length) return false;
  for (let i = 0; i < AGGREGATED_RECORD_MAGIC.length; i++) {
    if (data[i] !== AGGREGATED_RECORD_MAGIC[i]) return false;
  }
  return true;
}

/**
 * What the KCL does with each Kinesis record: a record without the magic bytes passes through as one user
 * record (sub-sequence 0); an aggregated record has its MD5 checked against its protobuf bytes and is
 * unpacked into its user records, numbered 0, 1, 2… A wrong checksum or malformed message is an
 * `AggregatedRecordCorrupted` error naming the sequence number.
 */
export function deaggregate(record: ReceivedKinesisRecord): Result<DeaggregatedUserRecord[]> {
  const data = record.Data;
  if (!hasAggregationMagic(data) || data.length < AGGREGATE_FRAMING_BYTES) {
    return ok([
      {
        Data: data,
        PartitionKey: record.PartitionKey,
        ...(record.ExplicitHashKey === undefined ? {} : { ExplicitHashKey: record.ExplicitHashKey }),
        SequenceNumber: record.SequenceNumber,
        SubSequenceNumber: 0,
        aggregated: false,
      },
    ]);
  }
  const message = data.subarray(4, data.length - 16);
  const expected = data.subarray(data.length - 16);
  const actual = md5Digest(message);
  if (!actual.every((byte, i) => byte === expected[i])) {
    return fail({
      code: 'AggregatedRecordCorrupted',
      message: `Record ${record.SequenceNumber} starts with the KPL magic bytes but its MD5 does not match its contents: the data was changed after aggregation.`,
      path: 'Data',
    });
  }
  try {
    return ok(
      decodeAggregatedMessage(message).map((user, index) => ({
        ...user,
        SequenceNumber: record.SequenceNumber,
        SubSequenceNumber: index,
        aggregated: true,
      })),
    );
  } catch (error) {
    return fail({
      code: 'AggregatedRecordCorrupted',
      message: `Record ${record.SequenceNumber} has a valid MD5 but its protobuf message cannot be read: ${(error as Error).message}.`,
      path: 'Data',
    });
  }
}
