import { describe, expect, it } from 'vitest';
import { MetricStore } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { getRecords, getShardIterator, type GetShardIteratorRequest, type ShardIteratorType } from './get.ts';
import { putRecords } from './put.ts';
import { splitShard } from './reshard.ts';
import { createKinesisState, createStream } from './stream.ts';
import type { KinesisState } from './types.ts';

const SHARD = 'shardId-000000000000';

function withRecords(count: number, at = 0, size = 10): KinesisState {
  const state = createKinesisState();
  createStream(state, { StreamName: 's', ShardCount: 1 }, millis(0));
  if (count > 0) put(state, count, at, size);
  return state;
}

function put(state: KinesisState, count: number, at: number, size = 10): string[] {
  const records = Array.from({ length: count }, (_, i) => ({
    Data: Uint8Array.of(i & 255, ...new Uint8Array(size - 1)),
    PartitionKey: 'k',
  }));
  const result = putRecords(state, { StreamName: 's', Records: records }, millis(at));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.Records.map((r) => ('SequenceNumber' in r ? r.SequenceNumber : r.ErrorCode));
}

function iterator(
  state: KinesisState,
  at: number,
  type: ShardIteratorType,
  extra: Partial<GetShardIteratorRequest> = {},
  shardId = SHARD,
): string {
  const result = getShardIterator(
    state,
    { StreamName: 's', ShardId: shardId, ShardIteratorType: type, ...extra },
    millis(at),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value.ShardIterator;
}

function read(state: KinesisState, shardIterator: string, at: number, limit?: number) {
  const result = getRecords(
    state,
    { ShardIterator: shardIterator, ...(limit !== undefined ? { Limit: limit } : {}) },
    millis(at),
  );
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('shard iterators', () => {
  it('TRIM_HORIZON reads from the oldest record, LATEST only what comes next', () => {
    const state = withRecords(3);
    const horizon = iterator(state, 1, 'TRIM_HORIZON');
    const latest = iterator(state, 1, 'LATEST');
    put(state, 2, 2);
    expect(read(state, horizon, 3).Records.map((r) => r.Data[0])).toEqual([0, 1, 2, 0, 1]);
    expect(read(state, latest, 3).Records.length).toBe(2);
  });

  it('AT_ and AFTER_SEQUENCE_NUMBER start at or just after a record', () => {
    const state = withRecords(0);
    const seqs = put(state, 5, 0);
    const at = read(state, iterator(state, 1, 'AT_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[2] }), 1);
    const after = read(
      state,
      iterator(state, 1, 'AFTER_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[2] }),
      1,
    );
    expect(at.Records[0]!.SequenceNumber).toBe(seqs[2]);
    expect(after.Records[0]!.SequenceNumber).toBe(seqs[3]);
  });

  it('AT_TIMESTAMP starts at the first record that arrived at or after the time', () => {
    const state = withRecords(2, 100);
    put(state, 2, 300);
    const records = read(state, iterator(state, 400, 'AT_TIMESTAMP', { Timestamp: 200 }), 400).Records;
    expect(records.map((r) => r.ApproximateArrivalTimestamp)).toEqual([300, 300]);
  });

  it('refuses a sequence number from another shard or a missing timestamp', () => {
    const state = withRecords(1);
    const wrong = getShardIterator(
      state,
      {
        StreamName: 's',
        ShardId: SHARD,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        StartingSequenceNumber: '49' + '0'.repeat(54) + '9',
      },
      millis(1),
    );
    expect(wrong.ok ? undefined : wrong.error.code).toBe('InvalidArgumentException');
    const noTime = getShardIterator(
      state,
      { StreamName: 's', ShardId: SHARD, ShardIteratorType: 'AT_TIMESTAMP' },
      millis(1),
    );
    expect(noTime.ok ? undefined : noTime.error.path).toBe('Timestamp');
    const noShard = getShardIterator(
      state,
      { StreamName: 's', ShardId: 'shardId-000000000009', ShardIteratorType: 'LATEST' },
      millis(1),
    );
    expect(noShard.ok ? undefined : noShard.error.code).toBe('ResourceNotFoundException');
  });

  it('expire after 5 minutes with ExpiredIteratorException', () => {
    const state = withRecords(1);
    const it0 = iterator(state, 0, 'TRIM_HORIZON');
    expect(getRecords(state, { ShardIterator: it0 }, millis(300_000)).ok).toBe(true);
    const late = getRecords(state, { ShardIterator: it0 }, millis(300_001));
    expect(late.ok ? undefined : late.error.code).toBe('ExpiredIteratorException');
  });

  it('allow 5 GetShardIterator calls per second per shard', () => {
    const state = withRecords(1);
    for (let i = 0; i < 5; i++) iterator(state, 0, 'LATEST');
    const sixth = getShardIterator(
      state,
      { StreamName: 's', ShardId: SHARD, ShardIteratorType: 'LATEST' },
      millis(0),
    );
    expect(sixth.ok ? undefined : sixth.error.code).toBe('ProvisionedThroughputExceededException');
    expect(
      getShardIterator(state, { StreamName: 's', ShardId: SHARD, ShardIteratorType: 'LATEST' }, millis(200))
        .ok,
    ).toBe(true);
  });

  it('refuse text that is not an iterator', () => {
    const result = getRecords(withRecords(1), { ShardIterator: 'nonsense' }, millis(0));
    expect(result.ok ? undefined : result.error.code).toBe('InvalidArgumentException');
  });
});

describe('getRecords', () => {
  it('continues with NextShardIterator and honours Limit', () => {
    const state = withRecords(5);
    const first = read(state, iterator(state, 0, 'TRIM_HORIZON'), 0, 2);
    const second = read(state, first.NextShardIterator!, 1000, 10);
    expect(first.Records.map((r) => r.Data[0])).toEqual([0, 1]);
    expect(second.Records.map((r) => r.Data[0])).toEqual([2, 3, 4]);
  });

  it('reports MillisBehindLatest: how old the last record read is while records remain, 0 when caught up', () => {
    const state = withRecords(3, 1000);
    const partial = read(state, iterator(state, 4000, 'TRIM_HORIZON'), 4000, 1);
    expect(partial.MillisBehindLatest).toBe(3000);
    expect(read(state, partial.NextShardIterator!, 5000).MillisBehindLatest).toBe(0);
  });

  it('refuses Limit 0 and 10,001', () => {
    const state = withRecords(1);
    const it0 = iterator(state, 0, 'TRIM_HORIZON');
    for (const Limit of [0, 10_001]) {
      const result = getRecords(state, { ShardIterator: it0, Limit }, millis(0));
      expect(result.ok ? undefined : result.error).toMatchObject({
        code: 'InvalidArgumentException',
        path: 'Limit',
      });
    }
  });

  it('returns null NextShardIterator once a closed shard is read to its end', () => {
    const state = withRecords(2);
    const it0 = iterator(state, 0, 'TRIM_HORIZON');
    splitShard(
      state,
      { StreamName: 's', ShardToSplit: SHARD, NewStartingHashKey: (1n << 127n).toString() },
      millis(10),
    );
    const result = read(state, it0, 20);
    expect(result.Records.length).toBe(2);
    expect(result.NextShardIterator).toBeNull();
  });

  it('trims records older than the retention period', () => {
    const state = withRecords(2, 0);
    put(state, 1, 3_600_000);
    const records = read(
      state,
      iterator(state, 24 * 3_600_000 + 1, 'TRIM_HORIZON'),
      24 * 3_600_000 + 1,
    ).Records;
    expect(records.map((r) => r.ApproximateArrivalTimestamp)).toEqual([3_600_000]);
  });

  it('records GetRecords metrics and ReadProvisionedThroughputExceeded', () => {
    const state = withRecords(4, 0, 100);
    const metrics = new MetricStore({ periodMillis: 1000, capacity: 10 });
    const it0 = iterator(state, 500, 'TRIM_HORIZON');
    for (let i = 0; i < 6; i++) getRecords(state, { ShardIterator: it0 }, millis(500), metrics);
    const dims = { StreamName: 's', ShardId: SHARD };
    const series = (metricName: string) =>
      metrics.get({ namespace: 'AWS/Kinesis', metricName, dimensions: dims })!.series.toSnapshot();
    expect(series('GetRecords.Records').sums).toEqual([20]);
    expect(series('GetRecords.Bytes').sums).toEqual([5 * 4 * 101]);
    expect(series('GetRecords.IteratorAgeMilliseconds').maximums).toEqual([500]);
    expect(series('ReadProvisionedThroughputExceeded').sums).toEqual([1]);
  });
});
