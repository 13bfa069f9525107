import { describe, expect, it } from 'vitest';
import { applyActions, checkStep } from '../engine/run.ts';
import { partitionKeysLab as lab } from './lab.ts';
import { factsFor } from './simulation.ts';
import type { PartitionKeysAction, PartitionKeysWorkspace } from './workspace.ts';

function after(
  actions: PartitionKeysAction[],
  from: PartitionKeysWorkspace = lab.initialWorkspace,
): PartitionKeysWorkspace {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PartitionKeysWorkspace;
}

const feedback = (step: number, workspace: PartitionKeysWorkspace) =>
  Object.fromEntries(checkStep(lab, step, workspace).map((t) => [t.taskId, t]));

describe('lab 5: partition-key strategy', () => {
  const start = factsFor(lab.initialWorkspace);
  const otherShard = start.run.shards.find((s) => s.shardId !== start.fixedKeyShardId)!.shardId;

  it('sends every record of the single key to one shard, and the record limit refuses the rest', () => {
    const loaded = start.run.shards.filter((s) => s.incomingRecords > 0);
    expect(loaded.map((s) => s.shardId)).toEqual([start.fixedKeyShardId]);
    expect(start.refusedBy).toBe('records');
    expect(start.run.totals.recordsThrottled).toBeGreaterThan(0);
  });

  it('does not accept a wrong shard or the bytes limit', () => {
    const tasks = feedback(
      0,
      after([
        { type: 'answer', question: 'hot-key-shard', value: otherShard },
        { type: 'answer', question: 'refused-by', value: 'bytes' },
      ]),
    );
    expect(tasks['hot-key-shard']).toMatchObject({
      passed: false,
      feedback: `${otherShard} is not it. Compare the key's 128-bit hash key with each shard's StartingHashKey–EndingHashKey range.`,
    });
    expect(tasks['refused-by']).toMatchObject({
      passed: false,
      feedback:
        'Not that one. Compare the hot shard’s records offered per second with 1,000, and the MiB it writes per second with 1 MiB: which one is over its limit?',
    });
  });

  it('does not take a shard answer for the single key while another strategy runs', () => {
    const moved = after([
      { type: 'set-strategy', strategy: 'random' },
      { type: 'answer', question: 'hot-key-shard', value: start.fixedKeyShardId },
    ]);
    expect(feedback(0, moved)['hot-key-shard']).toMatchObject({
      passed: false,
      feedback: 'Switch the producer back to “one key for everything” to answer this.',
    });
  });

  it('does not accept random keys as per-store keys, nor a shard that is not the busiest', () => {
    const random = feedback(1, after([{ type: 'set-strategy', strategy: 'random' }]));
    expect(random['uses-zipf']).toMatchObject({
      passed: false,
      feedback: 'Choose “one key per store” as the key strategy.',
    });
    const zipf = factsFor({ ...lab.initialWorkspace, strategy: 'zipf' });
    const notBusiest = zipf.run.shards.find((s) => s.shardId !== zipf.busiestShardId)!.shardId;
    const wrong = feedback(
      1,
      after([
        { type: 'set-strategy', strategy: 'zipf' },
        { type: 'answer', question: 'busiest-shard', value: notBusiest },
      ]),
    );
    expect(wrong['busiest-shard']).toMatchObject({
      passed: false,
      feedback: `${notBusiest} is not the busiest. Look for the shard whose range holds the biggest stores (entity-1 first), and compare the records each shard is offered per second.`,
    });
  });

  it('keeps the single key failing the spread step, naming the shard that refuses', () => {
    const tasks = feedback(2, lab.initialWorkspace);
    expect(tasks['no-throttling']).toMatchObject({
      passed: false,
      feedback: expect.stringMatching(
        new RegExp(`^[\\d,]+ records were refused in total, [\\d,]+ of them by ${start.fixedKeyShardId}\\.`),
      ),
    });
    expect(tasks['every-shard-under-limit']!.passed).toBe(false);
  });

  it('follows the learner’s own key: another key lands on the shard its hash key names', () => {
    const moved = after([{ type: 'set-key', key: 'store-1' }]);
    const facts = factsFor(moved);
    expect(facts.fixedKeyShardId).not.toBe(start.fixedKeyShardId);
    const copied = after(lab.steps[0]!.solution, moved);
    expect(feedback(0, copied)['hot-key-shard']!.passed).toBe(false);
  });

  it('asks for per-store keys before the busiest-shard question counts', () => {
    const busiest = factsFor({ ...lab.initialWorkspace, strategy: 'zipf' }).busiestShardId;
    const tasks = feedback(1, after([{ type: 'answer', question: 'busiest-shard', value: busiest }]));
    expect(tasks['uses-zipf']!.passed).toBe(false);
    expect(tasks['busiest-shard']!.feedback).toBe('Answer this with the per-store keys running.');
  });

  it('keeps skewed per-store keys failing the spread step and passes random keys', () => {
    const zipf = after([{ type: 'set-strategy', strategy: 'zipf' }]);
    expect(feedback(2, zipf)['no-throttling']!.passed).toBe(false);
    expect(feedback(2, zipf)['every-shard-under-limit']!.feedback).toMatch(/over the 1,000 records\/s/);
    const random = after([{ type: 'set-strategy', strategy: 'random' }]);
    expect(checkStep(lab, 2, random).every((t) => t.passed)).toBe(true);
  });

  it('refuses a key over 256 characters with the Kinesis validation error, and an unknown strategy', () => {
    const long = lab.reduce(lab.initialWorkspace, { type: 'set-key', key: 'k'.repeat(257) });
    expect(long).toMatchObject({ ok: false, error: { path: 'key' } });
    if (!long.ok)
      expect(long.error.message).toContain('Member must have length between 1 and 256 (got 257 characters)');
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-key', key: '' })).toMatchObject({ ok: false });
    expect(
      lab.reduce(lab.initialWorkspace, { type: 'set-strategy', strategy: 'sticky' as 'random' }),
    ).toMatchObject({ ok: false, error: { path: 'strategy' } });
  });
});
