import { describe, expect, it } from 'vitest';
import { applyActions } from '../engine/run.ts';
import { factsFor } from './explorable.ts';
import { lambdaArchitectureLab as lab } from './lab.ts';
import type { LambdaArchAction, LambdaArchWorkspace } from './workspace.ts';

function after(
  actions: LambdaArchAction[],
  from: LambdaArchWorkspace = lab.initialWorkspace,
): LambdaArchWorkspace {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as LambdaArchWorkspace;
}

const results = (step: number, workspace: LambdaArchWorkspace) =>
  lab.steps[step]!.tasks.map((task) => task.check(workspace, { derived: lab.derive(workspace) }));

describe('lab 3: Lambda architecture', () => {
  const facts = factsFor(lab.initialWorkspace.seed);

  it('asks the learner to run the simulation before answering', () => {
    const workspace = after([
      { type: 'answer', question: 'speed-at-90', value: facts.atLook.speed['/home'] },
    ]);
    expect(results(0, workspace)[0]).toEqual({
      passed: false,
      feedback: 'Run the simulation to at least 90 s first (it is at 0 s).',
    });
  });

  it('does not pass a wrong count and points at the layer to read', () => {
    const workspace = after([
      { type: 'run', until: 90_000 },
      { type: 'answer', question: 'speed-at-90', value: facts.atLook.served['/home'] },
      { type: 'answer', question: 'served-at-90', value: facts.atLook.speed['/home'] },
    ]);
    expect(results(0, workspace).map((r) => r.feedback)).toEqual([
      `${facts.atLook.served['/home']} is not it. That is the served total; read the speed layer’s own counter.`,
      `${facts.atLook.speed['/home']} is not it. That is one layer alone; the serving layer answers batch view + speed layer.`,
    ]);
  });

  it('catches a flipped sign on the error', () => {
    const flipped = facts.atLook.truth['/home'] - facts.atLook.served['/home'];
    expect(flipped).not.toBe(0);
    const workspace = after([
      { type: 'run', until: 90_000 },
      { type: 'answer', question: 'error-at-90', value: flipped },
    ]);
    expect(results(1, workspace)[1]!.feedback).toBe(
      `${flipped} is not it. Mind the sign: served minus true.`,
    );
  });

  it('explains with the simulation’s numbers why an early convergence time is wrong', () => {
    const converged = facts.batchConvergedAt! / 1000;
    const workspace = after([
      { type: 'run', until: 240_000 },
      { type: 'answer', question: 'batch-converged-at', value: converged - 60 },
    ]);
    expect(results(2, workspace)[0]!.feedback).toMatch(
      new RegExp(
        `^${converged - 60} is not it\\. At ${converged - 60} s the published batch view says \\d+ for /home, and a later publication still changes it: it has not caught up yet\\.$`,
      ),
    );
  });

  it('checks against the simulation, not fixed numbers: another seed needs other answers', () => {
    const reseeded = after([{ type: 'seed', seed: 7 }]);
    const other = factsFor(7);
    expect(other.atLook.speed['/home']).not.toBe(facts.atLook.speed['/home']);
    const copied = after(lab.steps[0]!.solution, reseeded);
    expect(results(0, copied).some((r) => !r.passed)).toBe(true);
    const solved = after(
      [
        { type: 'run', until: 90_000 },
        { type: 'answer', question: 'speed-at-90', value: other.atLook.speed['/home'] },
        { type: 'answer', question: 'served-at-90', value: other.atLook.served['/home'] },
      ],
      reseeded,
    );
    expect(results(0, solved).every((r) => r.passed)).toBe(true);
  });

  it('refuses a run beyond the horizon and a non-numeric answer', () => {
    expect(lab.reduce(lab.initialWorkspace, { type: 'run', until: 999_000 })).toMatchObject({ ok: false });
    expect(
      lab.reduce(lab.initialWorkspace, { type: 'answer', question: 'final-count', value: Number.NaN }),
    ).toMatchObject({ ok: false, error: { path: 'value' } });
  });

  /** Feedback on a wrong answer must never contain the right one. */
  const withoutAnswer = (feedback: string, expected: number) =>
    expect(feedback).not.toMatch(new RegExp(`(^|[^\\d])${expected}([^\\d]|$)`));

  it('refuses a duplicate count taken at the end of the run, not at 90 s', () => {
    const workspace = after([
      { type: 'run', until: 240_000 },
      { type: 'answer', question: 'duplicates-at-90', value: 36 },
    ]);
    const [duplicates] = results(1, workspace);
    expect(duplicates).toEqual({
      passed: false,
      feedback:
        '36 is not it. The log keeps every delivery, duplicates included (it is append-only); count the records marked as duplicates up to 90 s, all pages together.',
    });
    withoutAnswer(duplicates!.feedback, facts.atLook.duplicateRecords);
  });

  it('refuses the duplicate count given as the error: late views pull the served count down too', () => {
    const workspace = after([
      { type: 'run', until: 90_000 },
      { type: 'answer', question: 'error-at-90', value: facts.atLook.duplicateRecords },
    ]);
    const error = results(1, workspace)[1]!;
    expect(error).toEqual({
      passed: false,
      feedback: `${facts.atLook.duplicateRecords} is not it. Subtract the true count (what really happened by 90 s) from the served count; duplicates push it up, views still on their way push it down.`,
    });
  });

  it('does not name the convergence time while asking the learner to run on', () => {
    const workspace = after([
      { type: 'run', until: 90_000 },
      { type: 'answer', question: 'batch-converged-at', value: 90 },
      { type: 'answer', question: 'final-count', value: 142 },
    ]);
    const feedback = results(2, workspace).map((r) => r.feedback);
    expect(feedback).toEqual([
      'Run the simulation on until the batch view stops changing first (it is at 90 s).',
      'Run the simulation on until the batch view stops changing first (it is at 90 s).',
    ]);
    for (const line of feedback) withoutAnswer(line, facts.batchConvergedAt! / 1000);
  });

  it('refuses the time a batch run started, a later publication, and the served count at 90 s', () => {
    const converged = facts.batchConvergedAt! / 1000;
    const started = (facts.batchConvergedAt! - 15_000) / 1000;
    const run = { type: 'run', until: 240_000 } as const;
    const early = results(
      2,
      after([run, { type: 'answer', question: 'batch-converged-at', value: started }]),
    );
    expect(early[0]!.passed).toBe(false);
    expect(early[0]!.feedback).toMatch(/it has not caught up yet\.$/);
    withoutAnswer(early[0]!.feedback, converged);
    withoutAnswer(early[0]!.feedback, facts.finalTrueCount);

    const late = results(2, after([run, { type: 'answer', question: 'batch-converged-at', value: 240 }]));
    expect(late[0]).toEqual({
      passed: false,
      feedback:
        '240 is not it. By 240 s the batch view is exact, but it got there at an earlier publication; step back through the batch runs.',
    });

    const served = facts.atLook.served['/home'];
    const count = results(2, after([run, { type: 'answer', question: 'final-count', value: served }]));
    expect(count[1]).toEqual({
      passed: false,
      feedback: `${served} is not it. Read the batch view once it has caught up: each view counted once, late ones included.`,
    });
  });
});
