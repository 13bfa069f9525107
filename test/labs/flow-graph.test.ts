import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { solutionEvent } from '../../labs/engine/fixtures/flow-events.ts';
import { createLabMachine, type LabFlowEvent } from '../../labs/engine/machine.ts';
import { registeredLabs } from '../../labs/index.ts';

const events: LabFlowEvent[] = [
  { type: 'START', at: 0 },
  { type: 'HINT', at: 0 },
  { type: 'UNDO', at: 0 },
  { type: 'SHOW_SOLUTION', at: 0 },
  { type: 'NEXT', at: 0 },
  { type: 'RESET', at: 0 },
];

describe('every registered lab’s flow graph', () => {
  for (const { folder, lab } of registeredLabs) {
    it(`${folder}: reaches every state and every step`, () => {
      const paths = getShortestPaths(createLabMachine(lab), {
        // A show-solution is answered as the controller would, once its candidates' facts are in.
        events: (state) =>
          state.value === 'solving' ? [...events, solutionEvent(lab, state.context)] : events,
        // One vertex per phase and step keeps the graph small; the workspace is what the other tests cover.
        serializeState: (state) => JSON.stringify([state.value, state.context.stepIndex]),
      });
      const reached = new Set(paths.map((p) => `${String(p.state.value)}:${p.state.context.stepIndex}`));
      const last = lab.steps.length - 1;
      const expected = ['intro:0', `completed:${last}`];
      for (const index of lab.steps.keys()) {
        expected.push(`working:${index}`, `passed:${index}`, `solving:${index}`);
      }
      expect([...reached].sort()).toEqual(expected.sort());
    });
  }
});
