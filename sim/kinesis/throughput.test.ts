import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { putRecords, type PutRecordsRequestEntry } from './put.ts';
import { createKinesisState, createStream } from './stream.ts';

function oneShard() {
  const state = createKinesisState();
  createStream(state, { StreamName: 's', ShardCount: 1 }, millis(0));
  return state;
}

function accepted(state: ReturnType<typeof oneShard>, records: PutRecordsRequestEntry[], at: number): number {
  const result = putRecords(state, { StreamName: 's', Records: records }, millis(at));
  if (!result.ok) throw new Error(result.error.message);
  return records.length - result.value.FailedRecordCount;
}

const small = (n: number): PutRecordsRequestEntry[] =>
  Array.from({ length: n }, (_, i) => ({ Data: new Uint8Array(1), PartitionKey: `k${i}` }));

describe('write token buckets', () => {
  it('let an idle shard absorb one second of records at once, then refill continuously', () => {
    const state = oneShard();
    expect(accepted(state, small(500), 0) + accepted(state, small(500), 0)).toBe(1000);
    expect(accepted(state, small(10), 0)).toBe(0);
    // 250 ms later a quarter of a second's records has come back.
    expect(accepted(state, small(500), 250)).toBe(250);
  });

  it('cap the refill at one second of quota however long the shard idles', () => {
    const state = oneShard();
    accepted(state, small(500), 0);
    expect(
      accepted(state, small(500), 60_000) +
        accepted(state, small(500), 60_000) +
        accepted(state, small(500), 60_000),
    ).toBe(1000);
  });

  it('hold a sustained rate at exactly 1,000 records per second', () => {
    const state = oneShard();
    let total = 0;
    for (let ms = 0; ms < 10_000; ms += 100) total += accepted(state, small(200), ms);
    // 1,000 in the initial bucket plus 1,000/s refilled over the 9.9 s after the first call.
    expect(total).toBe(1000 + 9900);
  });

  it('count bytes, partition key included, against 1 MiB per second', () => {
    const state = oneShard();
    const record = (key: string): PutRecordsRequestEntry => ({
      Data: new Uint8Array(262_144 - key.length),
      PartitionKey: key,
    });
    // Four records of exactly 256 KiB including the key fill the 1 MiB bucket; a fifth byte does not fit.
    expect(accepted(state, [record('a'), record('b'), record('c'), record('d')], 0)).toBe(4);
    expect(accepted(state, [{ Data: new Uint8Array(0), PartitionKey: 'e' }], 0)).toBe(0);
  });
});
