import type { UserRecord } from './aggregation-format.ts';
import { deaggregate, hasAggregationMagic, type ReceivedKinesisRecord } from './deaggregate.ts';

/**
 * The user records inside Kinesis records: a KPL aggregate (magic bytes F3 89 9A C2, AWS-FACTS §2.1)
 * becomes its sub-records with their own partition keys, any other record stays itself. The KCL does this
 * for its record processors (KDS23); a Lambda function needs AWS's deaggregation module for it
 * (KDS "Process serialized data using AWS Lambda with the KPL"), and a Spark Streaming receiver built on
 * the KCL gets it from the KCL. An aggregate whose checksum does not match is kept whole, as the
 * deaggregation modules do.
 */
export function userRecordsOf(records: readonly ReceivedKinesisRecord[]): readonly UserRecord[] {
  if (!records.some((r) => hasAggregationMagic(r.Data))) return records;
  const out: UserRecord[] = [];
  for (const record of records) {
    const inner = deaggregate(record);
    if (inner.ok) for (const user of inner.value) out.push(user);
    else out.push(record);
  }
  return out;
}
