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

  it('does not count one worker as balanced, and says to add one', () => {
    const workspace = after([{ type: 'run', untilSeconds: 60 }]);
    expect(results(0, workspace)[0]).toEqual({
      passed: false,
      feedback: 'Only one worker runs: add a worker.',
    });
  });

  it('does not call a backlog that fell because records were skipped keeping up', () => {
    // At LATEST the leases the new worker steals have no checkpoint yet: it starts them after the newest
    // record, and what the busy worker-1 had not reached is lost (InitialPositionInStream, KCL 1.x).
    const workspace = after([
      { type: 'restart', initialPosition: 'LATEST' },
      { type: 'run', untilSeconds: 20 },
      { type: 'add-worker' },
      { type: 'run', untilSeconds: 120 },
    ]);
    const skipped = kclFacts(workspace).board.stats.userRecordsSkipped;
    expect(skipped).toBeGreaterThan(0);
    expect(results(0, workspace)[1]).toEqual({
      passed: false,
      feedback: `${skipped} records were never processed: a lease moved before it had a checkpoint, and its new owner started at LATEST. Keeping up means processing them: restart at TRIM_HORIZON.`,
    });
  });

  it('refuses the failover time and two cycles as the second lease’s time', () => {
    const start = stepStart(0);
    for (const wrong of [10, 40]) {
      const workspace = after(
        [
          { type: 'run', untilSeconds: 20 },
          { type: 'add-worker' },
          { type: 'run', untilSeconds: 90 },
          { type: 'answer', question: 'second-lease-after', value: wrong },
        ],
        start,
      );
      expect(results(0, workspace)[2]).toEqual({
        passed: false,
        feedback: `${wrong} is not it. Find the new worker’s two lease steals in the lease events and subtract its start time.`,
      });
    }
  });

  // kinesis-record-processor-duplicates.md: "Shard processors that were migrated to other instances restart
  // processing records from the last checkpoint" — after a steal as after a crash; the question asks for the crash's.
  it('refuses the total of duplicates, which includes those of the start-up steals, and 0', () => {
    const solved = after(lab.steps[1]!.solution, stepStart(1));
    const stats = kclFacts(solved).board.stats;
    expect(stats.duplicatesByCause.leaseStolen).toBeGreaterThan(0);
    expect(stats.duplicatesByCause.failover).toBeGreaterThan(0);
    const total = after(
      [{ type: 'answer', question: 'duplicates', value: stats.duplicateUserRecords }],
      solved,
    );
    expect(results(1, total)[2]).toEqual({
      passed: false,
      feedback: `${stats.duplicateUserRecords.toLocaleString('en-US')} is not it. That total also counts the records processed again after the new worker stole its leases in step 1, before any crash; the question asks only for the failover’s.`,
    });
    const none = after([{ type: 'answer', question: 'duplicates', value: 0 }], solved);
    expect(results(1, none)[2]).toEqual({
      passed: false,
      feedback:
        '0 is not it. The new owner did not start where the crashed worker stopped: find where it resumed in the lease events.',
    });
  });

  it('says the children wait for their parent right after a split, and refuses 0 s as the drain time', () => {
    const start = stepStart(2);
    const split = after(
      [
        { type: 'split-shard', shardId: 'shardId-000000000001' },
        { type: 'run', untilSeconds: start.ranUntilSeconds + 2 },
      ],
      start,
    );
    const [children] = results(2, split);
    expect(children).toEqual({
      passed: false,
      feedback:
        'shardId-000000000004 and shardId-000000000005 wait: the KCL starts a child only once its parent shardId-000000000001 has been read to its end (SHARD_END). Run on.',
    });
    const drained = after(
      [
        { type: 'run', untilSeconds: 200 },
        { type: 'answer', question: 'parent-drained-after', value: 0 },
      ],
      split,
    );
    expect(results(2, drained)[1]).toEqual({
      passed: false,
      feedback: '0 is not it. Find the parent’s shardEnd event and subtract the time of the split.',
    });
  });

  // InitialPositionInStream (KCL 1.x) "is used during initial application bootstrap (when a checkpoint doesn't
  // exist for a shard or its parents)": only a lease without a checkpoint starts at LATEST.
  it('does not accept a crash at TRIM_HORIZON or after the first checkpoint as a LATEST takeover', () => {
    const start = stepStart(3);
    const crashThenTakeover = (position: 'LATEST' | 'TRIM_HORIZON', crashAt: number) =>
      after(
        [
          { type: 'restart', initialPosition: position },
          { type: 'add-worker' },
          { type: 'run', untilSeconds: crashAt },
          { type: 'crash-worker', workerId: 'worker-1' },
          { type: 'run', untilSeconds: crashAt + 60 },
        ],
        start,
      );
    expect(results(3, crashThenTakeover('TRIM_HORIZON', 30))[0]).toEqual({
      passed: false,
      feedback: 'The application still starts at TRIM_HORIZON: restart it at LATEST.',
    });
    const late = results(3, crashThenTakeover('LATEST', 100));
    expect(late[0]).toEqual({
      passed: false,
      feedback:
        'The new owner resumed after a checkpoint (a sequence number): the crashed worker had already checkpointed. Its processors checkpoint 60 s after they start; restart and crash earlier.',
    });
    expect(late[1]).toMatchObject({ passed: false });
  });

  it('refuses 0 and the duplicate count as the records a LATEST takeover skipped', () => {
    const solved = after(lab.steps[3]!.solution.slice(0, -1), stepStart(3));
    const run = kclFacts(solved);
    expect(run.board.stats.userRecordsSkipped).toBeGreaterThan(0);
    const zero = after([{ type: 'answer', question: 'records-skipped', value: 0 }], solved);
    expect(results(3, zero)[1]).toEqual({
      passed: false,
      feedback:
        '0 is not it. Records did wait in the shard between the last one the crashed worker processed and the new owner’s start: find how many the new owner passed over.',
    });
    const twice = run.board.stats.duplicateUserRecords;
    expect(twice).not.toBe(run.board.stats.userRecordsSkipped);
    const dup = after([{ type: 'answer', question: 'records-skipped', value: twice }], solved);
    expect(results(3, dup)[1]).toMatchObject({ passed: false });
    expect(results(3, dup)[1]!.feedback).toContain('counts records processed twice');
  });

  it('keeps the answers and starts from 0 s when the learner restarts at LATEST', () => {
    const start = stepStart(3);
    const restarted = after([{ type: 'restart', initialPosition: 'LATEST' }], start);
    expect(restarted).toMatchObject({ initialPosition: 'LATEST', ranUntilSeconds: 0, operations: [] });
    expect(restarted.answers).toEqual(start.answers);
    expect(lab.reduce(start, { type: 'restart', initialPosition: 'AT_TIMESTAMP' as never })).toMatchObject({
      ok: false,
      error: { path: 'initialPosition' },
    });
  });
});
