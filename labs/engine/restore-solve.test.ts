import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createLabController } from './controller.ts';
import { scriptedSolutions, type LabDeriver, type SolutionSource } from './deriver.ts';
import type { CounterAction, CounterWorkspace } from './fixtures/counter-lab.ts';
import { deferredDeriver, doublingLab, settle } from './fixtures/doubling-lab.ts';
import type { LabProgress } from './progress.ts';

const add = (by: number): CounterAction => ({ type: 'add', by });

/** The doubling lab saved on its second step with the first done: restoring checks that step again. */
const savedOnStepTwo: LabProgress = {
  format: 'bdlab-lab-progress',
  version: 1,
  labId: doublingLab.id,
  phase: 'working',
  stepIndex: 1,
  actionsByStep: [[add(2)], [add(1)]],
  hintsUsed: [1, 0],
  assistedSteps: [],
  startedAt: 0,
  completedAt: null,
  stepStartedAt: [0, 10],
  stepCompletedAt: [5, null],
  workspace: { count: 3 },
};

const inPlace = (what: string): never => {
  throw new Error(`${what} on the caller’s thread instead of through the deriver`);
};

/**
 * The doubling lab whose own `derive` and scripted solutions refuse to be computed here (some labs run a
 * simulation to script a solution): anything that computes them on the caller's thread instead of asking
 * the deriver and the solution source fails the test that uses it.
 */
const derivesOnlyThroughTheDeriver = {
  ...doublingLab,
  derive: () => inPlace('derived'),
  steps: doublingLab.steps.map((step) => ({
    ...step,
    get solution(): CounterAction[] {
      return inPlace('solution computed');
    },
  })),
};

/** A deriver that answers at once with the real facts and records which counters it was asked for. */
function recordingDeriver() {
  const asked: number[] = [];
  const deriver: LabDeriver = (_labId, workspace) => {
    asked.push((workspace as CounterWorkspace).count);
    return doublingLab.derive(workspace as CounterWorkspace);
  };
  return { deriver, asked };
}

function resume(deriver: LabDeriver, progress: unknown = savedOnStepTwo) {
  const created = createLabController(doublingLab, { clock: new SimulatedClock(), deriver, progress });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe('restoring and showing a solution through the deriver', () => {
  it('never derives in place: every fact comes from the deriver', () => {
    const { deriver, asked } = recordingDeriver();
    const solutionsAskedUpTo: number[] = [];
    const solutions: SolutionSource = (_labId, upTo) => {
      solutionsAskedUpTo.push(upTo);
      return scriptedSolutions(doublingLab, upTo);
    };
    const created = createLabController(derivesOnlyThroughTheDeriver, {
      clock: new SimulatedClock(),
      deriver,
      solutions,
      progress: savedOnStepTwo,
    });
    if (!created.ok) throw new Error(created.error.message);
    const lab = created.value;
    // Step 1's end is checked again, then the current workspace's facts are taken along.
    expect(asked).toEqual([2, 3]);
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'working',
      stepIndex: 1,
      restoring: false,
      derived: { doubled: 6 },
      lastError: null,
    });
    lab.showSolution();
    expect(solutionsAskedUpTo).toEqual([1]);
    // On top of the learner's work (3 + 3 = 6, not 5), then from the step's start (2 + 3 = 5, passes).
    expect(asked).toEqual([2, 3, 6, 5]);
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'passed',
      solving: false,
      assisted: true,
      workspace: { count: 5 },
      derived: { doubled: 10 },
    });
  });

  it('shows Restoring… at the saved step, takes no action meanwhile, then opens with the facts', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = resume(deriver);
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'working',
      stepIndex: 1,
      restoring: true,
      deriving: false,
      hasDerived: false,
      canUndo: false,
      tasks: [{ passed: false, feedback: 'Checking…' }],
    });
    expect(lab.getSnapshot().progress).toEqual(savedOnStepTwo);
    lab.act({ type: 'add', by: 2 });
    lab.undo();
    lab.showSolution();
    expect(lab.getSnapshot()).toMatchObject({ restoring: true, workspace: { count: 3 } });
    // One request at a time: the next is asked for when the previous answer is in.
    expect(calls.map((call) => call.workspace.count)).toEqual([2]);
    answer(0);
    await settle();
    expect(calls.map((call) => call.workspace.count)).toEqual([2, 3]);
    answer(1);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'working',
      restoring: false,
      deriving: false,
      derived: { doubled: 6 },
      hints: [],
      canUndo: true,
    });
    expect(calls).toHaveLength(2);
  });

  it('opens a done step again when its facts no longer pass, judged on the deriver’s answer', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const laxer = {
      ...savedOnStepTwo,
      actionsByStep: [[add(1)], [add(2)]],
    };
    const lab = resume(deriver, laxer);
    answer(0);
    await settle();
    answer(1);
    await settle();
    expect(calls.map((call) => call.workspace.count)).toEqual([1, 3]);
    expect(lab.getSnapshot()).toMatchObject({
      stepIndex: 0,
      restoring: false,
      lastError: { code: 'StepReopened' },
      workspace: { count: 3 },
    });
  });

  it('says why restoring failed, keeps the saved progress exactly, and can try again', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = resume(deriver);
    calls[0]!.reject({ code: 'DeriveFailed', message: 'The derive worker stopped.' });
    await settle();
    expect(lab.getSnapshot()).toMatchObject({
      restoring: false,
      restoreError: { code: 'DeriveFailed', message: 'The derive worker stopped.' },
      deriving: false,
    });
    expect(lab.getSnapshot().progress).toEqual(savedOnStepTwo);
    expect(calls).toHaveLength(1);
    lab.retryRestore();
    expect(lab.getSnapshot()).toMatchObject({ restoring: true, restoreError: null });
    answer(1);
    await settle();
    answer(2);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({
      restoring: false,
      restoreError: null,
      derived: { doubled: 6 },
    });
  });

  it('calls off a restore superseded by a reset, and ignores its late answer', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = resume(deriver);
    lab.reset();
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(lab.getSnapshot()).toMatchObject({ phase: 'intro', restoring: false });
    answer(0);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ phase: 'intro', stepIndex: 0, workspace: { count: 0 } });
  });

  it('drops a restore in flight when stopped', () => {
    const { deriver, calls } = deferredDeriver();
    resume(deriver).stop();
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('shows a solution once its facts are in, keeping the learner’s actions out meanwhile', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = resume(deriver);
    answer(0);
    await settle();
    answer(1);
    await settle();
    lab.showSolution();
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'working',
      solving: true,
      assisted: false,
      canUndo: false,
    });
    lab.act({ type: 'add', by: 2 });
    expect(lab.getSnapshot()).toMatchObject({ solving: true, workspace: { count: 3 } });
    expect(calls.map((call) => call.workspace.count)).toEqual([2, 3, 6]);
    answer(2); // 6 does not pass: the next candidate is asked for
    await settle();
    expect(calls.map((call) => call.workspace.count)).toEqual([2, 3, 6, 5]);
    answer(3);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'passed',
      solving: false,
      assisted: true,
      workspace: { count: 5 },
    });
    expect(lab.getSnapshot().progress.actionsByStep[1]).toEqual([{ type: 'add', by: 3 }]);
  });

  it('leaves the work as it was and says why when the solution’s facts fail', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = resume(deriver);
    answer(0);
    await settle();
    answer(1);
    await settle();
    lab.showSolution();
    calls[2]!.reject(new Error('The simulation ran out of memory.'));
    await settle();
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'working',
      solving: false,
      assisted: false,
      workspace: { count: 3 },
      lastError: {
        code: 'SolutionNotShown',
        message:
          'The solution could not be shown: its results could not be computed (The simulation ran out of memory.).',
      },
    });
    expect(calls).toHaveLength(3);
  });

  it('calls off a solution superseded by a reset, and ignores its late answer', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = resume(deriver);
    answer(0);
    await settle();
    answer(1);
    await settle();
    lab.showSolution();
    lab.reset();
    expect(calls[2]!.signal.aborted).toBe(true);
    answer(2);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ phase: 'intro', assisted: false, workspace: { count: 0 } });
    // No further candidate was asked for; the last request is the starting workspace's own facts.
    expect(calls.map((call) => call.workspace.count)).toEqual([2, 3, 6, 0]);
  });

  it('says why when the scripted solutions cannot be computed, and leaves the work as it was', () => {
    const created = createLabController(doublingLab, {
      clock: new SimulatedClock(),
      progress: savedOnStepTwo,
      solutions: () => {
        throw new Error('The derive worker stopped.');
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    const lab = created.value;
    lab.showSolution();
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'working',
      solving: false,
      assisted: false,
      workspace: { count: 3 },
      lastError: {
        code: 'SolutionNotShown',
        message:
          'The solution could not be shown: its results could not be computed (The derive worker stopped.).',
      },
    });
  });
});
