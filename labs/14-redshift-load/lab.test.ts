import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSqlJsForLabs } from '../../test/labs/sql-js.ts';
import { applyActions, checkStep } from '../engine/run.ts';
import { ACCESSLOGS_DDL, accessLogRows, workshopCopy } from '../kit/web-log-warehouse.ts';
import { redshiftLoadLab as lab } from './lab.ts';
import type { LoadAction, LoadWorkspace } from './workspace.ts';

beforeAll(prepareSqlJsForLabs);

function play(actions: LoadAction[]): LoadWorkspace {
  const result = applyActions(lab, lab.initialWorkspace, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as LoadWorkspace;
}

const sql = (text: string): LoadAction => ({ type: 'run-sql', sql: text });

/** Task id → result of step `step` after `actions`. */
function tasks(step: number, actions: LoadAction[]) {
  return Object.fromEntries(checkStep(lab, step, play(actions)).map((task) => [task.taskId, task]));
}

const lines = accessLogRows().length;
const created = [sql(ACCESSLOGS_DDL)];
const failed = [...created, sql(workshopCopy())];

describe('lab 14: load with COPY, on the Redshift engine', () => {
  it('step 1 refuses a table whose size column is text or whose columns are missing, saying which', () => {
    const textSize = tasks(0, [
      sql(ACCESSLOGS_DDL.replace('response_size Int', 'response_size varchar(10)')),
    ]);
    expect(textSize['table-defined']).toMatchObject({
      passed: false,
      feedback: 'response_size is character varying(10); its values need an integer type (INT).',
    });
    const short = tasks(0, [
      sql('CREATE TABLE accesslogs (host_address varchar(512), request_time timestamp);'),
    ]);
    expect(short['table-defined']!.feedback).toBe(
      'accesslogs has 2 columns; the files have 9 fields a line. Drop it (DROP TABLE accesslogs) and create it again.',
    );
    expect(tasks(0, [])['table-defined']!.feedback).toBe(
      'There is no table accesslogs yet: create it with CREATE TABLE.',
    );
    expect(tasks(0, created)['table-defined']!.passed).toBe(true);
  });

  it('step 2: the workshop’s COPY fails on the "-" sizes, and the answers are read from stl_load_errors', () => {
    const facts = lab.derive(play(failed));
    expect(facts.rowCount).toBe(0);
    expect(facts.loadErrors[0]).toMatchObject({
      colname: 'response_size',
      errCode: 1207,
      rawFieldValue: '-',
    });
    expect(facts.loadErrors[0]!.filename).toMatch(
      /^s3:\/\/bdlab-weblogs\/access-log-processed\/year=2016\/month=6\/day=7\/part-0000\d\.gz$/,
    );
    const before = tasks(1, failed);
    expect(before['copy-ran']!.passed).toBe(true);
    const wrong = tasks(1, [
      ...failed,
      { type: 'answer', question: 'error-column', value: 'response_code' },
      { type: 'answer', question: 'error-code', value: facts.loadErrors[0]!.lineNumber },
    ]);
    expect(wrong['error-column']).toMatchObject({
      passed: false,
      feedback: '"response_code" is not it: read the colname of the first row of stl_load_errors.',
    });
    expect(wrong['error-code']!.feedback).toMatch(
      /is not it\. That is the line number of the bad line; the code is in err_code\.$/,
    );
    const solved = tasks(1, [...failed, ...lab.steps[1]!.solution.slice(1)]);
    expect(Object.values(solved).every((task) => task.passed)).toBe(true);
  });

  it('step 2 wants the failing load first: a COPY fixed from the start leaves nothing to read', () => {
    const early = tasks(1, [...created, sql(workshopCopy("NULL AS '-'"))]);
    expect(early['copy-ran']!.passed).toBe(false);
    expect(early['copy-ran']!.feedback).toMatch(/^stl_load_errors is empty/);
  });

  it("step 3 passes either fix: NULL AS '-', or the re-run processing step with the COPY as it was", () => {
    for (const fix of [
      [sql(workshopCopy("NULL AS '-'"))],
      [{ type: 'reprocess' } as const, sql(workshopCopy())],
    ]) {
      const result = checkStep(lab, 2, play([...failed, ...fix]));
      expect(result.filter((task) => !task.passed)).toEqual([]);
    }
  });

  it('step 3 fails MAXERROR that skips the bad lines, a double load, and text in the size column', () => {
    const skipped = tasks(2, [...failed, sql(workshopCopy().replace('MAXERROR 0', 'MAXERROR 1000'))]);
    expect(skipped['every-line-once']!.passed).toBe(false);
    expect(skipped['every-line-once']!.feedback).toMatch(
      /are missing\. A COPY with a higher MAXERROR skips the lines it cannot read/,
    );
    const twice = tasks(2, [...failed, sql(workshopCopy("NULL AS '-'")), sql(workshopCopy("NULL AS '-'"))]);
    expect(twice['every-line-once']!.feedback).toBe(
      `accesslogs has ${(2 * lines).toLocaleString('en-US')} rows for ${lines.toLocaleString('en-US')} lines: COPY appends, so loading twice keeps both copies. Empty the table (TRUNCATE accesslogs) and load once.`,
    );
    const asText = tasks(2, [
      sql(ACCESSLOGS_DDL.replace('response_size Int', 'response_size varchar(10)')),
      sql(workshopCopy()),
    ]);
    expect(asText['every-line-once']!.passed).toBe(true);
    expect(asText['missing-sizes-null']!.passed).toBe(false);
  });

  it('refuses a blank script and a second re-run of the processing step', () => {
    const blank = lab.reduce(lab.initialWorkspace, { type: 'run-sql', sql: ' ' });
    expect(blank.ok || blank.error.message).toBe('Write a statement first.');
    const twice = applyActions(lab, lab.initialWorkspace, [{ type: 'reprocess' }, { type: 'reprocess' }]);
    expect(twice.ok || twice.error.message).toMatch(/already been re-run/);
  });
});
