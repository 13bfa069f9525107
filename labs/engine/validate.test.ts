import { describe, expect, it } from 'vitest';
import { counterLab } from './fixtures/counter-lab.ts';
import { validateLab } from './validate.ts';

const first = counterLab.steps[0]!;
const second = counterLab.steps[1]!;

describe('validateLab', () => {
  it('accepts a sound lab', () => {
    expect(validateLab(counterLab)).toEqual([]);
  });

  it('reports a solution that does not solve its step, with the check feedback', () => {
    const broken = {
      ...counterLab,
      steps: [first, { ...second, solution: [{ type: 'add' as const, by: 1 }] }],
    };
    expect(validateLab(broken).map((p) => p.message)).toEqual([
      'step "reach-five": after the solution, task "five" still fails: The counter is 3, not 5.',
    ]);
  });

  it('reports a step that is solved before the learner starts', () => {
    const broken = { ...counterLab, initialWorkspace: { count: 2 } };
    expect(validateLab(broken).map((p) => p.message)).toContain(
      'step "reach-two" is already solved before the learner does anything',
    );
  });

  it('reports a refused solution action', () => {
    const broken = {
      ...counterLab,
      steps: [{ ...first, solution: [{ type: 'add' as const, by: 40 }] }, second],
    };
    expect(validateLab(broken)[0]?.message).toMatch(
      /^step "reach-two": the solution is refused at Action 1 \(add by=40\)/,
    );
  });

  it('reports missing hints, tasks and solutions and duplicate ids', () => {
    const broken = {
      ...counterLab,
      steps: [
        { ...first, hints: [], solution: [] },
        { ...second, id: 'reach-two', tasks: [] },
      ],
    };
    expect(validateLab(broken).map((p) => p.message)).toEqual([
      'step id "reach-two" is used twice',
      'step "reach-two" has no hints',
      'step "reach-two" has no solution',
      'step "reach-two" has no tasks',
    ]);
  });
});
