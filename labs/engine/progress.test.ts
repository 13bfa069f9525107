import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createLabController } from './controller.ts';
import { counterLab } from './fixtures/counter-lab.ts';
import { restoreProgress } from './progress.ts';

function controller(progress?: unknown, now = 0) {
  const clock = new SimulatedClock();
  clock.set(now);
  const created = createLabController(counterLab, { clock, ...(progress === undefined ? {} : { progress }) });
  if (!created.ok) throw new Error(created.error.message);
  return { clock, lab: created.value };
}

/** Progress as it comes back from disk: through JSON. */
const saved = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value));

describe('lab progress', () => {
  it('resumes exactly where the learner left off and continues identically', () => {
    const original = controller();
    original.clock.set(100);
    original.lab.start();
    original.lab.hint();
    original.lab.act({ type: 'add', by: 2 });
    original.lab.next();
    original.lab.act({ type: 'add', by: 1 });
    const file = saved(original.lab.getSnapshot().progress);

    const resumed = controller(file, 100);
    expect(resumed.lab.getSnapshot()).toEqual(original.lab.getSnapshot());
    for (const lab of [original.lab, resumed.lab]) {
      lab.act({ type: 'add', by: 2 });
      lab.undo();
      lab.act({ type: 'add', by: 2 });
      lab.next();
    }
    expect(resumed.lab.getSnapshot()).toEqual(original.lab.getSnapshot());
    expect(resumed.lab.getSnapshot().phase).toBe('completed');
  });

  it('resumes a solved step and still advances on the clock', () => {
    const original = controller();
    original.lab.start();
    original.lab.act({ type: 'add', by: 2 });
    const resumed = controller(saved(original.lab.getSnapshot().progress));
    expect(resumed.lab.getSnapshot().phase).toBe('passed');
    resumed.clock.increment(3000);
    expect(resumed.lab.getSnapshot()).toMatchObject({ phase: 'working', stepIndex: 1 });
  });

  it('restores a completed lab as completed', () => {
    const original = controller();
    original.lab.start();
    original.lab.showSolution();
    original.lab.next();
    original.lab.showSolution();
    original.lab.next();
    const resumed = controller(saved(original.lab.getSnapshot().progress));
    expect(resumed.lab.getSnapshot().phase).toBe('completed');
    expect(resumed.lab.getSnapshot().progress.assistedSteps).toEqual([0, 1]);
  });

  it('refuses progress of another lab', () => {
    const file = saved(controller().lab.getSnapshot().progress);
    const result = restoreProgress(counterLab, { ...file, labId: 'data-bus' });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidProgress', path: '$.labId' } });
  });

  it('refuses a workspace that does not match the recorded actions', () => {
    const { lab } = controller();
    lab.start();
    lab.act({ type: 'add', by: 1 });
    const file = saved(lab.getSnapshot().progress);
    const result = restoreProgress(counterLab, { ...file, workspace: { count: 5 } });
    expect(result).toMatchObject({ ok: false, error: { path: '$.workspace' } });
  });

  it('opens a step recorded as done again when its actions do not pass, keeping every action', () => {
    const { lab } = controller();
    lab.start();
    lab.act({ type: 'add', by: 2 });
    lab.next();
    const file = saved(lab.getSnapshot().progress);
    // Saved when step 1's check was laxer: 1 was enough then, and the learner went on with 1 more.
    const laxer = {
      ...file,
      actionsByStep: [[{ type: 'add', by: 1 }], [{ type: 'add', by: 1 }]],
      workspace: { count: 2 },
      stepCompletedAt: [0, null],
    };
    const result = restoreProgress(counterLab, laxer);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.phase).toBe('working');
    expect(result.value.context).toMatchObject({
      stepIndex: 0,
      workspace: { count: 2 },
      actionsByStep: [
        [
          { type: 'add', by: 1 },
          { type: 'add', by: 1 },
        ],
        [],
      ],
      stepCompletedAt: [null, null],
      lastError: { code: 'StepReopened' },
    });
    expect(result.value.context.lastError?.message).toMatch(/^Step 1 is open again/);
    const resumed = controller(laxer).lab.getSnapshot();
    expect(resumed.stepIndex).toBe(0);
    expect(resumed.lastError?.code).toBe('StepReopened');
  });

  it('refuses an action the lab does not accept, naming where it is', () => {
    const file = saved(controller().lab.getSnapshot().progress);
    const forged = { ...file, phase: 'working', actionsByStep: [[{ type: 'add', by: 50 }], []] };
    const result = restoreProgress(counterLab, forged);
    expect(result).toMatchObject({ ok: false, error: { path: '$.actionsByStep[0][0]' } });
  });

  it('refuses garbage with the field that is wrong', () => {
    expect(restoreProgress(counterLab, 'hello')).toMatchObject({ ok: false, error: { path: '$' } });
    const file = saved(controller().lab.getSnapshot().progress);
    expect(restoreProgress(counterLab, { ...file, hintsUsed: [9, 0] })).toMatchObject({
      ok: false,
      error: { message: 'Step 1 has only 2 hints.' },
    });
    expect(createLabController(counterLab, { progress: { ...file, version: 7 } })).toMatchObject({
      ok: false,
    });
  });
});
