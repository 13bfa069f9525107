import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../sim/redshift/database/database-harness.ts';
import { applyActions, checkStep } from '../engine/run.ts';
import { sqlJsPort } from '../kit/sql-js-port.ts';
import { accessLogRows } from '../kit/web-log-warehouse.ts';
import { redshiftQueriesLab as lab } from './lab.ts';
import type { QuestionId } from './questions.ts';
import type { QueriesAction } from './workspace.ts';
import type { QueriesWorkspace } from './checks.ts';

beforeAll(async () => {
  sqlJsPort.provide(loadSqlJs);
  await sqlJsPort.prepare();
});

/** The step's task for `question` after the learner runs `sql` for it, on the Redshift engine. */
function ask(step: number, question: QuestionId, sql: string) {
  const action: QueriesAction = { type: 'run-query', question, sql };
  const result = applyActions(lab, lab.initialWorkspace, [action]);
  if (!result.ok) throw new Error(result.error.message);
  return checkStep(lab, step, result.value as QueriesWorkspace).find((task) => task.taskId === question)!;
}

describe('lab 16: answer questions with SQL, on the Redshift engine', () => {
  it('passes the workshop’s own three queries as written (seed: "Amazon Redshift Test Queries")', () => {
    const workspace = applyActions(lab, lab.initialWorkspace, lab.steps[0]!.solution);
    if (!workspace.ok) throw new Error(workspace.error.message);
    const tasks = checkStep(lab, 0, workspace.value);
    expect(tasks.map((task) => [task.taskId, task.passed])).toEqual([
      ['codes-per-day', true],
      ['count-404', true],
      ['top-404-path', true],
    ]);
  });

  it('passes other correct queries in Redshift’s dialect: DATE_TRUNC, aliases, another column order', () => {
    expect(
      ask(
        0,
        'codes-per-day',
        "SELECT COUNT(*) AS n, response_code AS code, DATE_TRUNC('day', request_time) AS day FROM accesslogs GROUP BY 2, 3;",
      ).passed,
    ).toBe(true);
    expect(
      ask(0, 'count-404', 'SELECT SUM(CASE WHEN response_code = 404 THEN 1 ELSE 0 END) FROM accesslogs;')
        .passed,
    ).toBe(true);
    expect(
      ask(
        1,
        'busiest-hour',
        'SELECT DATE_PART(hour, request_time) h FROM accesslogs GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1;',
      ).passed,
    ).toBe(true);
  });

  it('fails plausible wrong queries with feedback that does not give the answer away', () => {
    const nullEquals = ask(1, 'missing-size', 'SELECT COUNT(*) FROM accesslogs WHERE response_size = NULL;');
    expect(nullEquals.passed).toBe(false);
    expect(nullEquals.feedback).toMatch(/^Your query finds none\. A comparison with NULL/);
    const everything = ask(0, 'count-404', 'SELECT COUNT(1) FROM accesslogs;');
    expect(everything.feedback).toBe('That counts every request; keep only the 404 responses.');
    const byTime = ask(
      0,
      'codes-per-day',
      'SELECT request_time, response_code, COUNT(1) FROM accesslogs GROUP BY 1,2;',
    );
    expect(byTime.feedback).toBe(
      'Your rows hold times of day: cut each timestamp down to its day (TRUNC or DATE_TRUNC) before grouping.',
    );
    const counted = ask(
      1,
      'bytes-per-day',
      'SELECT TRUNC(request_time), COUNT(response_size) FROM accesslogs GROUP BY 1;',
    );
    expect(counted.passed).toBe(false);
    expect(counted.feedback).toMatch(/^0 of your 3 rows match the answer\./);
  });

  it('shows Redshift’s own error for a query it refuses, and asks for rows when a script returns none', () => {
    const refused = ask(0, 'count-404', 'SELECT TOP 1 COUNT(1) FROM accesslogs LIMIT 1;');
    expect(refused.passed).toBe(false);
    expect(refused.feedback).toMatch(/^Your query fails: /);
    const noRows = ask(0, 'count-404', 'CREATE TABLE t (a int);');
    expect(noRows.feedback).toBe(
      'Your query fails: The script returns no rows: end it with a SELECT that answers the question.',
    );
  });

  it('refuses a blank query and an unknown question', () => {
    const blank = lab.reduce(lab.initialWorkspace, { type: 'run-query', question: 'count-404', sql: '  ' });
    expect(blank.ok || blank.error.message).toBe('Write a query first.');
    const unknown = lab.reduce(lab.initialWorkspace, {
      type: 'run-query',
      question: 'x' as QuestionId,
      sql: 'SELECT 1',
    });
    expect(unknown.ok || unknown.error.path).toBe('question');
  });
});

describe('lab 16: every query answered as on a freshly loaded cluster', () => {
  it('a DELETE in one question’s script does not change the next question’s answer', () => {
    const actions: QueriesAction[] = [
      {
        type: 'run-query',
        question: 'count-404',
        sql: 'DELETE FROM accesslogs; SELECT COUNT(1) FROM accesslogs;',
      },
      {
        type: 'run-query',
        question: 'missing-size',
        sql: 'SELECT COUNT(*) FROM accesslogs WHERE response_size IS NULL;',
      },
      { type: 'run-query', question: 'codes-per-day', sql: 'SELECT COUNT(*) FROM accesslogs;' },
    ];
    const applied = applyActions(lab, lab.initialWorkspace, actions);
    if (!applied.ok) throw new Error(applied.error.message);
    const workspace = applied.value as QueriesWorkspace;
    const facts = lab.derive(workspace);
    expect(facts.outcomes['count-404']).toMatchObject({ status: 'ok', rows: [[0]] });
    expect(facts.outcomes['codes-per-day']).toMatchObject({ status: 'ok', rows: [[accessLogRows().length]] });
    expect(checkStep(lab, 1, workspace).find((t) => t.taskId === 'missing-size')!.passed).toBe(true);
  });
});
