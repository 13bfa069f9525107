/**
 * Fidelity: UpdateShardCount's documented default limits (AWS-FACTS §1.6, Numbers #18–#19) beyond what
 * kinesis-stream-lifecycle.test.ts covers (½×–2× and calls per 24 h):
 * - First documented (the API model's UpdateShardCount text as aws-sdk-js shipped it in its 2017 typings,
 *   `clients/kinesis.d.ts`, with "limits, which are per region per account" and "twice per rolling 24 hour
 *   period" as at launch in Nov 2016): "scale up above 200 shards in a stream; scale a stream with more
 *   than 200 shards down unless the result is less than 200 shards" (500 in the Dec 2017 docs [KDS17]).
 *   Whether the cap was 200 on the very first day is not on record; the 2016 era uses it.
 * - Today [BKnow; API reference]: "Scale up to more than 10000 shards in a stream; Scale a stream with
 *   more than 10000 shards down unless the result is less than 10000 shards" — default limits, raised on
 *   request, so the refusal is LimitExceededException.
 * And that the children's lineage is right however the parents are cut (the sweep that replaced a
 * quadratic search is checked against the definition: a child lists every parent its range overlaps).
 */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  describeStream,
  kinesisLimits,
  splitShard,
  updateShardCount,
  type KinesisEra,
  type KinesisState,
} from '../../sim/kinesis/index.ts';

function stream(era: KinesisEra, shards: number): KinesisState {
  const state = createKinesisState({ era, allowUpdateShardCount: true, shardLimit: 100_000 });
  createStream(state, { StreamName: 's', ShardCount: shards }, millis(0));
  return state;
}

function scale(state: KinesisState, TargetShardCount: number) {
  const result = updateShardCount(
    state,
    { StreamName: 's', TargetShardCount, ScalingType: 'UNIFORM_SCALING' },
    millis(1000),
  );
  return result.ok ? 'ok' : result.error.code;
}

describe('the per-stream cap of UpdateShardCount', () => {
  it('is 200 shards at launch (2016 era, when allowed) and 10,000 today', () => {
    expect(kinesisLimits('2016').updateShardCountMaxShardsPerStream).toBe(200);
    expect(kinesisLimits('current').updateShardCountMaxShardsPerStream).toBe(10_000);
  });

  it('launch: 150 → 200 is allowed, 150 → 201 is LimitExceededException', () => {
    expect(scale(stream('2016', 150), 200)).toBe('ok');
    expect(scale(stream('2016', 150), 201)).toBe('LimitExceededException');
  });

  it('launch: a 300-shard stream may scale down to 199, not to 200 or 250', () => {
    expect(scale(stream('2016', 300), 199)).toBe('ok');
    expect(scale(stream('2016', 300), 200)).toBe('LimitExceededException');
    expect(scale(stream('2016', 300), 250)).toBe('LimitExceededException');
  });

  it('today: 6,000 → 12,000 is refused with a sentence that says what to do instead', () => {
    const result = updateShardCount(
      stream('current', 6_000),
      { StreamName: 's', TargetShardCount: 12_000, ScalingType: 'UNIFORM_SCALING' },
      millis(1000),
    );
    expect(result.ok ? '' : result.error).toMatchObject({
      code: 'LimitExceededException',
      path: 'TargetShardCount',
      message: expect.stringMatching(/more than 10,000 shards \(asked for 12,000\).*split and merge/),
    });
  });
});

describe('children list every parent their range overlaps, however the parents are cut', () => {
  function overlaps(a: { StartingHashKey: string; EndingHashKey: string }, b: typeof a): boolean {
    return (
      BigInt(a.StartingHashKey) <= BigInt(b.EndingHashKey) &&
      BigInt(b.StartingHashKey) <= BigInt(a.EndingHashKey)
    );
  }

  for (const [shards, target] of [
    [3, 5],
    [5, 3],
    [7, 13],
    [13, 7],
    [8, 16],
  ] as const) {
    it(`${shards} uneven shards → ${target}`, () => {
      const state = stream('current', shards);
      // Make the parents uneven: split the first shard near its start.
      const first = state.streams.s!.shards[0]!;
      splitShard(
        state,
        {
          StreamName: 's',
          ShardToSplit: first.ShardId,
          NewStartingHashKey: (BigInt(first.HashKeyRange.StartingHashKey) + 1000n).toString(),
        },
        millis(0),
      );
      const parents = state.streams.s!.shards.filter((s) => s.closedAt === undefined);
      const result = updateShardCount(
        state,
        { StreamName: 's', TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' },
        millis(60_000),
      );
      expect(result.ok).toBe(true);
      const described = describeStream(state, { StreamName: 's' }, millis(60_000));
      if (!described.ok) throw new Error(described.error.message);
      const children = state.streams.s!.shards.filter((s) => s.closedAt === undefined);
      expect(children).toHaveLength(target);
      for (const child of children) {
        const expected = parents
          .filter((p) => overlaps(p.HashKeyRange, child.HashKeyRange))
          .sort((a, b) => (a.startingHex < b.startingHex ? -1 : 1))
          .map((p) => p.ShardId);
        expect(child.parentShardIds).toEqual(expected);
      }
    });
  }
});
