import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyActions, referenceWorkspace } from '../engine/run.ts';
import { validateLab } from '../engine/validate.ts';
import { kclFacts, secondLeaseAfter } from './checks.ts';
import { kclScalingLab as lab } from './lab.ts';
import type { KclScalingAction, KclScalingWorkspace } from './workspace.ts';

function after(actions: KclScalingAction[], from: unknown = lab.initialWorkspace) {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as KclScalingWorkspace;
}

function stepStart(step: number): KclScalingWorkspace {
  const start = referenceWorkspace(lab, step);
  if (!start.ok) throw new Error(start.error.message);
  return start.value as KclScalingWorkspace;
}

const results = (step: number, workspace: KclScalingWorkspace) =>
  lab.steps[step]!.tasks.map((task) => task.check(workspace, { derived: lab.derive(workspace) }));

describe('lab 9: Scaling KCL workers', () => {
  // The first test runs the simulations the others reuse (memoized); a busy machine needs the time.
  it('is valid and every solution solves its step', { timeout: 60_000 }, () => {
    const markdown = readFileSync(new URL('./lab.md', import.meta.url), 'utf8');
    expect(validateLab(lab, markdown)).toEqual([]);
  });

  it('shows one steal per lease-taking cycle: right after the new worker starts, 3 leases stay with worker-1', () => {
    const workspace = after([
      { type: 'run', untilSeconds: 20 },
      { type: 'add-worker' },
      { type: 'run', untilSeconds: 30 },
    ]);
    const [balanced] = results(0, workspace);
    expect(balanced).toEqual({
      passed: false,
      feedback:
        'worker-1 holds 3, worker-2 holds 1. Run on: each lease-taking cycle (every 20.05 s) a worker steals at most one lease.',
    });
  });

  it('gives the new worker its second lease one lease-taking cycle (20,050 ms, AWS-FACTS row 37) after it started', () => {
    const workspace = after([
      { type: 'run', untilSeconds: 20 },
      { type: 'add-worker' },
      { type: 'run', untilSeconds: 60 },
    ]);
    expect(secondLeaseAfter(kclFacts(workspace))).toBe(20_050);
  });

  it('lets one worker fall behind: the backlog grows past two seconds of traffic', () => {
    const workspace = after([{ type: 'run', untilSeconds: 60 }]);
    const keeping = results(0, workspace)[1]!;
    expect(keeping.passed).toBe(false);
    expect(keeping.feedback).toMatch(
      /records wait to be processed at 60 s .*One worker processes about 33 records a second; the stream brings 50\.$/,
    );
  });

  it('explains a failover answer equal to the failover time', () => {
    const start = stepStart(1);
    const workspace = after(
      [
        { type: 'crash-worker', workerId: 'worker-1' },
        { type: 'run', untilSeconds: start.ranUntilSeconds + 40 },
        { type: 'answer', question: 'failover-after', value: 10 },
      ],
      start,
    );
    expect(results(1, workspace)[1]!.feedback).toBe(
      '10 is not it. That is the failover time, when the lease expires; the taker only notices at its next scan.',
    );
  });

  it('says the crashed worker’s leases are still in its name right after the crash', () => {
    const start = stepStart(1);
    const workspace = after(
      [
        { type: 'crash-worker', workerId: 'worker-1' },
        { type: 'run', untilSeconds: start.ranUntilSeconds + 5 },
      ],
      start,
    );
    expect(results(1, workspace)[0]!.feedback).toMatch(
      /is still in the name of worker-1; its counter has not moved for/,
    );
  });

  it('refuses crashing a worker that is not running, splitting a closed shard, and rewinding past an operation', () => {
    const start = stepStart(2);
    expect(lab.reduce(start, { type: 'crash-worker', workerId: 'worker-1' })).toMatchObject({
      ok: false,
      error: { path: 'workerId' },
    });
    const split = after([{ type: 'split-shard', shardId: 'shardId-000000000001' }], start);
    expect(lab.reduce(split, { type: 'split-shard', shardId: 'shardId-000000000001' })).toMatchObject({
      ok: false,
      error: { path: 'shardId' },
    });
    expect(lab.reduce(split, { type: 'run', untilSeconds: 10 })).toMatchObject({
      ok: false,
      error: { path: 'untilSeconds' },
    });
  });
});
