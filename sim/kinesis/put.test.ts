import { describe, expect, it } from 'vitest';
import { MetricStore } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { MAX_HASH_KEY, partitionKeyHashKey } from './hash-key.ts';
import { putRecord, putRecords, type PutRecordsRequestEntry } from './put.ts';
import { createKinesisState, createStream } from './stream.ts';

function stream(shards: number, era: '2016' | 'current' = '2016') {
  const state = createKinesisState({ era });
  createStream(state, { StreamName: 'clicks', ShardCount: shards }, millis(0));
  return state;
}

const entry = (key: string, size = 10): PutRecordsRequestEntry => ({
  Data: new Uint8Array(size),
  PartitionKey: key,
});

describe('putRecords routing', () => {
  it('sends a key to the shard whose range holds its MD5', () => {
    const state = stream(2);
    // MD5("a") = 16955…6497 < 2^127 → shard 0; MD5("b") = 19528…5343 ≥ 2^127 → shard 1.
    expect(BigInt(partitionKeyHashKey('a')) < 1n << 127n).toBe(true);
    const result = putRecords(state, { StreamName: 'clicks', Records: [entry('a'), entry('b')] }, millis(1));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.FailedRecordCount).toBe(0);
    expect(result.value.Records.map((r) => ('ShardId' in r ? r.ShardId : r.ErrorCode))).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
    ]);
  });

  it('routes by ExplicitHashKey when given', () => {
    const state = stream(2);
    const records = [
      { ...entry('b'), ExplicitHashKey: '0' },
      { ...entry('a'), ExplicitHashKey: MAX_HASH_KEY.toString() },
    ];
    const result = putRecords(state, { StreamName: 'clicks', Records: records }, millis(1));
    expect(result.ok && result.value.Records.map((r) => ('ShardId' in r ? r.ShardId : ''))).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
    ]);
  });

  it('gives strictly increasing sequence numbers within a shard', () => {
    const state = stream(1);
    const first = putRecords(state, { StreamName: 'clicks', Records: [entry('x'), entry('y')] }, millis(5));
    const second = putRecords(state, { StreamName: 'clicks', Records: [entry('z')] }, millis(5));
    if (!first.ok || !second.ok) throw new Error('put failed');
    const seqs = [...first.value.Records, ...second.value.Records].map((r) =>
      BigInt('SequenceNumber' in r ? r.SequenceNumber : '0'),
    );
    expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
  });
});

describe('putRecords validation', () => {
  it('refuses a 257-character key, naming the record', () => {
    const result = putRecords(
      stream(1),
      { StreamName: 'clicks', Records: [entry('k'), entry('x'.repeat(257))] },
      millis(0),
    );
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'ValidationException',
      path: 'Records[1].PartitionKey',
    });
  });

  it('refuses an empty key and an empty or oversized batch', () => {
    const state = stream(1);
    const empty = putRecords(state, { StreamName: 'clicks', Records: [entry('')] }, millis(0));
    expect(empty.ok ? undefined : empty.error.code).toBe('ValidationException');
    const none = putRecords(state, { StreamName: 'clicks', Records: [] }, millis(0));
    expect(none.ok ? undefined : none.error.path).toBe('Records');
    const many = putRecords(
      state,
      { StreamName: 'clicks', Records: Array.from({ length: 501 }, () => entry('k')) },
      millis(0),
    );
    expect(many.ok ? undefined : many.error.code).toBe('ValidationException');
  });

  it('refuses an ExplicitHashKey off the pattern (ValidationException) or past 2^128 − 1 (InvalidArgument)', () => {
    const put = (ExplicitHashKey: string) => {
      const result = putRecords(
        stream(1),
        { StreamName: 'clicks', Records: [{ ...entry('k'), ExplicitHashKey }] },
        millis(0),
      );
      return result.ok ? undefined : result.error.code;
    };
    expect(put('2e5')).toBe('ValidationException');
    expect(put('9'.repeat(39))).toBe('InvalidArgumentException');
  });

  it('counts the partition key toward the record size', () => {
    const state = stream(1);
    const fits = putRecord(
      state,
      { StreamName: 'clicks', Data: new Uint8Array(1_048_576 - 3), PartitionKey: 'abc' },
      millis(0),
    );
    expect(fits.ok).toBe(true);
    const over = putRecord(
      state,
      { StreamName: 'clicks', Data: new Uint8Array(1_048_576 - 3), PartitionKey: 'abcd' },
      millis(5000),
    );
    expect(over.ok ? undefined : over.error).toMatchObject({
      code: 'ValidationException',
      path: 'record.Data',
    });
    expect(over.ok ? '' : over.error.message).toContain('1,048,577 bytes');
  });

  it('writes nothing when any record is invalid', () => {
    const state = stream(1);
    putRecords(state, { StreamName: 'clicks', Records: [entry('ok'), entry('')] }, millis(0));
    expect(state.streams.clicks!.shards[0]!.totals.incomingRecords).toBe(0);
  });
});

describe('putRecords throttling', () => {
  it('fails only the records over 1,000 per second, with an AWS-like message', () => {
    const state = stream(1);
    const records = Array.from({ length: 500 }, (_, i) => entry(`k${i}`));
    for (let call = 0; call < 2; call++)
      putRecords(state, { StreamName: 'clicks', Records: records }, millis(0));
    const third = putRecords(state, { StreamName: 'clicks', Records: records }, millis(0));
    if (!third.ok) throw new Error(third.error.message);
    expect(third.value.FailedRecordCount).toBe(500);
    expect(third.value.Records[0]).toEqual({
      ErrorCode: 'ProvisionedThroughputExceededException',
      ErrorMessage: expect.stringContaining(
        'shardId-000000000000 in stream clicks under account 123456789012',
      ),
    });
    expect(state.streams.clicks!.shards[0]!.totals).toMatchObject({
      incomingRecords: 1000,
      attemptsThrottled: 500,
    });
  });

  it('counts refused attempts, not distinct records: the same entry refused twice counts twice', () => {
    // AWS: WriteProvisionedThroughputExceeded is "the number of records rejected due to throttling" per
    // call; a shard cannot tell a resend from a new record, so distinct records are the producer's count.
    const state = stream(1);
    const records = Array.from({ length: 500 }, (_, i) => entry(`k${i}`));
    for (let call = 0; call < 2; call++)
      putRecords(state, { StreamName: 'clicks', Records: records }, millis(0));
    const resent = [entry('again')];
    putRecords(state, { StreamName: 'clicks', Records: resent }, millis(0));
    putRecords(state, { StreamName: 'clicks', Records: resent }, millis(0));
    expect(state.streams.clicks!.shards[0]!.totals.attemptsThrottled).toBe(2);
  });

  it('makes PutRecord fail whole when throttled', () => {
    const state = stream(1);
    const big = { StreamName: 'clicks', Data: new Uint8Array(1_048_000), PartitionKey: 'k' };
    expect(putRecord(state, big, millis(0)).ok).toBe(true);
    const second = putRecord(state, big, millis(10));
    expect(second.ok ? undefined : second.error.code).toBe('ProvisionedThroughputExceededException');
  });

  it('records IncomingRecords, IncomingBytes and WriteProvisionedThroughputExceeded per shard', () => {
    const state = stream(1);
    const metrics = new MetricStore({ periodMillis: 1000, capacity: 10 });
    const records = Array.from({ length: 500 }, () => entry('k', 100));
    for (let call = 0; call < 3; call++)
      putRecords(state, { StreamName: 'clicks', Records: records }, millis(0), metrics);
    const dims = { StreamName: 'clicks', ShardId: 'shardId-000000000000' };
    const sums = (name: string) =>
      metrics.get({ namespace: 'AWS/Kinesis', metricName: name, dimensions: dims })!.series.toSnapshot().sums;
    expect(sums('IncomingRecords')).toEqual([1000]);
    expect(sums('IncomingBytes')).toEqual([1000 * 101]);
    expect(sums('WriteProvisionedThroughputExceeded')).toEqual([500]);
  });
});
