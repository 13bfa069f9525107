import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createLabController } from './controller.ts';
import { inProcessDeriver, isPromiseLike, type LabDeriver } from './deriver.ts';
import type { CounterWorkspace } from './fixtures/counter-lab.ts';
import { deferredDeriver, doublingLab, settle } from './fixtures/doubling-lab.ts';

function play(deriver: LabDeriver) {
  const created = createLabController(doublingLab, { clock: new SimulatedClock(), deriver });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe('deriving off the flow', () => {
  it('keeps the learner’s workspace at once and checks it when its facts arrive', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = play(deriver);
    expect(lab.getSnapshot()).toMatchObject({ deriving: true, hasDerived: false, derived: undefined });
    answer(0);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ deriving: false, hasDerived: true, derived: { doubled: 0 } });
    lab.start();
    lab.act({ type: 'add', by: 2 });
    expect(lab.getSnapshot()).toMatchObject({ phase: 'working', workspace: { count: 2 }, deriving: true });
    // The explorable keeps the last facts while the new ones are computed.
    expect(lab.getSnapshot().derived).toEqual({ doubled: 0 });
    expect(calls).toHaveLength(2);
    answer(1);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ phase: 'passed', deriving: false, derived: { doubled: 4 } });
    expect(lab.getSnapshot().tasks[0]).toMatchObject({ passed: true, feedback: 'Twice the counter is 4.' });
  });

  it('never applies a superseded result, even one that arrives last', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = play(deriver);
    answer(0);
    await settle();
    lab.start();
    lab.act({ type: 'add', by: 2 });
    lab.act({ type: 'add', by: -1 });
    expect(calls.map((call) => call.workspace.count)).toEqual([0, 2, 1]);
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(calls[2]!.signal.aborted).toBe(false);
    answer(2);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ phase: 'working', deriving: false, derived: { doubled: 2 } });
    answer(1); // the stale count of 2 would pass the step
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ phase: 'working', derived: { doubled: 2 } });
    expect(lab.getSnapshot().tasks[0]).toMatchObject({ passed: false });
  });

  it('ignores a superseded result that arrives first and waits for the current one', async () => {
    const { deriver, answer } = deferredDeriver();
    const lab = play(deriver);
    answer(0);
    await settle();
    lab.start();
    lab.act({ type: 'add', by: 2 });
    lab.act({ type: 'add', by: -1 });
    answer(1);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ phase: 'working', deriving: true, derived: { doubled: 0 } });
    answer(2);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ deriving: false, derived: { doubled: 2 } });
  });

  it('says why facts could not be computed, keeps the work, and recovers on the next action', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = play(deriver);
    answer(0);
    await settle();
    lab.start();
    lab.act({ type: 'add', by: 2 });
    calls[1]!.reject(new Error('The simulation ran out of memory.'));
    await settle();
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'working',
      workspace: { count: 2 },
      deriving: false,
      deriveError: { code: 'DeriveFailed', message: 'The simulation ran out of memory.' },
    });
    expect(lab.getSnapshot().progress.actionsByStep[0]).toEqual([{ type: 'add', by: 2 }]);
    lab.act({ type: 'add', by: 1 });
    expect(lab.getSnapshot()).toMatchObject({ deriving: true, deriveError: null });
    answer(2);
    await settle();
    expect(lab.getSnapshot()).toMatchObject({ phase: 'passed', deriveError: null });
  });

  it('reports a deriver that throws at once as the same kind of error', () => {
    const lab = play((_labId, workspace) => {
      if ((workspace as CounterWorkspace).count > 0) throw new Error('No facts for this counter.');
      return doublingLab.derive(workspace as CounterWorkspace);
    });
    lab.start();
    lab.act({ type: 'add', by: 2 });
    expect(lab.getSnapshot()).toMatchObject({
      phase: 'working',
      workspace: { count: 2 },
      deriveError: { code: 'DeriveFailed', message: 'No facts for this counter.' },
    });
  });

  it('does not derive again for a refused action, a hint or a reset to the start', async () => {
    const { deriver, calls, answer } = deferredDeriver();
    const lab = play(deriver);
    answer(0);
    await settle();
    lab.start();
    lab.act({ type: 'add', by: 9 });
    lab.hint();
    lab.reset();
    expect(lab.getSnapshot()).toMatchObject({ phase: 'intro', deriving: false });
    expect(calls).toHaveLength(1);
  });

  it('drops a derive in flight when stopped', async () => {
    const { deriver, calls } = deferredDeriver();
    const lab = play(deriver);
    lab.stop();
    expect(calls[0]!.signal.aborted).toBe(true);
  });
});

describe('in-process deriver', () => {
  it('derives at once with the lab found by id, and says when there is none', () => {
    const derive = inProcessDeriver((id) => (id === doublingLab.id ? doublingLab : undefined));
    const signal = new AbortController().signal;
    expect(derive('doubling', { count: 3 }, signal)).toEqual({ doubled: 6 });
    expect(() => derive('nope', { count: 3 }, signal)).toThrow('No lab "nope" is registered here.');
  });

  it('tells a promise from facts', () => {
    expect(isPromiseLike(Promise.resolve(1))).toBe(true);
    expect(isPromiseLike({ then: 1 })).toBe(false);
    expect(isPromiseLike(undefined)).toBe(false);
  });
});
