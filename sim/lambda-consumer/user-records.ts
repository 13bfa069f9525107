import type { KinesisRecord } from '../kinesis/index.ts';
import { deaggregate, hasAggregationMagic } from '../kpl/index.ts';

/** A user record: what the producer's code put, after KPL de-aggregation. */
export interface UserRecord {
  readonly PartitionKey: string;
  readonly Data: Uint8Array;
}

/**
 * The user records inside Kinesis records: a KPL aggregate (magic bytes F3 89 9A C2, AWS-FACTS §2.1)
 * becomes its sub-records with their own partition keys, any other record stays itself. The KCL does this
 * for its record processors (KDS23); a Lambda function needs AWS's deaggregation module for it
 * (KDS "Process serialized data using AWS Lambda with the KPL"). An aggregate whose checksum does not
 * match is kept whole, as the deaggregation modules do.
 */
export function userRecordsOf(records: readonly KinesisRecord[]): readonly UserRecord[] {
  if (!records.some((r) => hasAggregationMagic(r.Data))) return records;
  const out: UserRecord[] = [];
  for (const record of records) {
    const inner = deaggregate(record);
    if (inner.ok) for (const user of inner.value) out.push(user);
    else out.push(record);
  }
  return out;
}
