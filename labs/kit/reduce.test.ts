import { describe, expect, it } from 'vitest';
import { ok } from '../../sim/core/index.ts';
import { answerWith, orList, reduceWith, refuseBlank, refuseNonNumber } from './reduce.ts';

interface Counter {
  readonly count: number;
  readonly answers: { readonly total?: number; readonly name?: string };
}
type CounterAction =
  | { readonly type: 'add'; readonly by: number }
  | { readonly type: 'reset' }
  | { readonly type: 'answer'; readonly question: 'total' | 'name'; readonly value: unknown };

const reduce = reduceWith<Counter, CounterAction>({
  add: (workspace, action) => ok({ ...workspace, count: workspace.count + action.by }),
  reset: (workspace) => ok({ ...workspace, count: 0 }),
  answer: answerWith({
    questions: ['total', 'name'],
    refuse: (value, question) =>
      question === 'total' ? refuseNonNumber(value) : refuseBlank('Type a name.')(value),
  }),
});
const start: Counter = { count: 1, answers: {} };

describe('reduceWith', () => {
  it('hands each action to the handler for its type', () => {
    expect(reduce(start, { type: 'add', by: 2 })).toEqual(ok({ count: 3, answers: {} }));
    expect(reduce(start, { type: 'reset' })).toEqual(ok({ count: 0, answers: {} }));
  });

  it('refuses an unknown type at `type`, listing the types in the order the handlers give them', () => {
    const result = reduce(start, { type: 'multiply' } as unknown as CounterAction);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'InvalidAction',
        message: 'Unknown action "multiply"; use add, reset or answer.',
        path: 'type',
      },
    });
  });

  it('does not take an inherited property for a handler', () => {
    const result = reduce(start, { type: 'toString' } as unknown as CounterAction);
    expect(result.ok).toBe(false);
  });
});

describe('answerWith', () => {
  it('records an accepted answer and replaces an earlier one', () => {
    const first = reduce(start, { type: 'answer', question: 'total', value: 3 });
    expect(first).toEqual(ok({ count: 1, answers: { total: 3 } }));
    const second = reduce(first.ok ? first.value : start, { type: 'answer', question: 'total', value: 4 });
    expect(second).toEqual(ok({ count: 1, answers: { total: 4 } }));
  });

  it('refuses a question the lab does not ask, at `question`', () => {
    const result = reduce(start, { type: 'answer', question: 'age', value: 3 } as unknown as CounterAction);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'InvalidAction',
        message: '"age" is not a question; use one of total, name.',
        path: 'question',
      },
    });
  });

  it('refuses a value the rules refuse, at `value`, with their reason', () => {
    expect(reduce(start, { type: 'answer', question: 'total', value: 'three' })).toEqual({
      ok: false,
      error: {
        code: 'InvalidAction',
        message: 'The answer must be a number (given "three").',
        path: 'value',
      },
    });
    expect(reduce(start, { type: 'answer', question: 'name', value: '  ' })).toEqual({
      ok: false,
      error: { code: 'InvalidAction', message: 'Type a name.', path: 'value' },
    });
  });

  it('names the only question plainly when a lab asks one', () => {
    const single = answerWith<Counter, 'total'>({ questions: ['total'], refuse: refuseNonNumber });
    const result = single(start, { type: 'answer', question: 'name' as 'total', value: 1 });
    expect(result.ok ? '' : result.error.message).toBe('"name" is not a question; use total.');
  });
});

describe('orList', () => {
  it('joins the last item with "or"', () => {
    expect(orList([])).toBe('');
    expect(orList(['pick'])).toBe('pick');
    expect(orList(['pick', 'clear'])).toBe('pick or clear');
    expect(orList(['run', 'answer', 'seed'])).toBe('run, answer or seed');
  });
});

describe('refuseNonNumber', () => {
  it('accepts finite numbers only', () => {
    expect(refuseNonNumber(0)).toBeUndefined();
    expect(refuseNonNumber(Number.NaN)).toBe('The answer must be a number (given null).');
    expect(refuseNonNumber(Infinity)).toBe('The answer must be a number (given null).');
  });
});
