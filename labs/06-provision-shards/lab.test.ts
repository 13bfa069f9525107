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
    expect(tasks(0, byRecords)['writes-fit']!.passed).toBe(false);
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
