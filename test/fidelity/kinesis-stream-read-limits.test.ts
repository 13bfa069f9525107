/** Fidelity: Kinesis Streams read limits and iterators against AWS-FACTS §1.1, §1.4 and Numbers rows 3–7, 13, 14. */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  getRecords,
  getShardIterator,
  putRecords,
  type KinesisState,
} from '../../sim/kinesis/index.ts';

const MIB = 1_048_576;
const SHARD = 'shardId-000000000000';

/** A one-shard stream holding `count` records of `size` bytes (data + 1-byte key), written over time. */
function filled(count: number, size: number, shardLimit?: number): KinesisState {
  const state = createKinesisState(shardLimit === undefined ? {} : { shardLimit });
  createStream(state, { StreamName: 's', ShardCount: 1 }, millis(0));
  let written = 0;
  // Write at the shard's own pace (the write bucket refills 1 MiB and 1,000 records per second).
  for (let t = 0; written < count; t += 1000) {
    const n = Math.min(count - written, Math.max(1, Math.min(500, Math.floor(MIB / size))));
    const result = putRecords(
      state,
      {
        StreamName: 's',
        Records: Array.from({ length: n }, () => ({ Data: new Uint8Array(size - 1), PartitionKey: 'k' })),
      },
      millis(t),
    );
    if (!result.ok) throw new Error(result.error.message);
    written += n - result.value.FailedRecordCount;
  }
  return state;
}

function horizon(state: KinesisState, at: number): string {
  const result = getShardIterator(
    state,
    { StreamName: 's', ShardId: SHARD, ShardIteratorType: 'TRIM_HORIZON' },
    millis(at),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value.ShardIterator;
}

/** Well after the writes and well within the 24 h retention. */
const T = 1_000_000;

describe('GetRecords limits', () => {
  it('AWS-FACTS Numbers #5: one call returns at most 10,000 records', () => {
    const state = filled(12_000, 10);
    const page = getRecords(state, { ShardIterator: horizon(state, T) }, millis(T));
    expect(page.ok && page.value.Records.length).toBe(10_000);
    const limit = getRecords(state, { ShardIterator: horizon(state, T), Limit: 10_001 }, millis(T));
    expect(limit.ok ? undefined : limit.error.code).toBe('InvalidArgumentException');
  });

  it('AWS-FACTS Numbers #6 and #7: one call returns at most 10 MB, then the shard refuses reads for 5 s', () => {
    const state = filled(12, MIB);
    const page = getRecords(state, { ShardIterator: horizon(state, T) }, millis(T));
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.Records.length).toBe(10);
    const next = page.value.NextShardIterator!;
    const soon = getRecords(state, { ShardIterator: next }, millis(T + 4_999));
    expect(soon.ok ? undefined : soon.error.code).toBe('ProvisionedThroughputExceededException');
    expect(getRecords(state, { ShardIterator: next }, millis(T + 5_000)).ok).toBe(true);
  });

  it('AWS-FACTS Numbers #4: 5 GetRecords calls per second per shard, shared by all consumers', () => {
    const state = filled(1, 10);
    const consumers = [horizon(state, T), horizon(state, T)];
    const outcomes = Array.from(
      { length: 6 },
      (_, i) => getRecords(state, { ShardIterator: consumers[i % 2]! }, millis(T)).ok,
    );
    expect(outcomes).toEqual([true, true, true, true, true, false]);
    // A fifth of a second later one call's worth has come back.
    expect(getRecords(state, { ShardIterator: consumers[0]! }, millis(T + 200)).ok).toBe(true);
  });

  it('AWS-FACTS Numbers #3: 2 MB/s per shard shared by all consumers (sustained reads)', () => {
    // 60 MiB in the shard; two consumers each poll once a second: together they cannot exceed 2 MiB/s.
    const state = filled(600, 100 * 1024 + 1);
    let a = horizon(state, T);
    let b = horizon(state, T);
    let bytes = 0;
    for (let s = 0; s < 10; s++) {
      for (const which of ['a', 'b'] as const) {
        const page = getRecords(
          state,
          { ShardIterator: which === 'a' ? a : b, Limit: 15 },
          millis(T + s * 1000 + (which === 'a' ? 0 : 500)),
        );
        if (!page.ok) continue;
        bytes += page.value.Records.reduce((sum, r) => sum + r.Data.length + 1, 0);
        if (which === 'a') a = page.value.NextShardIterator!;
        else b = page.value.NextShardIterator!;
      }
    }
    // Two consumers asking for 1.5 MiB each, twice a second, want 30 MiB in 10 s; the shard gives them together
    // its 2 MiB bucket plus 9.5 s × 2 MiB/s of refill (21 MiB), overdrawn by at most one call (1.5 MiB).
    expect(bytes / MIB).toBeGreaterThanOrEqual(20);
    expect(bytes / MIB).toBeLessThanOrEqual(22.5);
  });
});

describe('shard iterators', () => {
  it('AWS-FACTS Numbers #13: an iterator expires 5 minutes after it is issued', () => {
    const state = filled(1, 10);
    const iterator = horizon(state, T);
    expect(getRecords(state, { ShardIterator: iterator }, millis(T + 300_000)).ok).toBe(true);
    const late = getRecords(state, { ShardIterator: iterator }, millis(T + 300_001));
    expect(late.ok ? undefined : late.error.code).toBe('ExpiredIteratorException');
  });

  it('AWS-FACTS Numbers #14: 5 GetShardIterator calls per second per shard', () => {
    const state = filled(1, 10);
    const calls = Array.from(
      { length: 6 },
      () =>
        getShardIterator(state, { StreamName: 's', ShardId: SHARD, ShardIteratorType: 'LATEST' }, millis(T))
          .ok,
    );
    expect(calls).toEqual([true, true, true, true, true, false]);
  });
});
