import { beforeAll, describe, expect, it } from 'vitest';
import { restoreProgress } from '../../labs/engine';
import { registeredLabs } from '../../labs';
import { progressAtStep } from './jump';
import { prepareSqlJsForLabs } from '../../test/labs/sql-js.ts';

// The SQL labs derive on sql.js.
beforeAll(prepareSqlJsForLabs);

describe('progressAtStep', () => {
  for (const { lab } of registeredLabs) {
    it(`puts ${lab.id} at the start of every step, earlier steps solved and marked assisted`, () => {
      for (let index = 0; index < lab.steps.length; index += 1) {
        const progress = progressAtStep(lab, index, 1_000);
        const restored = restoreProgress(lab, progress);
        expect(restored.ok, restored.ok ? '' : restored.error.message).toBe(true);
        if (!restored.ok) continue;
        expect(restored.value.context.stepIndex).toBe(index);
        expect(restored.value.context.actionsByStep[index]).toEqual([]);
        expect(progress.assistedSteps).toEqual([...Array(index).keys()]);
      }
    });
  }

  it('clamps a step beyond the last to the last', () => {
    const lab = registeredLabs[0]!.lab;
    expect(progressAtStep(lab, 99, 0).stepIndex).toBe(lab.steps.length - 1);
  });
});
