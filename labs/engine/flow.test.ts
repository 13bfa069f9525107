import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createLabController, type LabController } from './controller.ts';
import { counterLab, type CounterAction, type CounterWorkspace } from './fixtures/counter-lab.ts';

function play(delay = 3000): { clock: SimulatedClock; lab: LabController<CounterWorkspace, CounterAction> } {
  const clock = new SimulatedClock();
  const created = createLabController(counterLab, { clock, stepAdvanceDelayMs: delay });
  if (!created.ok) throw new Error(created.error.message);
  return { clock, lab: created.value };
}

describe('lab flow', () => {
  it('starts at the intro with the starting workspace', () => {
    const { lab } = play();
    expect(lab.getSnapshot().phase).toBe('intro');
    expect(lab.getSnapshot().workspace).toEqual({ count: 0 });
  });

  it('checks each action and gives feedback until the step passes', () => {
    const { lab, clock } = play();
    clock.set(1000);
    lab.start();
    lab.act({ type: 'add', by: 1 });
    expect(lab.getSnapshot().phase).toBe('working');
    expect(lab.getSnapshot().tasks[0]).toMatchObject({
      passed: false,
      feedback: 'The counter is 1; add 1 more.',
    });
    lab.act({ type: 'add', by: 1 });
    expect(lab.getSnapshot().phase).toBe('passed');
    expect(lab.getSnapshot().progress.stepCompletedAt[0]).toBe(1000);
  });

  it('refuses a bad action with an error and keeps the work', () => {
    const { lab } = play();
    lab.start();
    lab.act({ type: 'add', by: 1 });
    lab.act({ type: 'add', by: 99 });
    expect(lab.getSnapshot().workspace).toEqual({ count: 1 });
    expect(lab.getSnapshot().lastError?.message).toBe('add needs an integer "by" from -10 to 10.');
    lab.act({ type: 'add', by: -1 });
    expect(lab.getSnapshot().lastError).toBeNull();
  });

  it('reveals hints one at a time, counts them, and stops at the last', () => {
    const { lab } = play();
    lab.start();
    expect(lab.getSnapshot().hints).toEqual([]);
    lab.hint();
    expect(lab.getSnapshot().hints).toEqual(['Use add.']);
    lab.hint();
    lab.hint();
    expect(lab.getSnapshot().hints).toEqual(['Use add.', 'Add 2.']);
    expect(lab.getSnapshot().hintsRemaining).toBe(0);
    expect(lab.getSnapshot().progress.hintsUsed).toEqual([2, 0]);
  });

  it('shows the solution, marks the step assisted and keeps earlier work when it can', () => {
    const { lab } = play();
    lab.start();
    lab.act({ type: 'add', by: 1 });
    lab.showSolution();
    expect(lab.getSnapshot().phase).toBe('passed');
    expect(lab.getSnapshot().assisted).toBe(true);
    expect(lab.getSnapshot().progress.actionsByStep[0]).toEqual([
      { type: 'add', by: 1 },
      { type: 'add', by: 2 },
    ]);
  });

  it('replays the solution from the step start when the learner went off track', () => {
    const { lab } = play();
    lab.start();
    lab.next();
    lab.act({ type: 'add', by: 2 });
    lab.next();
    lab.act({ type: 'add', by: 7 });
    lab.showSolution();
    expect(lab.getSnapshot().workspace).toEqual({ count: 5 });
    expect(lab.getSnapshot().progress.assistedSteps).toEqual([1]);
  });

  it('undoes the last action of the step', () => {
    const { lab } = play();
    lab.start();
    lab.act({ type: 'add', by: 1 });
    lab.act({ type: 'add', by: 5 });
    lab.undo();
    expect(lab.getSnapshot().workspace).toEqual({ count: 1 });
    expect(lab.getSnapshot().canUndo).toBe(true);
  });

  it('advances after the delay on the simulated clock, not before', () => {
    const { lab, clock } = play(3000);
    lab.start();
    lab.act({ type: 'add', by: 2 });
    clock.increment(2999);
    expect(lab.getSnapshot().stepIndex).toBe(0);
    clock.increment(1);
    expect(lab.getSnapshot()).toMatchObject({ phase: 'working', stepIndex: 1 });
    expect(lab.getSnapshot().progress.stepStartedAt[1]).toBe(3000);
  });

  it('completes after the last step and records the time', () => {
    const { lab, clock } = play();
    clock.set(500);
    lab.start();
    lab.act({ type: 'add', by: 2 });
    lab.next();
    lab.act({ type: 'add', by: 3 });
    clock.set(800);
    lab.next();
    expect(lab.getSnapshot().phase).toBe('completed');
    expect(lab.getSnapshot().progress).toMatchObject({ startedAt: 500, completedAt: 800 });
  });

  it('goes back to working when a solved step is broken again', () => {
    const { lab } = play();
    lab.start();
    lab.act({ type: 'add', by: 2 });
    lab.act({ type: 'add', by: -1 });
    expect(lab.getSnapshot().phase).toBe('working');
  });

  it('resets to the intro with the starting workspace, hints and assistance cleared', () => {
    const { lab } = play();
    const fresh = lab.getSnapshot().progress;
    lab.start();
    lab.hint();
    lab.showSolution();
    lab.next();
    lab.act({ type: 'add', by: 1 });
    lab.reset();
    expect(lab.getSnapshot().phase).toBe('intro');
    expect(lab.getSnapshot().progress).toEqual(fresh);
  });

  it('tells subscribers about every change', () => {
    const { lab } = play();
    const seen: number[] = [];
    const unsubscribe = lab.subscribe((snapshot) => seen.push(snapshot.workspace.count));
    lab.start();
    lab.act({ type: 'add', by: 1 });
    unsubscribe();
    lab.act({ type: 'add', by: 1 });
    expect(seen).toEqual([0, 0, 1]);
  });
});
