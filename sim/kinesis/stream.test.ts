import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { createKinesisState, createStream, describeStream } from './stream.ts';
import { putRecords } from './put.ts';
import { getRecords, getShardIterator } from './get.ts';
import type { RecordColumns } from './record-log.ts';
import type { KinesisState } from './types.ts';

const t0 = millis(0);

describe('createStream', () => {
  it('creates ACTIVE shards with AWS ids, no parents and an ARN', () => {
    const state = createKinesisState();
    expect(createStream(state, { StreamName: 'clicks', ShardCount: 3 }, t0)).toEqual({
      ok: true,
      value: { StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks' },
    });
    const described = describeStream(state, { StreamName: 'clicks' }, t0);
    if (!described.ok) throw new Error(described.error.message);
    expect(described.value.StreamDescription.StreamStatus).toBe('ACTIVE');
    expect(described.value.StreamDescription.RetentionPeriodHours).toBe(24);
    expect(described.value.StreamDescription.Shards.map((s) => s.ShardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    expect(described.value.StreamDescription.Shards[0]!.ParentShardId).toBeUndefined();
  });

  it('refuses a duplicate name with ResourceInUseException', () => {
    const state = createKinesisState();
    createStream(state, { StreamName: 'clicks', ShardCount: 1 }, t0);
    const again = createStream(state, { StreamName: 'clicks', ShardCount: 1 }, t0);
    expect(again.ok ? undefined : again.error.code).toBe('ResourceInUseException');
  });

  it('refuses zero shards and bad names with ValidationException', () => {
    const state = createKinesisState();
    const zero = createStream(state, { StreamName: 'clicks', ShardCount: 0 }, t0);
    expect(zero.ok ? undefined : zero.error).toMatchObject({
      code: 'ValidationException',
      path: 'ShardCount',
    });
    const name = createStream(state, { StreamName: 'no spaces', ShardCount: 1 }, t0);
    expect(name.ok ? undefined : name.error).toMatchObject({
      code: 'ValidationException',
      path: 'StreamName',
    });
  });

  it('enforces the account shard limit unless raised', () => {
    const state = createKinesisState({ shardLimit: 4 });
    createStream(state, { StreamName: 'a', ShardCount: 3 }, t0);
    const over = createStream(state, { StreamName: 'b', ShardCount: 2 }, t0);
    expect(over.ok ? undefined : over.error.code).toBe('LimitExceededException');
  });

  it('accepts MaxRecordSizeInKiB only in the current era', () => {
    const old = createKinesisState();
    const refused = createStream(old, { StreamName: 'big', ShardCount: 1, MaxRecordSizeInKiB: 4096 }, t0);
    expect(refused.ok ? undefined : refused.error.code).toBe('ValidationException');
    const now = createKinesisState({ era: 'current' });
    expect(createStream(now, { StreamName: 'big', ShardCount: 1, MaxRecordSizeInKiB: 4096 }, t0).ok).toBe(
      true,
    );
    expect(now.streams.big!.maxRecordBytes).toBe(4096 * 1024);
  });

  it('reports an unknown stream with ResourceNotFoundException', () => {
    const missing = describeStream(createKinesisState(), { StreamName: 'nope' }, t0);
    expect(missing.ok ? undefined : missing.error.code).toBe('ResourceNotFoundException');
  });
});

describe('state', () => {
  it('survives a JSON round trip and carries on identically', () => {
    const run = (state: KinesisState, from: number): string[] => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) {
        const put = putRecords(
          state,
          { StreamName: 's', Records: [{ Data: Uint8Array.of(i, 255), PartitionKey: `k${i}` }] },
          millis(from + i),
        );
        if (put.ok) out.push(JSON.stringify(put.value));
      }
      return out;
    };
    const state = createKinesisState();
    createStream(state, { StreamName: 's', ShardCount: 2 }, t0);
    run(state, 0);
    const copy = JSON.parse(JSON.stringify(state)) as KinesisState;
    expect(run(copy, 100)).toEqual(run(state, 100));
    const it = getShardIterator(
      copy,
      { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' },
      millis(200),
    );
    if (!it.ok) throw new Error(it.error.message);
    const read = getRecords(copy, { ShardIterator: it.value.ShardIterator }, millis(200));
    expect(read.ok && read.value.Records.every((r) => r.Data[1] === 255)).toBe(true);
  });

  it('keeps serializing record data as text after a restore and further puts', () => {
    const state = createKinesisState();
    createStream(state, { StreamName: 's', ShardCount: 1 }, t0);
    putRecords(state, { StreamName: 's', Records: [{ Data: Uint8Array.of(1, 2), PartitionKey: 'k' }] }, t0);
    const restored = JSON.parse(JSON.stringify(state)) as KinesisState;
    putRecords(
      restored,
      { StreamName: 's', Records: [{ Data: Uint8Array.of(3, 4), PartitionKey: 'k' }] },
      millis(1),
    );
    const again = JSON.parse(JSON.stringify(restored)) as KinesisState;
    expect((again.streams.s!.shards[0]!.records as RecordColumns).data).toEqual([
      '\u0001\u0002',
      '\u0003\u0004',
    ]);
  });
});
