/**
 * The parts of the Kinesis PutRecords API the KPL speaks, declared structurally here so the KPL does not
 * depend on the Kinesis model's module; any object of the same shape (the AWS API's) fits.
 */

/** One entry of a PutRecords request. */
export interface PutRecordsRequestEntry {
  readonly Data: Uint8Array;
  readonly PartitionKey: string;
  readonly ExplicitHashKey?: string;
}

/** A PutRecords request. */
export interface PutRecordsInput {
  readonly StreamName: string;
  readonly Records: readonly PutRecordsRequestEntry[];
}

/** One entry of a PutRecords response: a success (ShardId, SequenceNumber) or a failure (ErrorCode). */
export interface PutRecordsResultEntry {
  readonly ShardId?: string;
  readonly SequenceNumber?: string;
  /** `ProvisionedThroughputExceededException` or `InternalFailure`. */
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
}

/** A PutRecords response: entries in request order. */
export interface PutRecordsOutput {
  readonly FailedRecordCount: number;
  readonly Records: readonly PutRecordsResultEntry[];
}

/** Bytes of a string in UTF-8, as Kinesis counts a partition key (the simulator's own function). */
export { utf8Length } from '../kinesis/index.ts';
