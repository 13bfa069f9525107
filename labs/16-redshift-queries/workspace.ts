/** The queries lab's workspace (a query per question) and its reducer. */
import { ok } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { orList, reduceWith } from '../kit/reduce.ts';
import type { QueriesWorkspace } from './checks.ts';
import { questions, type QuestionId } from './questions.ts';

/** Longest query the lab keeps: far beyond any answer, short enough to replay on every change. */
export const MAX_QUERY_CHARACTERS = 10_000;

/** What the learner can do: run a query for one of the questions (replacing the earlier one). */
export type QueriesAction = {
  readonly type: 'run-query';
  readonly question: QuestionId;
  readonly sql: string;
};

/** No query yet. */
export const startWorkspace: QueriesWorkspace = { queries: {} };

const ids: readonly string[] = questions.map((question) => question.id);

/** Applies one action; refuses an unknown question, and a blank or overlong query. */
export const reduceQueries = reduceWith<QueriesWorkspace, QueriesAction>({
  'run-query': (workspace, action) => {
    if (!ids.includes(action.question)) {
      return invalidAction(`"${String(action.question)}" is not a question; use ${orList(ids)}.`, 'question');
    }
    if (typeof action.sql !== 'string' || action.sql.trim() === '') {
      return invalidAction('Write a query first.', 'sql');
    }
    if (action.sql.length > MAX_QUERY_CHARACTERS) {
      return invalidAction(
        `A query here may be ${MAX_QUERY_CHARACTERS.toLocaleString('en-US')} characters long (this one has ${action.sql.length.toLocaleString('en-US')}).`,
        'sql',
      );
    }
    return ok({ ...workspace, queries: { ...workspace.queries, [action.question]: action.sql } });
  },
});
