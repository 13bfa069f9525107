import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { counterLab, type CounterAction } from './fixtures/counter-lab.ts';
import { restoreEvent, solutionEvent } from './fixtures/flow-events.ts';
import { isDeriving } from './flow-context.ts';
import { createLabMachine, type LabFlowEvent } from './machine.ts';
import { replayProgress, restoringContext } from './progress.ts';

/** The counter lab saved on its second step, the first done: restoring it checks that step again. */
const savedOnStepTwo = {
  format: 'bdlab-lab-progress',
  version: 1,
  labId: counterLab.id,
  phase: 'working',
  stepIndex: 1,
  actionsByStep: [[{ type: 'add', by: 2 }], [{ type: 'add', by: 1 }]],
  hintsUsed: [0, 0],
  assistedSteps: [],
  startedAt: 0,
  completedAt: null,
  stepStartedAt: [0, 10],
  stepCompletedAt: [5, null],
};

describe('lab flow machine graph', () => {
  it('reaches every state from the intro', () => {
    const machine = createLabMachine(counterLab);
    const addOne: CounterAction = { type: 'add', by: 1 };
    const add: LabFlowEvent = { type: 'ACTION', action: addOne, at: 0 };
    const events: LabFlowEvent[] = [
      { type: 'START', at: 0 },
      { type: 'UNDO', at: 0 },
      { type: 'HINT', at: 0 },
      { type: 'SHOW_SOLUTION', at: 0 },
      { type: 'NEXT', at: 0 },
      { type: 'RESET', at: 0 },
    ];
    const paths = getShortestPaths(machine, {
      // Adding is offered only up to 6 so the graph of counter values stays finite.
      // A workspace awaiting its facts is offered the deriver's answer, as the controller would send it.
      events: (state) => [
        ...((state.context.workspace as { count: number }).count < 6 ? [add] : []),
        ...events,
        ...(isDeriving(state.context)
          ? [{ type: 'DERIVED', workspace: state.context.workspace, derived: undefined, at: 0 } as const]
          : []),
        // A show-solution is answered as the controller would, once its candidates' facts are in.
        ...(state.value === 'solving' ? [solutionEvent(counterLab, state.context)] : []),
      ],
      serializeState: (state) =>
        JSON.stringify([
          state.value,
          state.context.stepIndex,
          state.context.workspace,
          state.context.hintsUsed,
          isDeriving(state.context),
        ]),
      limit: 10_000,
    });
    const reached = new Set(paths.map((path) => String(path.state.value)));
    const declared = Object.keys(machine.root.states);
    expect(declared).toEqual([
      'intro',
      'working',
      'passed',
      'completed',
      'solving',
      'restoring',
      'restoreFailed',
    ]);
    // Restoring is entered only from saved progress (see the next test).
    const fromSavedOnly = ['restoring', 'restoreFailed'];
    expect([...reached].sort()).toEqual(declared.filter((state) => !fromSavedOnly.includes(state)).sort());
    for (const step of [0, 1]) {
      expect(paths.some((p) => p.state.value === 'passed' && p.state.context.stepIndex === step)).toBe(true);
    }
  });

  it('leaves restoring for the restored step, a failure that keeps the file, or the intro', () => {
    const machine = createLabMachine(counterLab);
    const replayed = replayProgress(counterLab, savedOnStepTwo);
    if (!replayed.ok) throw new Error(replayed.error.message);
    const restored = restoreEvent(counterLab, replayed.value);
    const addTwo: CounterAction = { type: 'add', by: 2 };
    const events: LabFlowEvent[] = [
      restored,
      { type: 'RESTORE_FAILED', error: { code: 'DeriveFailed', message: 'worker gone' }, at: 0 },
      { type: 'RETRY_RESTORE', at: 0 },
      { type: 'RESET', at: 0 },
      // Learner events are offered too: none of them may leave restoring.
      { type: 'START', at: 0 },
      { type: 'ACTION', action: addTwo, at: 0 },
      { type: 'SHOW_SOLUTION', at: 0 },
      { type: 'NEXT', at: 0 },
    ];
    const paths = getShortestPaths(machine, {
      fromState: machine.resolveState({
        value: 'restoring',
        context: restoringContext(counterLab, replayed.value),
      }),
      // Only what happens while restoring matters here; the flow after it is the first test's.
      events: (state) => (['restoring', 'restoreFailed'].includes(String(state.value)) ? events : []),
      serializeState: (state) =>
        JSON.stringify([state.value, state.context.stepIndex, state.context.workspace]),
    });
    // Only the restore's outcome or a reset moves the flow on: a learner's event in restoring does nothing.
    const oneMove = paths.filter((path) => path.steps.length === 2);
    expect(
      oneMove.map((path) => `${path.steps[1]!.event.type} → ${String(path.state.value)}`).sort(),
    ).toEqual(['RESET → intro', 'RESTORED → working', 'RESTORE_FAILED → restoreFailed']);
    const restoredTo = paths.find((path) => path.state.value === 'working' && path.steps.length === 2)!;
    expect(restoredTo.state.context).toMatchObject({ stepIndex: 1, workspace: { count: 3 }, facts: {} });
  });
});
