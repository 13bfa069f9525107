import { describe, expect, it } from 'vitest';
import { chartData, chartProblem, columnKinds, defaultChart } from './chart-spec.ts';

// The workshop's first test query: requests per day and response code.
const columns = ['trunc', 'response_code', 'count'];
const rows = [
  ['2016-06-02', 200, 900],
  ['2016-06-02', 404, 40],
  ['2016-06-01', 200, 850],
  ['2016-06-01', 404, 35],
  ['2016-06-01', 500, 5],
];

describe('columnKinds', () => {
  it('tells dates, numbers and text apart, ignoring NULLs', () => {
    expect(columnKinds(columns, rows)).toEqual(['date', 'number', 'number']);
    expect(
      columnKinds(
        ['a', 'b'],
        [
          ['/x', null],
          ['2016-06-01 10:00:00', 3],
        ],
      ),
    ).toEqual(['text', 'number']);
  });
});

describe('defaultChart', () => {
  it('takes the first text or date column as the category and the first numeric as the value', () => {
    expect(defaultChart(['date', 'number', 'number'])).toEqual({
      kind: 'line',
      category: 0,
      value: 1,
      series: null,
    });
    expect(defaultChart(['number', 'text', 'number'])).toEqual({
      kind: 'bar',
      category: 1,
      value: 0,
      series: null,
    });
  });

  it('falls back to the first column as the category when every column is numeric', () => {
    expect(defaultChart(['number', 'number'])).toEqual({ kind: 'bar', category: 0, value: 1, series: null });
  });

  it('has no chart for a result without a numeric value column', () => {
    expect(defaultChart(['text', 'date'])).toBeNull();
    expect(defaultChart(['number'])).toBeNull();
  });
});

describe('chartProblem', () => {
  const kinds = columnKinds(columns, rows);
  it('refuses a value column that is not numeric', () => {
    expect(chartProblem({ kind: 'bar', category: 1, value: 0, series: null }, columns, kinds)).toMatch(
      /“trunc” is not a numeric/,
    );
  });
  it('refuses a series on a pie and a series that repeats a column', () => {
    expect(chartProblem({ kind: 'pie', category: 0, value: 2, series: 1 }, columns, kinds)).toMatch(
      /one series/,
    );
    expect(chartProblem({ kind: 'bar', category: 0, value: 2, series: 0 }, columns, kinds)).toMatch(
      /must differ/,
    );
  });
  it('accepts a sound choice', () => {
    expect(chartProblem({ kind: 'bar', category: 0, value: 2, series: 1 }, columns, kinds)).toBeNull();
  });
});

describe('chartData', () => {
  const kinds = columnKinds(columns, rows);

  it('sums the value per category and says so', () => {
    const data = chartData({ kind: 'bar', category: 0, value: 2, series: null }, kinds, rows);
    expect(data.categories).toEqual(['2016-06-01', '2016-06-02']);
    expect(data.values).toEqual([[890, 940]]);
    expect(data.summed).toBe(true);
  });

  it('splits by a series column, with 0 where a category lacks a series', () => {
    const data = chartData({ kind: 'bar', category: 0, value: 2, series: 1 }, kinds, rows);
    expect(data.series).toEqual(['200', '404', '500']);
    expect(data.values).toEqual([
      [850, 900],
      [35, 40],
      [5, 0],
    ]);
    expect(data.summed).toBe(false);
  });

  it('skips rows whose value is NULL and counts them', () => {
    const data = chartData(
      { kind: 'pie', category: 0, value: 1, series: null },
      ['text', 'number'],
      [
        ['a', 1],
        ['b', null],
      ],
    );
    expect(data.categories).toEqual(['a']);
    expect(data.nullValues).toBe(1);
  });
});
