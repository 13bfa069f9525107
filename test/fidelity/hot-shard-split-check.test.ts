/**
 * One rule in one place: lab 7 (hot shard) refuses exactly the SplitShard calls the Kinesis model refuses,
 * with the same exception and message, because it calls the model's own check (kinesis-reshard-checks
 * .test.ts cites the AWS sources). Wrong answers a learner plausibly types — the shard's own starting or
 * ending key, one past its start, a number with leading zeros or digit grouping — are refused.
 */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  hashKeyRangeMidpoint,
  splitShard,
} from '../../sim/kinesis/index.ts';
import { INITIAL_SHARDS, initialShards, splitProblem } from '../../labs/07-hot-shard/workspace.ts';

function modelAnswer(ShardToSplit: string, NewStartingHashKey: string): string | undefined {
  const state = createKinesisState();
  createStream(state, { StreamName: 'orders', ShardCount: INITIAL_SHARDS }, millis(0));
  const result = splitShard(state, { StreamName: 'orders', ShardToSplit, NewStartingHashKey }, millis(0));
  return result.ok ? undefined : `${result.error.code}: ${result.error.message}`;
}

describe('lab 7 splits as Kinesis does', () => {
  it("refuses a shard the stream lacks with the model's message, then names the lab's shards", () => {
    const lab = splitProblem({ shardToSplit: 'shardId-000000000009', newStartingHashKey: '5' });
    const model = modelAnswer('shardId-000000000009', '5');
    expect(model).toMatch(/^ResourceNotFoundException: /);
    expect(lab).toBe(`${model} Use one of ${initialShards.map((s) => s.ShardId).join(', ')}.`);
  });

  for (const shard of initialShards.slice(1, 3)) {
    const start = BigInt(shard.StartingHashKey);
    const end = BigInt(shard.EndingHashKey);
    const candidates = {
      'its StartingHashKey': start.toString(),
      'StartingHashKey + 1': (start + 1n).toString(),
      'StartingHashKey + 2': (start + 2n).toString(),
      midpoint: hashKeyRangeMidpoint(shard),
      'EndingHashKey − 1': (end - 1n).toString(),
      'its EndingHashKey': end.toString(),
      'the next shard’s start': (end + 1n).toString(),
      'leading zeros': `00${start + 5n}`,
      'digit grouping': (start + 5n).toLocaleString('en-US'),
    };
    for (const [name, key] of Object.entries(candidates)) {
      it(`${shard.ShardId}, ${name}: the lab's answer is the model's`, () => {
        expect(splitProblem({ shardToSplit: shard.ShardId, newStartingHashKey: key })).toBe(
          modelAnswer(shard.ShardId, key),
        );
      });
    }

    it(`${shard.ShardId}: refuses the learner's plausible wrong keys and names the allowed range`, () => {
      for (const key of [start, start + 1n, end].map(String)) {
        expect(splitProblem({ shardToSplit: shard.ShardId, newStartingHashKey: key })).toMatch(
          new RegExp(
            `^InvalidArgumentException: NewStartingHashKey ${key} .*Choose a key from ${start + 2n} to ${end - 1n}`,
          ),
        );
      }
      expect(
        splitProblem({ shardToSplit: shard.ShardId, newStartingHashKey: hashKeyRangeMidpoint(shard) }),
      ).toBe(undefined);
    });
  }
});
