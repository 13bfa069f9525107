/**
 * Runs each of the learner's queries on the demo cluster with the three days of logs loaded by the
 * workshop's COPY. Every query is answered as a freshly loaded cluster would answer it, so one question's
 * DELETE can never change another's answer; a query already run is remembered, so a change to one
 * question reruns only that one.
 */
import type { StatementResult } from '../../sim/redshift/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';
import { openLabWarehouse, type LabWarehouse } from '../kit/lab-warehouse.ts';
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

/** A cluster with the logs loaded, as the learner finds it. */
function loadedWarehouse(): LabWarehouse {
  const warehouse = openLabWarehouse(warehouseLogObjects());
  const broken = warehouse.db.execute(SETUP).find((result) => result.status === 'error');
  if (broken) {
    warehouse.db.close();
    throw new Error(`The lab could not load its data: ${broken.error?.message ?? 'unknown error'}`);
  }
  return warehouse;
}

/**
 * The loaded cluster that plain queries share, so a derive loads the logs once rather than once per
 * question. A query that reads system tables (whose rows record earlier queries) or runs anything but
 * SELECT gets a cluster of its own instead, and a shared cluster that ran such a statement is dropped: the
 * answer to every query is the one a freshly loaded cluster gives.
 */
let shared: LabWarehouse | null = null;

const readsSystemTables = (sql: string) => /\b(stl|stv|svv|svl|pg)_\w+/i.test(sql);
const onlySelects = (results: readonly StatementResult[]) =>
  results.every((result) => result.command === 'SELECT');

function runOnFreshCluster(sql: string): QueryOutcome {
  const { db } = loadedWarehouse();
  try {
    return outcomeOf(db.execute(sql));
  } finally {
    db.close();
  }
}

/** Runs one query as it would run on a freshly loaded cluster. */
export const runQuery = rememberRuns(
  (sql: string) => sql,
  (sql: string): QueryOutcome => {
    if (readsSystemTables(sql)) return runOnFreshCluster(sql);
    shared ??= loadedWarehouse();
    const results = shared.db.execute(sql);
    if (onlySelects(results)) return outcomeOf(results);
    shared.db.close();
    shared = null;
    return runOnFreshCluster(sql);
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
