import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../sim/redshift/database/database-harness.ts';
import type { SqlJsDatabase } from '../../sim/redshift/index.ts';
import { compareResult, type QueryResult } from '../kit/result-set.ts';
import { accessLogRows, warehouseLogObjects } from '../kit/web-log-warehouse.ts';
import { questionTask, type QueriesFacts, type QueryOutcome } from './checks.ts';
import { questions, type QuestionId } from './questions.ts';

/**
 * The answers are computed from the rows in TypeScript; here plain SQLite (sql.js, standard SQL, no
 * Redshift dialect) answers the same questions over the same rows, so the two independent computations
 * must agree. The checks are then shown results of right and of plausible wrong queries.
 */
const rows = accessLogRows();
let db: SqlJsDatabase;

beforeAll(async () => {
  const SQL = await loadSqlJs();
  db = new SQL.Database();
  db.run(
    'CREATE TABLE accesslogs (host_address TEXT, request_time TEXT, request_method TEXT, request_path TEXT, request_protocol TEXT, response_code INTEGER, response_size INTEGER, referrer_host TEXT, user_agent TEXT)',
  );
  for (const r of rows) {
    db.run('INSERT INTO accesslogs VALUES (?,?,?,?,?,?,?,?,?)', [
      r.hostAddress,
      r.requestTime,
      r.requestMethod,
      r.requestPath,
      r.requestProtocol,
      r.responseCode,
      r.responseSize,
      r.referrerHost,
      r.userAgent,
    ]);
  }
});

/** A query's result from SQLite as the engine's outcome would carry it. */
function sqlite(sql: string): QueryOutcome {
  const [result] = db.exec(sql);
  const values = (result?.values ?? []) as QueryResult['rows'];
  return { status: 'ok', columns: result?.columns ?? [], rows: values, rowCount: values.length };
}

/** The standard-SQL twin of each question's Redshift solution. */
const standard: Record<QuestionId, string> = {
  'codes-per-day':
    'SELECT substr(request_time, 1, 10), response_code, COUNT(1) FROM accesslogs GROUP BY 1, 2 ORDER BY 1, 3 DESC',
  'count-404': 'SELECT COUNT(1) FROM accesslogs WHERE response_code = 404',
  'top-404-path':
    'SELECT request_path, COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
  'missing-size': 'SELECT COUNT(*) FROM accesslogs WHERE response_size IS NULL',
  'bytes-per-day': 'SELECT substr(request_time, 1, 10), SUM(response_size) FROM accesslogs GROUP BY 1',
  'busiest-hour':
    'SELECT CAST(substr(request_time, 12, 2) AS INTEGER), COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
};

function check(id: QuestionId, outcome: QueryOutcome) {
  const question = questions.find((q) => q.id === id)!;
  const derived: QueriesFacts = { outcomes: { [id]: outcome } };
  return questionTask(question).check({ queries: { [id]: 'SELECT …' } }, { derived });
}

describe('lab 16: the answers computed from the data', () => {
  it('reads every row of the three days of logs, with the missing sizes as NULL', () => {
    const objects = warehouseLogObjects();
    expect(rows.length).toBe(objects.reduce((sum, o) => sum + o.rows, 0));
    expect(new Set(rows.map((r) => r.requestTime.slice(0, 10)))).toEqual(
      new Set(['2016-06-07', '2016-06-08', '2016-06-09']),
    );
    expect(rows.filter((r) => r.responseSize === null).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.responseCode === 404).length).toBeGreaterThan(0);
  });

  for (const question of questions) {
    it(`agrees with SQLite on "${question.title}"`, () => {
      const outcome = sqlite(standard[question.id]);
      if (outcome.status !== 'ok') throw new Error('SQLite failed');
      expect(compareResult(outcome, question.answer(rows))).toEqual({ matches: true });
      expect(check(question.id, outcome).passed).toBe(true);
    });
  }
});

describe('lab 16: the checks on plausible wrong queries', () => {
  it('asks for a query before anything else, and passes on an engine error’s message', () => {
    const question = questions[0]!;
    expect(questionTask(question).check({ queries: {} }, { derived: { outcomes: {} } })).toEqual({
      passed: false,
      feedback: 'Write a query for this question and run it.',
    });
    const failed = check('codes-per-day', { status: 'error', message: 'column "day" does not exist' });
    expect(failed).toEqual({ passed: false, feedback: 'Your query fails: column "day" does not exist' });
  });

  it('codes per day: grouping by the timestamp instead of the day is named', () => {
    const verdict = check(
      'codes-per-day',
      sqlite('SELECT request_time, response_code, COUNT(1) FROM accesslogs GROUP BY 1, 2'),
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.feedback).toBe(
      'Your rows hold times of day: cut each timestamp down to its day (TRUNC or DATE_TRUNC) before grouping.',
    );
    const dayOnly = check(
      'codes-per-day',
      sqlite('SELECT substr(request_time, 1, 10), COUNT(1) FROM accesslogs GROUP BY 1'),
    );
    expect(dayOnly.feedback).toBe(
      'The answer needs 3 columns (the day, the response code, the number of requests); your query returns 2.',
    );
  });

  it('count of 404s: counting every request is named, and no count is given away', () => {
    const all = check('count-404', sqlite('SELECT COUNT(1) FROM accesslogs'));
    expect(all).toEqual({
      passed: false,
      feedback: 'That counts every request; keep only the 404 responses.',
    });
    const fives = check('count-404', sqlite('SELECT COUNT(1) FROM accesslogs WHERE response_code >= 404'));
    expect(fives.passed).toBe(false);
    const expected = rows.filter((r) => r.responseCode === 404).length;
    expect(fives.feedback).not.toContain(String(expected));
  });

  it('top 404 path: the most requested path overall, and a list instead of one row, both fail', () => {
    const overall = check(
      'top-404-path',
      sqlite('SELECT request_path, COUNT(1) FROM accesslogs GROUP BY 1 ORDER BY 2 DESC LIMIT 1'),
    );
    const top404 = questions.find((q) => q.id === 'top-404-path')!.answer(rows);
    const overallPath = sqlite(
      'SELECT request_path FROM accesslogs GROUP BY 1 ORDER BY COUNT(1) DESC LIMIT 1',
    );
    const same = overallPath.status === 'ok' && top404.rows.some((r) => r[0] === overallPath.rows[0]![0]);
    // When the overall favourite is also a top 404 path the query happens to be right, and passes.
    expect(overall.passed).toBe(same);
    if (!same)
      expect(overall.feedback).toBe('That is the most requested path overall; count only the 404 responses.');
    const list = check(
      'top-404-path',
      sqlite(
        'SELECT request_path, COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC',
      ),
    );
    expect(list.passed).toBe(false);
    expect(list.feedback).toMatch(/^Your query returns \d+ rows; the answer has one row\.$/);
  });

  it('missing sizes: "= NULL" and COUNT(column) are explained', () => {
    expect(
      check('missing-size', sqlite('SELECT COUNT(*) FROM accesslogs WHERE response_size = NULL')).feedback,
    ).toMatch(/^Your query finds none\. A comparison with NULL \(= NULL\) is never true/);
    expect(check('missing-size', sqlite('SELECT COUNT(response_size) FROM accesslogs')).feedback).toMatch(
      /^That counts the responses that have a size\./,
    );
  });

  it('bytes per day: counting rows instead of summing sizes fails on the learner’s own row', () => {
    const verdict = check(
      'bytes-per-day',
      sqlite('SELECT substr(request_time, 1, 10), COUNT(response_size) FROM accesslogs GROUP BY 1'),
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.feedback).toMatch(
      /^0 of your 3 rows match the answer\. For example \(2016-06-0\d, \d+\) is not in the answer\.$/,
    );
  });

  it('busiest hour: the quietest hour fails', () => {
    const verdict = check(
      'busiest-hour',
      sqlite(
        'SELECT CAST(substr(request_time, 12, 2) AS INTEGER), COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 2 ASC LIMIT 1',
      ),
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.feedback).toMatch(/^That is not the top row\./);
  });
});
