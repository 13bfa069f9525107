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
        `^${converged - 60} is not it\\. At ${converged - 60} s the published batch view says \\d+ for /home, but ${facts.finalTrueCount} views happened in all`,
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
});
