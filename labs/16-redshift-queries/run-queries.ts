/**
 * Runs each of the learner's queries on the demo cluster with the three days of logs loaded by the
 * workshop's COPY. Every query gets a fresh cluster, so one question's DELETE can never change another's
 * answer; a query already run is remembered, so a change to one question reruns only that one.
 */
import type { StatementResult } from '../../sim/redshift/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';
import { openLabWarehouse } from '../kit/lab-warehouse.ts';
import { ACCESSLOGS_DDL, warehouseLogObjects, workshopCopy } from '../kit/web-log-warehouse.ts';
import { MAX_ROWS_KEPT, type QueriesFacts, type QueriesWorkspace, type QueryOutcome } from './checks.ts';
import { questions } from './questions.ts';

/** The loading the lab did before the learner arrived: the workshop's table and COPY. */
const SETUP = `${ACCESSLOGS_DDL}\n${workshopCopy()}`;

/** Where in the script an error was, for a message that says so. */
const where = (result: StatementResult) =>
  result.error?.line !== undefined
    ? ` (line ${result.error.line}${result.error.column !== undefined ? `, column ${result.error.column}` : ''})`
    : '';

/** What the learner's script answered: the first error, or the rows of its last statement that returns rows. */
export function outcomeOf(results: readonly StatementResult[]): QueryOutcome {
  const failed = results.find((result) => result.status === 'error');
  if (failed)
    return {
      status: 'error',
      message: `${failed.error?.message ?? 'The statement failed.'}${where(failed)}`,
    };
  const answer = [...results].reverse().find((result) => result.columns !== null && result.rows !== null);
  if (!answer?.columns || !answer.rows) {
    return {
      status: 'error',
      message: 'The script returns no rows: end it with a SELECT that answers the question.',
    };
  }
  return {
    status: 'ok',
    columns: answer.columns,
    rows: answer.rows.slice(0, MAX_ROWS_KEPT),
    rowCount: answer.rows.length,
  };
}

/** Runs one query on a freshly loaded cluster. */
export const runQuery = rememberRuns(
  (sql: string) => sql,
  (sql: string): QueryOutcome => {
    const { db } = openLabWarehouse(warehouseLogObjects());
    try {
      const setup = db.execute(SETUP);
      const broken = setup.find((result) => result.status === 'error');
      if (broken)
        throw new Error(`The lab could not load its data: ${broken.error?.message ?? 'unknown error'}`);
      return outcomeOf(db.execute(sql));
    } finally {
      db.close();
    }
  },
  32,
);

/** Each question's outcome for the learner's queries. Pure: the same queries give the same facts. */
export function runQueries(workspace: QueriesWorkspace): QueriesFacts {
  const outcomes: Partial<Record<(typeof questions)[number]['id'], QueryOutcome>> = {};
  for (const question of questions) {
    const sql = workspace.queries[question.id];
    if (sql !== undefined) outcomes[question.id] = runQuery(sql);
  }
  return { outcomes };
}
