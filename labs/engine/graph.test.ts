import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { counterLab, type CounterAction } from './fixtures/counter-lab.ts';
import { isDeriving } from './flow-context.ts';
import { createLabMachine, type LabFlowEvent } from './machine.ts';

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
    expect(declared).toEqual(['intro', 'working', 'passed', 'completed']);
    expect([...reached].sort()).toEqual([...declared].sort());
    for (const step of [0, 1]) {
      expect(paths.some((p) => p.state.value === 'passed' && p.state.context.stepIndex === step)).toBe(true);
    }
  });
});
