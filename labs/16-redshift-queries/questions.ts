/**
 * The questions the learner answers with SQL over the loaded web logs: the workshop's three test queries
 * and three an analyst asks next. Each answer is computed here from the rows themselves (not by SQL), so
 * the check compares the learner's result with the data, whatever query produced it.
 */
import type { AccessLogRow } from '../kit/web-log-warehouse.ts';
import type { ExpectedAnswer, QueryResult } from '../kit/result-set.ts';

/** The questions, by id. */
export type QuestionId =
  'codes-per-day' | 'count-404' | 'top-404-path' | 'missing-size' | 'bytes-per-day' | 'busiest-hour';

/** One question: its words, its answer from the data, a query that answers it, and what a slip looks like. */
export interface SqlQuestion {
  readonly id: QuestionId;
  /** The question as the learner reads it. */
  readonly title: string;
  readonly answer: (rows: readonly AccessLogRow[]) => ExpectedAnswer;
  /** A query that answers it, in Redshift's dialect as the workshop writes it (the step's solution). */
  readonly solution: string;
  /**
   * A sentence for a recognisable wrong result (every request counted instead of the 404s; `= NULL`), or
   * undefined. Says what went wrong, never the answer.
   */
  readonly diagnose?: (result: QueryResult, rows: readonly AccessLogRow[]) => string | undefined;
}

const day = (row: AccessLogRow) => row.requestTime.slice(0, 10);

/** Counts by a key, in first-seen order. */
function countBy<K>(rows: readonly AccessLogRow[], keyOf: (row: AccessLogRow) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  return counts;
}

/** The keys tied for the highest count. */
function topKeys<K>(counts: Map<K, number>): K[] {
  const top = Math.max(...counts.values());
  return [...counts].filter(([, count]) => count === top).map(([key]) => key);
}

/** The single number a one-value result holds, if it holds one. */
function singleNumber(result: QueryResult): number | undefined {
  if (result.rows.length !== 1 || result.rows[0]!.length !== 1) return undefined;
  const value = Number(result.rows[0]![0]);
  return Number.isFinite(value) ? value : undefined;
}

const codesPerDay: SqlQuestion = {
  id: 'codes-per-day',
  title: 'How many requests got each response code on each day?',
  answer: (rows) => ({
    columns: [
      { label: 'the day', kind: 'day' },
      { label: 'the response code', kind: 'integer' },
      { label: 'the number of requests', kind: 'integer' },
    ],
    rows: [...countBy(rows, (row) => `${day(row)}|${row.responseCode}`)].map(([key, count]) => {
      const [d = '', code = ''] = key.split('|');
      return [d, Number(code), count];
    }),
    ordered: false,
    grain: 'one row per day and response code',
  }),
  solution:
    'SELECT TRUNC(request_time), response_code, COUNT(1) FROM accesslogs GROUP BY 1,2 ORDER BY 1,3 DESC;',
  diagnose: (result) =>
    result.rows.some((row) =>
      row.some(
        (value) => typeof value === 'string' && / \d\d:\d\d:\d\d/.test(value) && !/ 00:00:00/.test(value),
      ),
    )
      ? 'Your rows hold times of day: cut each timestamp down to its day (TRUNC or DATE_TRUNC) before grouping.'
      : undefined,
};

const count404: SqlQuestion = {
  id: 'count-404',
  title: 'How many requests ended in 404 Not Found?',
  answer: (rows) => ({
    columns: [{ label: 'the number of 404 responses', kind: 'integer' }],
    rows: [[rows.filter((row) => row.responseCode === 404).length]],
    ordered: false,
    grain: 'one row',
  }),
  solution: 'SELECT COUNT(1) FROM accessLogs WHERE response_code = 404;',
  diagnose: (result, rows) =>
    singleNumber(result) === rows.length
      ? 'That counts every request; keep only the 404 responses.'
      : undefined,
};

const top404Path: SqlQuestion = {
  id: 'top-404-path',
  title: 'Which path was asked for most often among the 404 responses?',
  answer: (rows) => ({
    columns: [{ label: 'the request path', kind: 'text' }],
    rows: topKeys(
      countBy(
        rows.filter((row) => row.responseCode === 404),
        (row) => row.requestPath,
      ),
    ).map((path) => [path]),
    ordered: false,
    anyOneOf: true,
    grain: 'one row',
  }),
  solution:
    'SELECT TOP 1 request_path,COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC;',
  diagnose: (result, rows) => {
    const all = topKeys(countBy(rows, (row) => row.requestPath));
    const path = result.rows[0]?.find((value) => typeof value === 'string');
    return result.rows.length === 1 && all.includes(String(path))
      ? 'That is the most requested path overall; count only the 404 responses.'
      : undefined;
  },
};

const missingSize: SqlQuestion = {
  id: 'missing-size',
  title: 'How many responses have no response size (the log had "-")?',
  answer: (rows) => ({
    columns: [{ label: 'the number of responses without a size', kind: 'integer' }],
    rows: [[rows.filter((row) => row.responseSize === null).length]],
    ordered: false,
    grain: 'one row',
  }),
  solution: 'SELECT COUNT(*) FROM accesslogs WHERE response_size IS NULL;',
  diagnose: (result, rows) => {
    const value = singleNumber(result);
    if (value === 0) {
      return 'Your query finds none. A comparison with NULL (= NULL) is never true, not even for NULL itself: SQL tests for it with IS NULL.';
    }
    if (value === rows.filter((row) => row.responseSize !== null).length) {
      return 'That counts the responses that have a size. COUNT(column) skips NULLs; count the rows where the size is NULL.';
    }
    return undefined;
  },
};

const bytesPerDay: SqlQuestion = {
  id: 'bytes-per-day',
  title: 'How many bytes of responses did the site send each day?',
  answer: (rows) => {
    const sums = new Map<string, number>();
    for (const row of rows) sums.set(day(row), (sums.get(day(row)) ?? 0) + (row.responseSize ?? 0));
    return {
      columns: [
        { label: 'the day', kind: 'day' },
        { label: 'the bytes sent', kind: 'integer' },
      ],
      rows: [...sums].map(([d, bytes]) => [d, bytes]),
      ordered: false,
      grain: 'one row per day',
    };
  },
  solution:
    'SELECT TRUNC(request_time) AS day, SUM(response_size) AS bytes FROM accesslogs GROUP BY 1 ORDER BY 1;',
};

const busiestHour: SqlQuestion = {
  id: 'busiest-hour',
  title: 'In which hour of the day (0–23, UTC) did the site get the most requests, over all three days?',
  answer: (rows) => ({
    columns: [{ label: 'the hour', kind: 'integer' }],
    rows: topKeys(countBy(rows, (row) => Number(row.requestTime.slice(11, 13)))).map((hour) => [hour]),
    ordered: false,
    anyOneOf: true,
    grain: 'one row',
  }),
  solution:
    'SELECT TOP 1 EXTRACT(hour FROM request_time) AS hour, COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 2 DESC;',
};

/** The workshop's three test queries, as questions. */
export const workshopQuestions: readonly SqlQuestion[] = [codesPerDay, count404, top404Path];
/** The questions an analyst asks next. */
export const nextQuestions: readonly SqlQuestion[] = [missingSize, bytesPerDay, busiestHour];
/** Every question, by id. */
export const questions: readonly SqlQuestion[] = [...workshopQuestions, ...nextQuestions];
