import { describe, expect, it } from 'vitest';
import { applyActions, checkStep } from '../engine/run.ts';
import { hotShardLab as lab } from './lab.ts';
import { factsFor } from './simulation.ts';
import { initialShards, type HotShardAction, type HotShardWorkspace } from './workspace.ts';

function after(actions: HotShardAction[], from: HotShardWorkspace = lab.initialWorkspace): HotShardWorkspace {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as HotShardWorkspace;
}

const tasks = (step: number, workspace: HotShardWorkspace) =>
  Object.fromEntries(checkStep(lab, step, workspace).map((t) => [t.taskId, t]));

describe('lab 7: fixing a hot shard', () => {
  const start = factsFor(lab.initialWorkspace);
  const hot = initialShards.find((s) => s.ShardId === start.hotShardId)!;
  const midpoint = ((BigInt(hot.StartingHashKey) + BigInt(hot.EndingHashKey) + 1n) / 2n).toString();

  it('has one hot shard that refuses records before the fix', () => {
    const refusing = start.run.shards.filter((s) => s.throttledRecords > 0).map((s) => s.shardId);
    expect(refusing).toEqual([start.hotShardId]);
  });

  it('does not accept a cool shard as the hot one', () => {
    const cool = initialShards.find((s) => s.ShardId !== start.hotShardId)!.ShardId;
    expect(
      tasks(0, after([{ type: 'answer', question: 'hot-shard', value: cool }]))['hot-shard']!.passed,
    ).toBe(false);
  });

  it('splitting at the midpoint closes the parent but leaves a hot child', () => {
    const split = after([
      { type: 'split-shard', shardToSplit: start.hotShardId, newStartingHashKey: midpoint },
    ]);
    const result = tasks(1, split);
    expect(result['split-done']!.passed).toBe(true);
    expect(result['no-throttling-after-fix']!.passed).toBe(false);
    expect(result['no-throttling-after-fix']!.feedback).toMatch(/is offered 1,\d{3} records\/s on average/);
  });

  it('splitting a cool shard is not the fix', () => {
    const cool = initialShards.find((s) => s.ShardId !== start.hotShardId)!;
    const split = after([
      {
        type: 'split-shard',
        shardToSplit: cool.ShardId,
        // The lowest key Kinesis accepts: each child keeps at least two hash keys.
        newStartingHashKey: (BigInt(cool.StartingHashKey) + 2n).toString(),
      },
    ]);
    expect(tasks(1, split)['split-done']!.feedback).toMatch(/but the hot shard is another one/);
  });

  it('the split that fixed a normal day does not survive the flash sale without re-keying', () => {
    const solved = after([...lab.steps[1]!.solution, { type: 'set-load', load: 'flash-sale' }]);
    expect(tasks(2, solved)['no-throttling-after-fix']!.passed).toBe(false);
    const two = after([{ type: 'set-hot-key-suffixes', suffixes: 2 }], solved);
    expect(factsFor(two).run.totals.recordsThrottled).toBeGreaterThan(0);
  });

  it('refuses a NewStartingHashKey outside the shard with the Kinesis error, and a second split', () => {
    const outside = lab.reduce(lab.initialWorkspace, {
      type: 'split-shard',
      shardToSplit: hot.ShardId,
      newStartingHashKey: hot.StartingHashKey,
    });
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.message).toMatch(/^InvalidArgumentException: NewStartingHashKey/);
    const split = after([{ type: 'split-shard', shardToSplit: hot.ShardId, newStartingHashKey: midpoint }]);
    expect(
      lab.reduce(split, { type: 'split-shard', shardToSplit: hot.ShardId, newStartingHashKey: midpoint }),
    ).toMatchObject({ ok: false, error: { path: 'shardToSplit' } });
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-hot-key-suffixes', suffixes: 0 })).toMatchObject({
      ok: false,
    });
  });
});
