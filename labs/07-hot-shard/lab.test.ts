import { describe, expect, it } from 'vitest';
import { applyActions, checkStep } from '../engine/run.ts';
import { hotShardLab as lab } from './lab.ts';
import { factsFor, FIX_AT_SECONDS, workload } from './simulation.ts';
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
    const refusing = start.run.shards.filter((s) => s.attemptsThrottled > 0).map((s) => s.shardId);
    expect(refusing).toEqual([start.hotShardId]);
  });

  it('does not accept a cool shard as the hot one, and says what to look for', () => {
    const cool = initialShards.find((s) => s.ShardId !== start.hotShardId)!.ShardId;
    expect(
      tasks(0, after([{ type: 'answer', question: 'hot-shard', value: cool }]))['hot-shard'],
    ).toMatchObject({
      passed: false,
      feedback: `${cool} is not it. Find the shard whose line stays above the 1,000 records/s limit and whose refused count is not 0.`,
    });
  });

  it('does not count the run as fixed before anything is fixed', () => {
    const result = tasks(1, lab.initialWorkspace);
    expect(result['split-done']).toMatchObject({ passed: false, feedback: 'No shard has been split yet.' });
    expect(result['no-throttling-after-fix']).toMatchObject({
      passed: false,
      feedback: 'Nothing is fixed yet: the stream runs as it started.',
    });
  });

  it('splitting at the midpoint closes the parent but leaves a hot child', () => {
    const split = after([
      { type: 'split-shard', shardToSplit: start.hotShardId, newStartingHashKey: midpoint },
    ]);
    const result = tasks(1, split);
    expect(result['split-done']!.passed).toBe(true);
    expect(result['no-throttling-after-fix']!.passed).toBe(false);
    expect(result['no-throttling-after-fix']!.feedback).toMatch(
      /^Over 10–20 s, shardId-\d+ is offered 1,\d{3} records\/s on average/,
    );
  });

  it('the checklist and the table read the same figure over the same seconds', () => {
    const split = after([
      { type: 'split-shard', shardToSplit: start.hotShardId, newStartingHashKey: midpoint },
    ]);
    const facts = factsFor(split);
    const open = facts.loads.filter((l) => l.status === 'OPEN');
    expect(open).toEqual(facts.afterFix);
    expect(
      open.every((l) => l.fromSecond === FIX_AT_SECONDS && l.toSecond === workload.durationSeconds),
    ).toBe(true);
    const parent = facts.loads.find((l) => l.shardId === start.hotShardId)!;
    expect(parent).toMatchObject({ status: 'CLOSED', fromSecond: 0, toSecond: FIX_AT_SECONDS });
    const hotChild = [...facts.afterFix].sort((a, b) => b.offeredPerSecond - a.offeredPerSecond)[0]!;
    const shown = Math.round(hotChild.offeredPerSecond).toLocaleString('en-US');
    expect(tasks(1, split)['no-throttling-after-fix']!.feedback).toContain(
      `${hotChild.shardId} is offered ${shown} records/s`,
    );
  });

  it('re-keying takes effect at the fix time, not from the start of the run', () => {
    const sale = after([{ type: 'set-load', load: 'flash-sale' }]);
    const reKeyed = after([{ type: 'set-hot-key-suffixes', suffixes: 8 }], sale);
    const plain = factsFor(sale).run.shards;
    const salted = factsFor(reKeyed).run.shards;
    // A second's sample ends with the producer's send at its last instant: the one at 10.000 s is the
    // first after the fix, so the samples before second 9 are the ones the fix cannot touch.
    for (const [i, shard] of plain.entries()) {
      expect(salted[i]!.perSecond.records.slice(0, FIX_AT_SECONDS - 1)).toEqual(
        shard.perSecond.records.slice(0, FIX_AT_SECONDS - 1),
      );
    }
    const hotAfter = (run: typeof plain) =>
      run.find((s) => s.shardId === start.hotShardId)!.perSecond.throttled.slice(FIX_AT_SECONDS + 1);
    expect(hotAfter(plain).some((t) => t > 0)).toBe(true);
    expect(hotAfter(salted).every((t) => t === 0)).toBe(true);
    expect(factsFor(reKeyed).scenario.actions).toEqual([
      expect.objectContaining({ atSeconds: FIX_AT_SECONDS, action: 'setProducerKeys' }),
    ]);
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
    const step3 = tasks(2, solved);
    expect(step3['no-throttling-after-fix']!.passed).toBe(false);
    expect(step3['re-keyed']).toMatchObject({
      passed: false,
      feedback: 'entity-1 still uses one partition key.',
    });
    const two = after([{ type: 'set-hot-key-suffixes', suffixes: 2 }], solved);
    expect(tasks(2, two)['re-keyed']!.passed).toBe(true);
    expect(tasks(2, two)['no-throttling-after-fix']).toMatchObject({
      passed: false,
      feedback: expect.stringMatching(/refuses [\d,]+ records in total/),
    });
  });

  it('re-keying on a normal day is not the flash sale', () => {
    const normal = after([...lab.steps[1]!.solution, { type: 'set-hot-key-suffixes', suffixes: 8 }]);
    expect(tasks(2, normal)['flash-sale']).toMatchObject({
      passed: false,
      feedback: 'Switch the load to the flash sale.',
    });
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
