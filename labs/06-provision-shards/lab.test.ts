import { describe, expect, it } from 'vitest';
import { applyActions, checkStep } from '../engine/run.ts';
import { provisionShardsLab as lab } from './lab.ts';
import { calculatorFor, factsFor } from './simulation.ts';
import type { ProvisionAction, ProvisionWorkspace } from './workspace.ts';

function after(
  actions: ProvisionAction[],
  from: ProvisionWorkspace = lab.initialWorkspace,
): ProvisionWorkspace {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ProvisionWorkspace;
}

const tasks = (step: number, workspace: ProvisionWorkspace) =>
  Object.fromEntries(checkStep(lab, step, workspace).map((t) => [t.taskId, t]));

describe('lab 6: provisioning shards', () => {
  it('sizing by records alone (2 shards) leaves the byte limit refusing writes', () => {
    const byRecords = after([{ type: 'set-shards', shards: 2 }]);
    expect(factsFor(byRecords).run.totals.recordsThrottled).toBeGreaterThan(0);
    expect(tasks(0, byRecords)['writes-fit']).toMatchObject({
      passed: false,
      feedback: expect.stringMatching(
        /^2 of 2 shards refuse writes; shardId-\d+ is offered [\d,]+ records\/s and writes 1\.\d\d MiB\/s \(means over the run\)\. Check both write limits: bytes and records\.$/,
      ),
    });
  });

  it('does not count fewer consumer applications than the workload has', () => {
    const two = after([
      { type: 'set-shards', shards: 3 },
      { type: 'set-consumers', consumers: 2 },
    ]);
    expect(tasks(1, two)['three-consumers']).toMatchObject({
      passed: false,
      feedback: 'The workload has 3 applications (archive, dashboard, alerts); 2 read now.',
    });
  });

  it('does not pass the headroom step with the test off, too few shards, or fewer readers', () => {
    const egress = after(lab.steps[0]!.solution.concat(lab.steps[1]!.solution));
    const off = tasks(2, egress);
    expect(off['catch-up-test-on']).toMatchObject({ passed: false, feedback: 'Turn on the catch-up test.' });
    expect(off['catches-up']).toMatchObject({ passed: false, feedback: 'Turn on the catch-up test first.' });
    const tight = tasks(2, after([{ type: 'set-catch-up-test', enabled: true }], egress));
    expect(tight['catches-up']!.passed).toBe(false);
    expect(tight['catches-up']!.feedback).toMatch(/read with what the other consumers leave|still behind/);
    // One reader catches up easily on the same shards: the test must run with the workload's readers.
    const oneReader = after(
      [{ type: 'set-consumers', consumers: 1 }],
      after([{ type: 'set-catch-up-test', enabled: true }], egress),
    );
    expect(factsFor(oneReader).catchUpSeconds).toBeLessThanOrEqual(10);
    expect(tasks(2, oneReader)['catches-up']).toMatchObject({
      passed: false,
      feedback: "The test must run with the workload's 3 applications; 1 read now.",
    });
  });

  it('agrees with the Kinesis calculator: writes need 3 shards, three readers need 4', () => {
    expect(calculatorFor(0).shards).toBe(3);
    expect(calculatorFor(0).bindingLimit).toBe('writeBytesPerSecond');
    expect(calculatorFor(3).shards).toBe(4);
    expect(calculatorFor(3).bindingLimit).toBe('readBytesPerSecond');
  });

  it('does not pass an over-provisioned stream', () => {
    const many = after([{ type: 'set-shards', shards: 8 }]);
    expect(tasks(0, many)['writes-fit']!.passed).toBe(true);
    expect(tasks(0, many)['not-over-provisioned']).toMatchObject({
      passed: false,
      feedback: '8 shards is more than this load needs; find the fewest that still pass the other checks.',
    });
  });

  it('three readers on the ingress-sized stream get GetRecords refused and fall behind', () => {
    const three = after([
      { type: 'set-shards', shards: 3 },
      { type: 'set-consumers', consumers: 3 },
    ]);
    const facts = factsFor(three);
    expect(facts.run.totals.readThrottled).toBeGreaterThan(0);
    expect(tasks(1, three)['reads-fit']!.feedback).toMatch(/over the 2 MiB\/s a shard serves/);
  });

  it('a stream sized exactly for egress does not catch up in time; one more shard does', () => {
    const base: ProvisionWorkspace = { seed: 1, shards: 4, consumers: 3, catchUpTest: true };
    const tight = factsFor(base).catchUpSeconds;
    expect(tight === null || tight > 10).toBe(true);
    expect(factsFor({ ...base, shards: 5 }).catchUpSeconds).toBeLessThanOrEqual(10);
  });

  it('refuses shard counts and consumer counts out of range', () => {
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-shards', shards: 0 })).toMatchObject({
      ok: false,
      error: { path: 'shards' },
    });
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-shards', shards: 2.5 })).toMatchObject({
      ok: false,
    });
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-consumers', consumers: 9 })).toMatchObject({
      ok: false,
      error: { path: 'consumers' },
    });
  });
});
