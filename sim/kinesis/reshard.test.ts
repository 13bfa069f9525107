import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { getRecords, getShardIterator } from './get.ts';
import { putRecords } from './put.ts';
import { mergeShards, RESHARD_UPDATING_MILLIS, splitShard, updateShardCount } from './reshard.ts';
import { createKinesisState, createStream, describeStream, type KinesisOptions } from './stream.ts';
import type { KinesisState } from './types.ts';

const MID = (1n << 127n).toString();

function stream(shards: number, options: KinesisOptions = {}): KinesisState {
  const state = createKinesisState(options);
  createStream(state, { StreamName: 's', ShardCount: shards }, millis(0));
  return state;
}

function shards(state: KinesisState, at: number) {
  const described = describeStream(state, { StreamName: 's' }, millis(at));
  if (!described.ok) throw new Error(described.error.message);
  return described.value.StreamDescription;
}

describe('splitShard', () => {
  it('closes the parent and opens two children covering its range', () => {
    const state = stream(1);
    expect(
      splitShard(
        state,
        { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: MID },
        millis(5),
      ).ok,
    ).toBe(true);
    const description = shards(state, 5);
    expect(description.StreamStatus).toBe('UPDATING');
    const [parent, low, high] = description.Shards;
    expect(parent!.SequenceNumberRange.EndingSequenceNumber).toMatch(/^49\d{54}$/);
    expect(low).toMatchObject({ ShardId: 'shardId-000000000001', ParentShardId: 'shardId-000000000000' });
    expect(low!.HashKeyRange).toEqual({ StartingHashKey: '0', EndingHashKey: (1n << 127n) - 1n + '' });
    expect(high!.HashKeyRange.StartingHashKey).toBe(MID);
    expect(low!.SequenceNumberRange.EndingSequenceNumber).toBeUndefined();
    expect(shards(state, 5 + RESHARD_UPDATING_MILLIS).StreamStatus).toBe('ACTIVE');
  });

  it('routes writes to the children at once', () => {
    const state = stream(1);
    splitShard(
      state,
      { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: MID },
      millis(5),
    );
    const put = putRecords(
      state,
      {
        StreamName: 's',
        Records: [
          { Data: new Uint8Array(1), PartitionKey: 'a' },
          { Data: new Uint8Array(1), PartitionKey: 'b' },
        ],
      },
      millis(6),
    );
    expect(put.ok && put.value.Records.map((r) => ('ShardId' in r ? r.ShardId : ''))).toEqual([
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
  });

  it('refuses a hash key outside the parent, a closed parent and a reshard while UPDATING', () => {
    const state = stream(2);
    const outside = splitShard(
      state,
      { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: MID },
      millis(0),
    );
    expect(outside.ok ? undefined : outside.error).toMatchObject({
      code: 'InvalidArgumentException',
      path: 'NewStartingHashKey',
    });
    expect(
      splitShard(
        state,
        { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' },
        millis(0),
      ).ok,
    ).toBe(true);
    const busy = splitShard(
      state,
      { StreamName: 's', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: (3n << 126n).toString() },
      millis(1),
    );
    expect(busy.ok ? undefined : busy.error.code).toBe('ResourceInUseException');
    const closed = splitShard(
      state,
      { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '10' },
      millis(RESHARD_UPDATING_MILLIS),
    );
    // A closed shard is not "in use": AWS answers InvalidArgumentException (test/fidelity covers the source).
    expect(closed.ok ? undefined : closed.error.code).toBe('InvalidArgumentException');
  });
});

describe('mergeShards', () => {
  it('merges two adjacent shards into one child with both parents', () => {
    const state = stream(3);
    expect(
      mergeShards(
        state,
        {
          StreamName: 's',
          ShardToMerge: 'shardId-000000000001',
          AdjacentShardToMerge: 'shardId-000000000002',
        },
        millis(0),
      ).ok,
    ).toBe(true);
    const child = shards(state, 0).Shards[3]!;
    expect(child).toMatchObject({
      ParentShardId: 'shardId-000000000001',
      AdjacentParentShardId: 'shardId-000000000002',
    });
    expect(child.HashKeyRange).toEqual({
      StartingHashKey: shards(state, 0).Shards[1]!.HashKeyRange.StartingHashKey,
      EndingHashKey: (1n << 128n) - 1n + '',
    });
  });

  it('refuses shards that are not adjacent with InvalidArgumentException', () => {
    const state = stream(3);
    const result = mergeShards(
      state,
      { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000002' },
      millis(0),
    );
    expect(result.ok ? undefined : result.error.code).toBe('InvalidArgumentException');
  });

  it('refuses an adjacent pair named the wrong way round, and says which way is right', () => {
    const state = stream(3);
    const result = mergeShards(
      state,
      { StreamName: 's', ShardToMerge: 'shardId-000000000002', AdjacentShardToMerge: 'shardId-000000000001' },
      millis(0),
    );
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'InvalidArgumentException',
      message: expect.stringMatching(/name shardId-000000000001 as ShardToMerge/),
    });
  });
});

describe('updateShardCount', () => {
  it('is refused in the 2016 era unless allowed, explaining it arrived in November 2016', () => {
    const result = updateShardCount(
      stream(2),
      { StreamName: 's', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' },
      millis(0),
    );
    expect(result.ok ? undefined : result.error.message).toContain('November 2016');
  });

  it('doubles a stream: every child has one parent and the ranges are even', () => {
    const state = stream(2, { era: 'current' });
    const result = updateShardCount(
      state,
      { StreamName: 's', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' },
      millis(0),
    );
    expect(result).toEqual({
      ok: true,
      value: { StreamName: 's', CurrentShardCount: 2, TargetShardCount: 4 },
    });
    const open = state.streams.s!.shards.filter((s) => s.closedAt === undefined);
    expect(open.map((s) => s.parentShardIds)).toEqual([
      ['shardId-000000000000'],
      ['shardId-000000000000'],
      ['shardId-000000000001'],
      ['shardId-000000000001'],
    ]);
    expect(open[1]!.HashKeyRange.StartingHashKey).toBe(((1n << 128n) / 4n).toString());
  });

  it('lists every overlapped parent, even three (5 → 3)', () => {
    const state = stream(5, { era: 'current' });
    updateShardCount(
      state,
      { StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' },
      millis(0),
    );
    const middle = state.streams.s!.shards.filter((s) => s.closedAt === undefined)[1]!;
    expect(middle.parentShardIds).toEqual([
      'shardId-000000000001',
      'shardId-000000000002',
      'shardId-000000000003',
    ]);
    expect(middle.ParentShardId).toBe('shardId-000000000001');
    expect(middle.AdjacentParentShardId).toBe('shardId-000000000002');
  });

  it('enforces half to double and the calls per 24 hours', () => {
    const state = stream(4, { era: '2016', allowUpdateShardCount: true });
    const tooMany = updateShardCount(
      state,
      { StreamName: 's', TargetShardCount: 9, ScalingType: 'UNIFORM_SCALING' },
      millis(0),
    );
    expect(tooMany.ok ? undefined : tooMany.error.code).toBe('InvalidArgumentException');
    const tooFew = updateShardCount(
      state,
      { StreamName: 's', TargetShardCount: 1, ScalingType: 'UNIFORM_SCALING' },
      millis(0),
    );
    expect(tooFew.ok ? undefined : tooFew.error.code).toBe('InvalidArgumentException');
    const gap = RESHARD_UPDATING_MILLIS;
    expect(
      updateShardCount(
        state,
        { StreamName: 's', TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' },
        millis(0),
      ).ok,
    ).toBe(true);
    expect(
      updateShardCount(
        state,
        { StreamName: 's', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' },
        millis(gap),
      ).ok,
    ).toBe(true);
    const third = updateShardCount(
      state,
      { StreamName: 's', TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' },
      millis(2 * gap),
    );
    expect(third.ok ? undefined : third.error.code).toBe('LimitExceededException');
    expect(
      updateShardCount(
        state,
        { StreamName: 's', TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' },
        millis(24 * 3_600_000),
      ).ok,
    ).toBe(true);
  });
});

describe('per-key ordering across a reshard', () => {
  const keys = ['a', 'b', 'c', 'd'];
  const PARENT = 'shardId-000000000000';
  const CHILDREN = ['shardId-000000000001', 'shardId-000000000002'];

  /** Rounds 0 and 1 go to the parent, rounds 2 and 3 to the children after a split at 20 ms. */
  function resharded(): KinesisState {
    const state = stream(1);
    const write = (round: number, at: number) =>
      putRecords(
        state,
        { StreamName: 's', Records: keys.map((k) => ({ Data: Uint8Array.of(round), PartitionKey: k })) },
        millis(at),
      );
    write(0, 0);
    write(1, 10);
    splitShard(state, { StreamName: 's', ShardToSplit: PARENT, NewStartingHashKey: MID }, millis(20));
    write(2, 30);
    write(3, 40);
    return state;
  }

  /** Reads each shard in turn until NextShardIterator is null (closed) or it has caught up (open). */
  function roundsByKey(state: KinesisState, shardIds: readonly string[]): Map<string, number[]> {
    const seen = new Map<string, number[]>();
    let t = 1000;
    for (const shardId of shardIds) {
      const first = getShardIterator(
        state,
        { StreamName: 's', ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' },
        millis(t),
      );
      if (!first.ok) throw new Error(first.error.message);
      let next: string | null = first.value.ShardIterator;
      while (next !== null) {
        t += 1000;
        const page = getRecords(state, { ShardIterator: next }, millis(t));
        if (!page.ok) throw new Error(page.error.message);
        for (const r of page.value.Records)
          seen.set(r.PartitionKey, [...(seen.get(r.PartitionKey) ?? []), r.Data[0]!]);
        const caughtUpOnOpenShard = page.value.Records.length === 0 && page.value.MillisBehindLatest === 0;
        next = caughtUpOnOpenShard ? null : page.value.NextShardIterator;
      }
    }
    return seen;
  }

  it('holds when a consumer drains the parent before reading the children', () => {
    const seen = roundsByKey(resharded(), [PARENT, ...CHILDREN]);
    for (const key of keys) expect(seen.get(key)).toEqual([0, 1, 2, 3]);
  });

  it('breaks when a consumer reads the children first', () => {
    const seen = roundsByKey(resharded(), [...CHILDREN, PARENT]);
    for (const key of keys) expect(seen.get(key)).toEqual([2, 3, 0, 1]);
  });
});
