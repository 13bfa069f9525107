import { describe, expect, it } from 'vitest';
import { scriptedSolutions, type LabClock, type LabProgress } from '../../labs/engine';
import { findLab } from '../../labs';
import type { DataBusAction } from '../../labs/01-data-bus/workspace';
import { progressAtStep } from './jump';
import { LabSession, type LabProgressSink } from './lab-session.svelte';

class MemorySink implements LabProgressSink {
  saved = new Map<string, unknown>();
  saves = 0;
  savedProgress(labId: string): unknown {
    return this.saved.get(labId);
  }
  saveProgress(labId: string, progress: LabProgress): void {
    this.saves += 1;
    this.saved.set(labId, JSON.parse(JSON.stringify(progress)));
  }
}

const lab = findLab('data-bus')!;
let time = 1_000;
const clock: LabClock = { now: () => time, setTimeout: () => null, clearTimeout: () => undefined };

describe('LabSession', () => {
  it('does not save a lab that was only opened', () => {
    const sink = new MemorySink();
    const session = new LabSession(lab, sink, clock);
    expect(session.snapshot?.phase).toBe('intro');
    expect(sink.saves).toBe(0);
  });

  it('saves every change and resumes exactly where the learner left off', () => {
    const sink = new MemorySink();
    const first = new LabSession(lab, sink, clock);
    first.start();
    const place: DataBusAction = { type: 'place', item: 'kinesis', stage: 'store' };
    first.act(place);
    first.hint();
    first.dispose();
    const second = new LabSession(lab, sink, clock);
    expect(second.snapshot?.phase).toBe('working');
    expect(second.snapshot?.workspace).toEqual({ placements: { kinesis: 'store' }, connections: [] });
    expect(second.snapshot?.hints).toHaveLength(1);
    expect(second.snapshot?.canUndo).toBe(true);
  });

  it('waits on a solved step until Next, then records the time spent', () => {
    const sink = new MemorySink();
    const session = new LabSession(lab, sink, clock);
    time = 10_000;
    session.start();
    for (const action of lab.steps[0]!.solution) session.act(action);
    time = 70_000;
    expect(session.snapshot?.phase).toBe('passed');
    session.next();
    expect(session.snapshot?.stepIndex).toBe(1);
    const saved = sink.saved.get(lab.id) as LabProgress;
    expect(saved.stepStartedAt[0]).toBe(10_000);
    expect(saved.stepCompletedAt[0]).toBe(10_000);
  });

  it('refuses damaged progress, keeps it stored, and starts over only when asked', () => {
    const sink = new MemorySink();
    const damaged = { format: 'bdlab-lab-progress', version: 1, labId: 'data-bus', phase: 'flying' };
    sink.saved.set(lab.id, damaged);
    const session = new LabSession(lab, sink, clock);
    expect(session.snapshot).toBeNull();
    expect(session.restoreError?.message).toMatch(/"phase" must be one of/);
    expect(sink.saved.get(lab.id)).toBe(damaged);
    session.startOver();
    expect(session.restoreError).toBeNull();
    expect((sink.saved.get(lab.id) as LabProgress).phase).toBe('intro');
  });

  it('jumps to a step with the earlier ones solved and marked assisted', () => {
    const sink = new MemorySink();
    const session = new LabSession(lab, sink, clock);
    session.jumpToStep(2);
    expect(session.snapshot?.stepIndex).toBe(2);
    expect((sink.saved.get(lab.id) as LabProgress).assistedSteps).toEqual([0, 1]);
  });

  it('saves the learner’s action at once, while its facts are still being computed elsewhere', async () => {
    const sink = new MemorySink();
    const answers: (() => void)[] = [];
    const session = new LabSession(lab, sink, clock, (_labId, workspace) => {
      return new Promise((resolve) => answers.push(() => resolve(lab.derive(workspace))));
    });
    answers.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    session.start();
    const place: DataBusAction = { type: 'place', item: 'kinesis', stage: 'store' };
    session.act(place);
    expect(session.snapshot?.deriving).toBe(true);
    expect((sink.saved.get(lab.id) as LabProgress).actionsByStep[0]).toEqual([
      { type: 'place', item: 'kinesis', stage: 'store' },
    ]);
    answers.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.snapshot?.deriving).toBe(false);
    session.dispose();
  });

  it('jumps to a step through the deriver and the solution source, computing neither on the page', async () => {
    const sink = new MemorySink();
    const onThePage = (what: string): never => {
      throw new Error(`${what} on the page instead of in the worker`);
    };
    const derivesElsewhereOnly = {
      ...lab,
      derive: () => onThePage('derived'),
      steps: lab.steps.map((step) => ({
        ...step,
        get solution(): never {
          return onThePage('solution computed');
        },
      })),
    };
    const asked: unknown[] = [];
    const solutionsUpTo: number[] = [];
    let answerSolutions: () => void = () => undefined;
    const session = new LabSession(
      derivesElsewhereOnly,
      sink,
      clock,
      (_labId, workspace) => {
        asked.push(workspace);
        return lab.derive(workspace);
      },
      (_labId, upTo) => {
        solutionsUpTo.push(upTo);
        return new Promise((resolve) => (answerSolutions = () => resolve(scriptedSolutions(lab, upTo))));
      },
    );
    session.jumpToStep(2);
    expect(session.jumping).toBe(true);
    expect(session.snapshot).toMatchObject({ phase: 'intro' });
    answerSolutions();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(solutionsUpTo).toEqual([1]);
    expect(session.jumping).toBe(false);
    expect(session.snapshot).toMatchObject({ stepIndex: 2, restoring: false, hasDerived: true });
    // The intro's facts, then the two steps jumped over checked again (the second's end is the current).
    expect(asked).toHaveLength(3);
    expect((sink.saved.get(lab.id) as LabProgress).stepIndex).toBe(2);
  });

  it('says why a jump could not be made and leaves the lab as it was', async () => {
    const sink = new MemorySink();
    const session = new LabSession(lab, sink, clock, undefined, () =>
      Promise.reject({ code: 'DeriveFailed', message: 'The derive worker stopped.' }),
    );
    session.start();
    session.jumpToStep(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.jumping).toBe(false);
    expect(session.jumpError?.message).toBe('The lab could not go to step 3: The derive worker stopped.');
    expect(session.snapshot).toMatchObject({ phase: 'working', stepIndex: 0 });
  });

  it('saves nothing while restoring, and keeps the stored progress exactly when restoring fails', async () => {
    const sink = new MemorySink();
    const stored = JSON.parse(JSON.stringify(progressAtStep(lab, 2, 5_000)));
    sink.saved.set(lab.id, stored);
    const calls: { workspace: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
    const session = new LabSession(lab, sink, clock, (_labId, workspace) => {
      return new Promise((resolve, reject) => calls.push({ workspace, resolve, reject }));
    });
    expect(session.snapshot).toMatchObject({ restoring: true, stepIndex: 2 });
    calls[0]!.reject({ code: 'DeriveFailed', message: 'The derive worker stopped.' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.snapshot?.restoreError?.message).toBe('The derive worker stopped.');
    expect(sink.saves).toBe(0);
    expect(sink.saved.get(lab.id)).toBe(stored);
    expect(stored).toEqual(JSON.parse(JSON.stringify(progressAtStep(lab, 2, 5_000))));
    session.retryRestore();
    for (let index = 1; index < calls.length || session.snapshot?.restoring; index += 1) {
      calls[index]!.resolve(lab.derive(calls[index]!.workspace));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(session.snapshot).toMatchObject({ restoring: false, restoreError: null, stepIndex: 2 });
    session.act(lab.steps[2]!.solution[0]!);
    expect(sink.saves).toBe(1);
    session.dispose();
  });
});
