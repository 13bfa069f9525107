/** Fidelity: retention and resharding against AWS-FACTS §1.5, §1.6 and Numbers rows 15–19 and 21. */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  increaseStreamRetentionPeriod,
  kinesisLimits,
  mergeShards,
  splitShard,
  updateShardCount,
  type KinesisOptions,
  type KinesisState,
} from '../../sim/kinesis/index.ts';

const DAY = 24 * 3_600_000;

function stream(shards: number, options: KinesisOptions = {}, name = 's'): KinesisState {
  const state = createKinesisState(options);
  createStream(state, { StreamName: name, ShardCount: shards }, millis(0));
  return state;
}

describe('retention', () => {
  it('AWS-FACTS Numbers #15: 24 h by default', () => {
    expect(stream(1).streams.s!.RetentionPeriodHours).toBe(24);
  });

  it('AWS-FACTS Numbers #16: at most 168 h in 2016 and 8,760 h today', () => {
    const increase = (era: '2016' | 'current', hours: number) =>
      increaseStreamRetentionPeriod(
        stream(1, { era }),
        { StreamName: 's', RetentionPeriodHours: hours },
        millis(0),
      ).ok;
    expect([increase('2016', 168), increase('2016', 169)]).toEqual([true, false]);
    expect([increase('current', 8760), increase('current', 8761)]).toEqual([true, false]);
  });
});

describe('resharding', () => {
  it('AWS-FACTS Numbers #17: SplitShard and MergeShards allow 5 calls per second per account', () => {
    const state = createKinesisState();
    for (let i = 0; i < 6; i++) createStream(state, { StreamName: `s${i}`, ShardCount: 2 }, millis(0));
    const merge = (i: number) =>
      mergeShards(
        state,
        {
          StreamName: `s${i}`,
          ShardToMerge: 'shardId-000000000000',
          AdjacentShardToMerge: 'shardId-000000000001',
        },
        millis(0),
      );
    const outcomes = [0, 1, 2, 3, 4, 5].map((i) => merge(i));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true, true, false]);
    expect(outcomes[5]!.ok ? undefined : outcomes[5]!.error.code).toBe('LimitExceededException');
  });

  it('AWS-FACTS Numbers #18: UpdateShardCount did not exist in mid-2016; 2 per 24 h at launch, 10 per stream today', () => {
    const scale = (state: KinesisState, target: number, at: number) =>
      updateShardCount(
        state,
        { StreamName: 's', TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' },
        millis(at),
      ).ok;
    expect(scale(stream(2), 4, 0)).toBe(false);
    const nov2016 = stream(2, { allowUpdateShardCount: true });
    expect([scale(nov2016, 4, 0), scale(nov2016, 2, 60_000), scale(nov2016, 4, 120_000)]).toEqual([
      true,
      true,
      false,
    ]);
    const today = stream(2, { era: 'current' });
    const calls = Array.from({ length: 11 }, (_, i) => scale(today, i % 2 === 0 ? 4 : 2, i * 60_000));
    expect(calls).toEqual([...Array<boolean>(10).fill(true), false]);
    expect(scale(today, 4, DAY)).toBe(true);
  });

  it('AWS-FACTS Numbers #19: UpdateShardCount targets ½× to 2× the current count', () => {
    const scale = (target: number) =>
      updateShardCount(
        stream(4, { era: 'current' }),
        { StreamName: 's', TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' },
        millis(0),
      ).ok;
    expect([1, 2, 3, 5, 8, 9].map(scale)).toEqual([false, true, true, true, true, false]);
  });

  it('AWS-FACTS §1.6: a reshard while the stream is UPDATING gets ResourceInUseException', () => {
    const state = stream(2);
    splitShard(
      state,
      { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' },
      millis(0),
    );
    const again = splitShard(
      state,
      { StreamName: 's', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: (3n << 126n).toString() },
      millis(1000),
    );
    expect(again.ok ? undefined : again.error.code).toBe('ResourceInUseException');
  });

  it('AWS-FACTS §1.6: only adjacent shards merge', () => {
    const state = stream(3);
    const result = mergeShards(
      state,
      { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000002' },
      millis(0),
    );
    expect(result.ok ? undefined : result.error.code).toBe('InvalidArgumentException');
  });
});

describe('account shard limit', () => {
  it('AWS-FACTS Numbers #21: 500 shards per account today; 50 assumed for 2016 (unconfirmed)', () => {
    expect(kinesisLimits('current').defaultShardLimit).toBe(500);
    expect(kinesisLimits('2016').defaultShardLimit).toBe(50);
    const state = createKinesisState();
    expect(createStream(state, { StreamName: 'a', ShardCount: 50 }, millis(0)).ok).toBe(true);
    const over = createStream(state, { StreamName: 'b', ShardCount: 1 }, millis(0));
    expect(over.ok ? undefined : over.error.code).toBe('LimitExceededException');
  });
});
