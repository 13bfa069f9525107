import { millis } from '../core/index.ts';
import { createKinesisState, createStream, putRecords, type KinesisState } from '../kinesis/index.ts';

/** A 2016-era data plane with one stream, for Lambda and Spark consumer tests. */
export function streamWithShards(shards: number, name = 'clicks'): KinesisState {
  const kinesis = createKinesisState({ era: '2016' });
  const created = createStream(kinesis, { StreamName: name, ShardCount: shards }, millis(0));
  if (!created.ok) throw new Error(created.error.message);
  return kinesis;
}

/** Puts `keys.length` records (data = UTF-8 of `data(i)`) at `atMs`, in PutRecords calls of ≤ 500. */
export function putKeys(
  kinesis: KinesisState,
  atMs: number,
  keys: readonly string[],
  data: (index: number) => string = (i) => `record-${i}`,
  stream = 'clicks',
): void {
  const encoder = new TextEncoder();
  for (let start = 0; start < keys.length; start += 500) {
    const Records = keys
      .slice(start, start + 500)
      .map((key, i) => ({ PartitionKey: key, Data: encoder.encode(data(start + i)) }));
    const result = putRecords(kinesis, { StreamName: stream, Records }, millis(atMs));
    if (!result.ok) throw new Error(result.error.message);
    if (result.value.FailedRecordCount > 0)
      throw new Error(`${result.value.FailedRecordCount} records throttled`);
  }
}
