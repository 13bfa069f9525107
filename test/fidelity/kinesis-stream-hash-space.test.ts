/** Fidelity: the hash key space and routing against AWS-FACTS §1.2 and Numbers row 12. */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  describeStream,
  evenSplit,
  partitionKeyHashKey,
  putRecords,
} from '../../sim/kinesis/index.ts';

const MAX = '340282366920938463463374607431768211455';

function ranges(shards: number) {
  const state = createKinesisState();
  createStream(state, { StreamName: 's', ShardCount: shards }, millis(0));
  const described = describeStream(state, { StreamName: 's' }, millis(0));
  if (!described.ok) throw new Error(described.error.message);
  return { state, shards: described.value.StreamDescription.Shards };
}

describe('hash key space (AWS-FACTS Numbers #12: 0 … 2^128 − 1, MD5)', () => {
  it('a 1-shard stream covers the whole space, 0 to 2^128 − 1 (not the 2^127 − 1 of the doc quirk)', () => {
    expect(ranges(1).shards[0]!.HashKeyRange).toEqual({ StartingHashKey: '0', EndingHashKey: MAX });
  });

  it('2 shards split at floor(2^128 / 2) = 2^127', () => {
    const [first, second] = ranges(2).shards;
    expect(first!.HashKeyRange.EndingHashKey).toBe('170141183460469231731687303715884105727');
    expect(second!.HashKeyRange).toEqual({
      StartingHashKey: '170141183460469231731687303715884105728',
      EndingHashKey: MAX,
    });
  });

  it('3 shards: step floor(2^128 / 3), the last shard absorbs the remainder (kinesalite createStream.js)', () => {
    expect(evenSplit(3)).toEqual([
      { StartingHashKey: '0', EndingHashKey: '113427455640312821154458202477256070484' },
      {
        StartingHashKey: '113427455640312821154458202477256070485',
        EndingHashKey: '226854911280625642308916404954512140969',
      },
      { StartingHashKey: '226854911280625642308916404954512140970', EndingHashKey: MAX },
    ]);
  });

  it('shard ids are shardId-000000000000, shardId-000000000001, …', () => {
    expect(ranges(3).shards.map((s) => s.ShardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
  });
});

describe('partition key → MD5 → shard (AWS-FACTS §1.2)', () => {
  // Digests computed independently with Python: int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16).
  const vectors: [key: string, hashKey: string, shardOfFour: number][] = [
    ['a', '16955237001963240173058271559858726497', 0],
    ['b', '195289424170611159128911017612795795343', 2],
    ['clicks-42', '307524789950468924492594059229520973397', 3],
    ['日本', '103341369634063465466164320543046703539', 1],
  ];

  for (const [key, hashKey, shard] of vectors) {
    it(`"${key}" hashes to ${hashKey} and lands in shard ${shard} of 4`, () => {
      expect(partitionKeyHashKey(key)).toBe(hashKey);
      const { state } = ranges(4);
      const put = putRecords(
        state,
        { StreamName: 's', Records: [{ Data: new Uint8Array(1), PartitionKey: key }] },
        millis(0),
      );
      expect(put.ok && put.value.Records[0]).toMatchObject({ ShardId: `shardId-00000000000${shard}` });
    });
  }

  it('the same key always lands in the same shard', () => {
    const { state } = ranges(8);
    const put = putRecords(
      state,
      {
        StreamName: 's',
        Records: Array.from({ length: 20 }, () => ({ Data: new Uint8Array(1), PartitionKey: 'device-7' })),
      },
      millis(0),
    );
    expect(
      put.ok && new Set(put.value.Records.map((r) => ('ShardId' in r ? r.ShardId : r.ErrorCode))).size,
    ).toBe(1);
  });

  it('ExplicitHashKey accepts 0 … 2^128 − 1 and replaces the MD5', () => {
    const { state } = ranges(2);
    const put = (ExplicitHashKey: string) =>
      putRecords(
        state,
        { StreamName: 's', Records: [{ Data: new Uint8Array(1), PartitionKey: 'a', ExplicitHashKey }] },
        millis(0),
      );
    expect(put(MAX).ok && put(MAX)).toMatchObject({
      value: { Records: [{ ShardId: 'shardId-000000000001' }] },
    });
    expect(put('340282366920938463463374607431768211456').ok).toBe(false);
  });
});
