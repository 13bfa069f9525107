/**
 * Fidelity: SplitShard, MergeShards and ExplicitHashKey refuse what AWS refuses, with AWS's exception for
 * each (AWS-FACTS §1.2 ExplicitHashKey pattern [BK16], §1.6 resharding).
 *
 * Sources beyond AWS-FACTS, each named where it is used:
 * - KLITE-TESTS: mhart/kinesalite `test/splitShard.js` and `test/mergeShards.js`, whose author ran them
 *   against AWS ("Takes 65 secs to run on production"): NewStartingHashKey "1" and the shard's
 *   EndingHashKey are refused, "2" is accepted on a [0, 2^128 − 1] shard; the adjacent pair named in
 *   inverted order is refused; both InvalidArgumentException. Pattern violations are ValidationException
 *   ("Member must satisfy regular expression pattern: 0|([1-9]\d{0,38})").
 * - KLITE-109: mhart/kinesalite#109, the AWS CLI against AWS: splitting an already-split shard is
 *   "InvalidArgumentException … has already been merged or split, and thus is not eligible for merging or
 *   splitting" (kinesalite itself allowed it — see kinesalite-differential.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  describeStream,
  hashKeyRangeMidpoint,
  MAX_HASH_KEY,
  mergeShards,
  putRecords,
  RESHARD_UPDATING_MILLIS,
  splitShard,
  type KinesisState,
} from '../../sim/kinesis/index.ts';

function stream(shards: number): KinesisState {
  const state = createKinesisState();
  createStream(state, { StreamName: 's', ShardCount: shards }, millis(0));
  return state;
}

function shardsOf(state: KinesisState, at = 0) {
  const described = describeStream(state, { StreamName: 's' }, millis(at));
  if (!described.ok) throw new Error(described.error.message);
  return described.value.StreamDescription.Shards;
}

function split(
  state: KinesisState,
  NewStartingHashKey: unknown,
  ShardToSplit = 'shardId-000000000000',
  at = 0,
) {
  const result = splitShard(
    state,
    { StreamName: 's', ShardToSplit, NewStartingHashKey: NewStartingHashKey as string },
    millis(at),
  );
  return result.ok ? 'ok' : result.error.code;
}

describe('SplitShard NewStartingHashKey: strictly inside the shard, two keys for each child (KLITE-TESTS)', () => {
  it('on [0, 2^128 − 1]: 0, 1 and the EndingHashKey are refused; 2 and EndingHashKey − 1 are accepted', () => {
    expect(split(stream(1), '0')).toBe('InvalidArgumentException');
    expect(split(stream(1), '1')).toBe('InvalidArgumentException');
    expect(split(stream(1), MAX_HASH_KEY.toString())).toBe('InvalidArgumentException');
    expect(split(stream(1), '2')).toBe('ok');
    expect(split(stream(1), (MAX_HASH_KEY - 1n).toString())).toBe('ok');
  });

  it('the lowest accepted key gives the lower child exactly [start, start + 1]', () => {
    const state = stream(1);
    split(state, '2');
    expect(shardsOf(state)[1]!.HashKeyRange).toEqual({ StartingHashKey: '0', EndingHashKey: '1' });
  });

  it('on a shard that does not start at 0 the window moves with it: start + 1 refused, start + 2 accepted', () => {
    const [, second] = shardsOf(stream(3));
    const start = BigInt(second!.HashKeyRange.StartingHashKey);
    const end = BigInt(second!.HashKeyRange.EndingHashKey);
    expect(split(stream(3), (start + 1n).toString(), second!.ShardId)).toBe('InvalidArgumentException');
    expect(split(stream(3), end.toString(), second!.ShardId)).toBe('InvalidArgumentException');
    expect(split(stream(3), (end + 1n).toString(), second!.ShardId)).toBe('InvalidArgumentException');
    expect(split(stream(3), (start + 2n).toString(), second!.ShardId)).toBe('ok');
    expect(split(stream(3), (end - 1n).toString(), second!.ShardId)).toBe('ok');
  });

  it('the refusal names the shard and the keys that would be accepted, with the midpoint', () => {
    const result = splitShard(
      stream(1),
      { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1' },
      millis(0),
    );
    expect(result.ok ? '' : result.error.message).toMatch(
      /^NewStartingHashKey 1 used in SplitShard\(\) on shard shardId-000000000000 is not both greater than one plus the shard's StartingHashKey 0 and less than the shard's EndingHashKey 340282366920938463463374607431768211455\. Choose a key from 2 to 340282366920938463463374607431768211454; the midpoint is 170141183460469231731687303715884105728\.$/,
    );
  });

  it('the midpoint helper gives the key that halves a range (the even split of two shards)', () => {
    const whole = { StartingHashKey: '0', EndingHashKey: MAX_HASH_KEY.toString() };
    expect(hashKeyRangeMidpoint(whole)).toBe(shardsOf(stream(2))[1]!.HashKeyRange.StartingHashKey);
    expect(hashKeyRangeMidpoint({ StartingHashKey: '10', EndingHashKey: '13' })).toBe('12');
  });
});

describe('SplitShard NewStartingHashKey off the model pattern 0|([1-9]\\d{0,38}) is ValidationException', () => {
  // What learners type: leading zeros, a sign, hex, exponent, digit grouping, spaces, 40 digits, nothing.
  const offPattern = ['007', '-5', '0x10', '2e5', '1,000', '1 000', ' 5', '5 ', '1'.repeat(40), '', 5];
  for (const key of offPattern) {
    it(`${JSON.stringify(key)} is refused before the stream is even looked up`, () => {
      const result = splitShard(
        createKinesisState(),
        {
          StreamName: 'no-such-stream',
          ShardToSplit: 'shardId-000000000000',
          NewStartingHashKey: key as string,
        },
        millis(0),
      );
      expect(result.ok ? '' : result.error).toMatchObject({
        code: 'ValidationException',
        path: 'NewStartingHashKey',
        message: expect.stringContaining(
          'Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})',
        ),
      });
    });
  }

  it('39 nines fit the pattern but not the hash key space: InvalidArgumentException (KLITE-TESTS "much too big")', () => {
    expect(split(stream(3), '9'.repeat(39), 'shardId-000000000002')).toBe('InvalidArgumentException');
  });
});

describe('closed shards: splitting or merging one is InvalidArgumentException (KLITE-109)', () => {
  it('splitting the same shard twice', () => {
    const state = stream(1);
    expect(split(state, hashKeyRangeMidpoint(shardsOf(state)[0]!.HashKeyRange))).toBe('ok');
    const again = splitShard(
      state,
      { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' },
      millis(RESHARD_UPDATING_MILLIS),
    );
    expect(again.ok ? '' : again.error).toMatchObject({
      code: 'InvalidArgumentException',
      path: 'ShardToSplit',
      message: expect.stringContaining(
        'has already been merged or split, and thus is not eligible for merging or splitting',
      ),
    });
  });

  it('merging a shard that was split', () => {
    const state = stream(2);
    split(state, '1000');
    const merged = mergeShards(
      state,
      { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' },
      millis(RESHARD_UPDATING_MILLIS),
    );
    expect(merged.ok ? '' : merged.error.code).toBe('InvalidArgumentException');
  });

  it('while the stream is still UPDATING, the stream state is reported first (ResourceInUseException)', () => {
    const state = stream(1);
    split(state, '1000');
    expect(split(state, '10', 'shardId-000000000000', 1)).toBe('ResourceInUseException');
  });
});

describe('MergeShards: AdjacentShardToMerge must be the shard whose range follows (KLITE-TESTS)', () => {
  it('shard 0 then shard 1 merges; the child names them as ParentShardId and AdjacentParentShardId', () => {
    const state = stream(3);
    const merged = mergeShards(
      state,
      { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' },
      millis(0),
    );
    expect(merged.ok).toBe(true);
    const shards = shardsOf(state);
    expect(shards[3]).toMatchObject({
      ParentShardId: 'shardId-000000000000',
      AdjacentParentShardId: 'shardId-000000000001',
      HashKeyRange: {
        StartingHashKey: '0',
        EndingHashKey: shards[1]!.HashKeyRange.EndingHashKey,
      },
    });
  });

  it('the same pair inverted (shard 1 then shard 0) is refused, and the message says which way round', () => {
    const merged = mergeShards(
      stream(3),
      { StreamName: 's', ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000000' },
      millis(0),
    );
    expect(merged.ok ? '' : merged.error).toMatchObject({
      code: 'InvalidArgumentException',
      message: expect.stringMatching(
        /^Shards shardId-000000000001 and shardId-000000000000 in stream s under account \d+ are not an adjacent pair of shards eligible for merging\. .*name shardId-000000000000 as ShardToMerge/,
      ),
    });
  });

  it('shards whose ranges do not touch are refused', () => {
    const merged = mergeShards(
      stream(3),
      { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000002' },
      millis(0),
    );
    expect(merged.ok ? '' : merged.error.code).toBe('InvalidArgumentException');
  });
});

describe('ExplicitHashKey (AWS-FACTS §1.2 [BK16]: pattern 0|([1-9]\\d{0,38}), value 0 … 2^128 − 1)', () => {
  function put(ExplicitHashKey: string) {
    const result = putRecords(
      stream(2),
      { StreamName: 's', Records: [{ Data: new Uint8Array(1), PartitionKey: 'k', ExplicitHashKey }] },
      millis(0),
    );
    return result.ok ? 'ok' : result.error.code;
  }

  it('off the pattern is ValidationException, whatever the number meant', () => {
    for (const key of ['007', '-1', '0x10', '1e3', '1,000', ' 1', '1'.repeat(40), '']) {
      expect(put(key), key).toBe('ValidationException');
    }
  });

  it('on the pattern but past 2^128 − 1 is InvalidArgumentException (kinesalite putRecords.js wording)', () => {
    expect(put((MAX_HASH_KEY + 1n).toString())).toBe('InvalidArgumentException');
    expect(put('9'.repeat(39))).toBe('InvalidArgumentException');
  });

  it('0 and 2^128 − 1 are accepted', () => {
    expect(put('0')).toBe('ok');
    expect(put(MAX_HASH_KEY.toString())).toBe('ok');
  });
});
