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

/** Bytes of a string in UTF-8, without allocating. */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}
