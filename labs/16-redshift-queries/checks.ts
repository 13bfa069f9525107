/**
 * One checklist task per question: the learner's query result (run by the Redshift engine in derive)
 * against the answer computed from the rows. Any query whose result matches passes; feedback says what
 * differs, or what a recognisable slip did, never the expected values.
 */
import type { LabTask, TaskResult } from '../engine/types.ts';
import { compareResult, type QueryResult } from '../kit/result-set.ts';
import { accessLogRows, type AccessLogRow } from '../kit/web-log-warehouse.ts';
import type { QuestionId, SqlQuestion } from './questions.ts';

/** What the engine made of one of the learner's queries. */
export type QueryOutcome =
  | {
      readonly status: 'ok';
      readonly columns: readonly string[];
      /** The first rows (at most {@link MAX_ROWS_KEPT}); `rowCount` says how many there were. */
      readonly rows: QueryResult['rows'];
      readonly rowCount: number;
    }
  | { readonly status: 'error'; readonly message: string };

/** Rows of a result the facts keep: enough for any question's answer, small enough to send to the page. */
export const MAX_ROWS_KEPT = 500;

/** What the checks read: the outcome of each question's query. */
export interface QueriesFacts {
  readonly outcomes: Readonly<Partial<Record<QuestionId, QueryOutcome>>>;
}

/** What the learner wrote: a query per question. */
export interface QueriesWorkspace {
  readonly queries: Readonly<Partial<Record<QuestionId, string>>>;
}

let rows: readonly AccessLogRow[] | null = null;
/** The loaded rows, read once: every question's answer comes from them. */
const dataRows = (): readonly AccessLogRow[] => (rows ??= accessLogRows());

/** The checklist task for `question`. */
export function questionTask(question: SqlQuestion): LabTask<QueriesWorkspace, QueriesFacts> {
  return {
    id: question.id,
    title: question.title,
    check(workspace, { derived }): TaskResult {
      if (!workspace.queries[question.id]?.trim()) {
        return { passed: false, feedback: 'Write a query for this question and run it.' };
      }
      const outcome = derived.outcomes[question.id];
      if (!outcome) return { passed: false, feedback: 'The query has not run yet.' };
      if (outcome.status === 'error')
        return { passed: false, feedback: `Your query fails: ${outcome.message}` };
      const expected = question.answer(dataRows());
      const wanted = expected.anyOneOf ? 1 : expected.rows.length;
      const result: QueryResult = { columns: outcome.columns, rows: outcome.rows };
      if (outcome.rowCount !== outcome.rows.length && outcome.rowCount !== wanted) {
        const diagnosis = question.diagnose?.(result, dataRows());
        if (diagnosis) return { passed: false, feedback: diagnosis };
        return {
          passed: false,
          feedback: `Your query returns ${outcome.rowCount.toLocaleString('en-US')} rows; the answer has ${expected.anyOneOf ? 'one row' : expected.grain}.`,
        };
      }
      const verdict = compareResult(result, expected);
      if (verdict.matches) {
        const count = outcome.rowCount === 1 ? 'Its row matches' : `All ${outcome.rowCount} rows match`;
        return { passed: true, feedback: `Right. ${count} the data.` };
      }
      return { passed: false, feedback: question.diagnose?.(result, dataRows()) ?? verdict.why };
    },
  };
}
