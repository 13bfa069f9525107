import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../labs/engine';
import { AnswerProblems, checklistLine } from './answer-problems.svelte';
import { parseTypedNumber } from '../number-input';

const answered: TaskStatus = {
  taskId: 'final-count',
  title: 'How many views in the end?',
  passed: true,
  feedback: 'Right: 21600.',
};

describe('the checklist line of a typed answer', () => {
  it('stops showing the verdict on the previous answer once a new one cannot be read, and shows it again after', () => {
    const problems = new AnswerProblems();
    expect(checklistLine(answered, problems.get('final-count'))).toEqual({
      passed: true,
      feedback: 'Right: 21600.',
    });

    const garbage = parseTypedNumber('21,6OO', 'en-US');
    if (garbage.ok) throw new Error('read garbage');
    problems.set('final-count', garbage.error);
    expect(checklistLine(answered, problems.get('final-count'))).toEqual({
      passed: false,
      feedback:
        'Your latest answer was not checked: “21,6OO” is not a number. Type a number such as 21,600 or 2.5.',
    });

    problems.set('final-count', null);
    expect(checklistLine(answered, problems.get('final-count'))).toEqual({
      passed: true,
      feedback: 'Right: 21600.',
    });
  });

  it('keeps problems per question', () => {
    const problems = new AnswerProblems();
    problems.set('a', 'bad');
    expect(problems.get('a')).toBe('bad');
    expect(problems.get('b')).toBeUndefined();
  });
});
