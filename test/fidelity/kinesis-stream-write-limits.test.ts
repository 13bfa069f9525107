/** Fidelity: Kinesis Streams write limits against AWS-FACTS §1.1–1.3 and Numbers rows 1, 2, 8, 9, 10, 11. */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  putRecord,
  putRecords,
  type KinesisEra,
  type KinesisState,
  type PutRecordsRequestEntry,
} from '../../sim/kinesis/index.ts';

const MIB = 1_048_576;

function oneShard(era: KinesisEra = '2016'): KinesisState {
  const state = createKinesisState({ era });
  createStream(state, { StreamName: 's', ShardCount: 1 }, millis(0));
  return state;
}

function acceptedOver(state: KinesisState, seconds: number, batch: () => PutRecordsRequestEntry[]): number {
  let accepted = 0;
  for (let ms = 0; ms < seconds * 1000; ms += 10) {
    const result = putRecords(state, { StreamName: 's', Records: batch() }, millis(ms));
    if (!result.ok) throw new Error(result.error.message);
    accepted += result.value.Records.length - result.value.FailedRecordCount;
  }
  return accepted;
}

describe('per-shard write limits', () => {
  it('AWS-FACTS Numbers #2: 1,000 records/s per shard (sustained over 60 s, small records)', () => {
    const accepted = acceptedOver(oneShard(), 60, () =>
      Array.from({ length: 50 }, (_, i) => ({ Data: new Uint8Array(1), PartitionKey: `k${i}` })),
    );
    // One second of quota in the idle bucket, then 1,000/s for the 59.99 s after the first call.
    expect(accepted).toBe(1000 + 59_990);
  });

  it('AWS-FACTS Numbers #1: 1 MB/s per shard, partition-key bytes included (sustained over 60 s)', () => {
    const key = 'k'.repeat(24);
    const size = 25_600;
    const accepted = acceptedOver(oneShard(), 60, () => [
      { Data: new Uint8Array(size - key.length), PartitionKey: key },
    ]);
    // Far below 1,000 records/s, so bytes bind: (1 MiB + 59.99 s × 1 MiB/s) ÷ 25,600 B per record.
    expect(accepted).toBe(Math.floor((MIB + 59.99 * MIB) / size));
  });
});

describe('record and request sizes', () => {
  it('AWS-FACTS Numbers #8: a record is at most 1 MiB including its partition key (2016)', () => {
    const ok = putRecord(
      oneShard(),
      { StreamName: 's', Data: new Uint8Array(MIB - 1), PartitionKey: 'k' },
      millis(0),
    );
    expect(ok.ok).toBe(true);
    const over = putRecord(
      oneShard(),
      { StreamName: 's', Data: new Uint8Array(MIB), PartitionKey: 'k' },
      millis(0),
    );
    expect(over.ok ? undefined : over.error.code).toBe('ValidationException');
  });

  it('AWS-FACTS Numbers #8: today a stream can take records up to 10 MiB when configured', () => {
    const state = createKinesisState({ era: 'current' });
    createStream(state, { StreamName: 's', ShardCount: 1, MaxRecordSizeInKiB: 10_240 }, millis(0));
    const record = putRecords(
      state,
      { StreamName: 's', Records: [{ Data: new Uint8Array(2 * MIB), PartitionKey: 'k' }] },
      millis(0),
    );
    // Accepted by validation (it still exceeds one second of a shard's 1 MiB/s bucket, so it is throttled).
    expect(record.ok && record.value.FailedRecordCount).toBe(1);
  });

  it('AWS-FACTS Numbers #9: PutRecords takes at most 500 records', () => {
    const batch = (n: number) =>
      Array.from({ length: n }, () => ({ Data: new Uint8Array(1), PartitionKey: 'k' }));
    expect(putRecords(oneShard(), { StreamName: 's', Records: batch(500) }, millis(0)).ok).toBe(true);
    const over = putRecords(oneShard(), { StreamName: 's', Records: batch(501) }, millis(0));
    expect(over.ok ? undefined : over.error.code).toBe('ValidationException');
  });

  it('AWS-FACTS Numbers #10: a PutRecords request is at most 5 MiB in 2016 and 10 MiB today', () => {
    const batch = Array.from({ length: 6 }, () => ({ Data: new Uint8Array(MIB - 1), PartitionKey: 'k' }));
    const old = putRecords(oneShard('2016'), { StreamName: 's', Records: batch }, millis(0));
    expect(old.ok ? undefined : old.error.code).toBe('InvalidArgumentException');
    expect(putRecords(oneShard('current'), { StreamName: 's', Records: batch }, millis(0)).ok).toBe(true);
    const exactly5 = Array.from({ length: 5 }, () => ({ Data: new Uint8Array(MIB - 1), PartitionKey: 'k' }));
    expect(putRecords(oneShard('2016'), { StreamName: 's', Records: exactly5 }, millis(0)).ok).toBe(true);
  });

  it('AWS-FACTS Numbers #11: a partition key has 1 to 256 characters', () => {
    const put = (key: string) =>
      putRecord(oneShard(), { StreamName: 's', Data: new Uint8Array(1), PartitionKey: key }, millis(0));
    expect(put('x'.repeat(256)).ok).toBe(true);
    expect(put('é'.repeat(256)).ok).toBe(true);
    expect(put('x'.repeat(257)).ok).toBe(false);
    expect(put('').ok).toBe(false);
  });

  it('AWS-FACTS §1.3: PutRecords is never all-or-nothing; each failure names account, stream and shard', () => {
    const state = oneShard();
    const batch = Array.from({ length: 500 }, (_, i) => ({ Data: new Uint8Array(1), PartitionKey: `k${i}` }));
    putRecords(state, { StreamName: 's', Records: batch }, millis(0));
    putRecords(state, { StreamName: 's', Records: batch }, millis(0));
    const third = putRecords(state, { StreamName: 's', Records: batch }, millis(100));
    if (!third.ok) throw new Error(third.error.message);
    expect(third.value.FailedRecordCount).toBe(400);
    expect(third.value.Records.length).toBe(500);
    expect('SequenceNumber' in third.value.Records[99]!).toBe(true);
    expect(third.value.Records[100]).toMatchObject({ ErrorCode: 'ProvisionedThroughputExceededException' });
    const message = (third.value.Records[100] as { ErrorMessage: string }).ErrorMessage;
    expect(message).toContain('123456789012');
    expect(message).toContain('stream s');
    expect(message).toContain('shardId-000000000000');
  });
});
