import { describe, expect, it } from 'vitest';
import { compareResult, normalise, type ExpectedAnswer } from './result-set.ts';

const perDay: ExpectedAnswer = {
  columns: [
    { label: 'the day', kind: 'day' },
    { label: 'the response code', kind: 'integer' },
    { label: 'the number of requests', kind: 'integer' },
  ],
  rows: [
    ['2016-06-07', 200, 90],
    ['2016-06-07', 404, 4],
    ['2016-06-08', 200, 88],
  ],
  ordered: false,
  grain: 'one row per day and response code',
};

const count404: ExpectedAnswer = {
  columns: [{ label: 'the number of 404 responses', kind: 'integer' }],
  rows: [[4]],
  ordered: false,
  grain: 'one row',
};

describe('compareResult', () => {
  it('passes any correct query: column names, column order, row order and extra columns are free', () => {
    const workshop = {
      columns: ['trunc', 'response_code', 'count'],
      rows: [
        ['2016-06-07', 200, 90],
        ['2016-06-08', 200, 88],
        ['2016-06-07', 404, 4],
      ],
    };
    expect(compareResult(workshop, perDay)).toEqual({ matches: true });
    const reordered = {
      columns: ['n', 'day', 'code', 'note'],
      rows: [
        ['4', '2016-06-07 00:00:00', '404', 'x'],
        [90, '2016-06-07 00:00:00', 200, 'y'],
        [88, '2016-06-08 00:00:00', 200, 'z'],
      ],
    };
    expect(compareResult(reordered, perDay)).toEqual({ matches: true });
  });

  it('fails a result with a row too many or a wrong count, showing the learner’s own wrong row', () => {
    // Grouped by day only: a plausible slip that drops the response code.
    const byDayOnly = {
      columns: ['day', 'count'],
      rows: [
        ['2016-06-07', 94],
        ['2016-06-08', 88],
      ],
    };
    expect(compareResult(byDayOnly, perDay)).toEqual({
      matches: false,
      why: 'The answer needs 3 columns (the day, the response code, the number of requests); your query returns 2.',
    });
    const miscounted = {
      columns: ['d', 'c', 'n'],
      rows: [
        ['2016-06-07', 200, 90],
        ['2016-06-07', 404, 5],
        ['2016-06-08', 200, 88],
      ],
    };
    const verdict = compareResult(miscounted, perDay);
    expect(verdict).toEqual({
      matches: false,
      why: '2 of your 3 rows match the answer. For example (2016-06-07, 404, 5) is not in the answer.',
    });
    const twoRows = { columns: ['d', 'c', 'n'], rows: perDay.rows.slice(0, 2) };
    expect(compareResult(twoRows, perDay)).toEqual({
      matches: false,
      why: 'Your query returns 2 rows; the answer has one row per day and response code.',
    });
  });

  it('fails a wrong single value without printing the right one', () => {
    expect(compareResult({ columns: ['count'], rows: [[4]] }, count404)).toEqual({ matches: true });
    const wrong = compareResult({ columns: ['count'], rows: [[98]] }, count404);
    expect(wrong).toEqual({ matches: false, why: 'Your row (98) is not the answer.' });
    expect(JSON.stringify(wrong)).not.toContain('4');
    // Text where a number belongs cannot be the count.
    expect(compareResult({ columns: ['path'], rows: [['/cart']] }, count404)).toEqual({
      matches: false,
      why: 'Your columns do not hold what the answer needs (the number of 404 responses): check what each column of your SELECT computes.',
    });
  });

  it('accepts any one of the rows tied for the top, and only one row', () => {
    const top: ExpectedAnswer = {
      columns: [{ label: 'the path', kind: 'text' }],
      rows: [['/cart'], ['/']],
      ordered: false,
      anyOneOf: true,
      grain: 'one row',
    };
    expect(compareResult({ columns: ['request_path', 'count'], rows: [['/', 7]] }, top)).toEqual({
      matches: true,
    });
    expect(compareResult({ columns: ['request_path', 'count'], rows: [['/cart', 7]] }, top)).toEqual({
      matches: true,
    });
    expect(compareResult({ columns: ['request_path'], rows: [['/checkout']] }, top)).toEqual({
      matches: false,
      why: 'That is not the top row. For example (/checkout) is not in the answer.',
    });
    // Without TOP 1 the query lists every path.
    expect(compareResult({ columns: ['p'], rows: [['/'], ['/cart'], ['/checkout']] }, top)).toEqual({
      matches: false,
      why: 'Your query returns 3 rows; the answer has one row.',
    });
  });

  it('checks the order only where the question asks for one', () => {
    const ordered: ExpectedAnswer = { ...perDay, ordered: true };
    const shuffled = { columns: ['d', 'c', 'n'], rows: [perDay.rows[2]!, perDay.rows[0]!, perDay.rows[1]!] };
    expect(compareResult(shuffled, perDay)).toEqual({ matches: true });
    expect(compareResult(shuffled, ordered)).toEqual({
      matches: false,
      why: 'Your rows are right but not in the order the question asks for.',
    });
    expect(compareResult({ columns: ['d', 'c', 'n'], rows: perDay.rows }, ordered)).toEqual({
      matches: true,
    });
  });

  it('reads a day, a count and a NULL by meaning', () => {
    expect(normalise('2016-06-07 00:00:00', 'day')).toBe('2016-06-07');
    expect(normalise('2016-06-07 13:00:00', 'day')).toBeUndefined();
    expect(normalise('42', 'integer')).toBe('42');
    expect(normalise(42.5, 'integer')).toBeUndefined();
    expect(normalise(1 / 3, 'number')).toBe(normalise('0.333333', 'number'));
    expect(normalise(null, 'integer')).toBe('NULL');
  });
});
