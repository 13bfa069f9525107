/**
 * Session 4: answer the workshop's questions, and an analyst's next ones, with SQL on the loaded web
 * logs. The learner's queries run on the Redshift engine; each check compares the result with the answer
 * computed from the rows, so any correct query passes.
 */
import type { LabDefinition } from '../engine/types.ts';
import { questionTask, type QueriesFacts, type QueriesWorkspace } from './checks.ts';
import { nextQuestions, workshopQuestions } from './questions.ts';
import { runQueries } from './run-queries.ts';
import { reduceQueries, startWorkspace, type QueriesAction } from './workspace.ts';

/** The queries lab. */
export const redshiftQueriesLab = {
  id: 'redshift-queries',
  session: 4,
  title: 'Answer questions with SQL',
  objectives: [
    'Answer questions about web traffic with GROUP BY, COUNT, SUM and TOP on Redshift.',
    'Cut timestamps down to days and hours to group by them.',
    'Handle missing values: NULL is tested with IS NULL, and COUNT(column) skips it.',
  ],
  estimatedMinutes: 20,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceQueries,
  derive: (workspace): QueriesFacts => runQueries(workspace),
  steps: [
    {
      id: 'workshop',
      title: 'The workshop’s three questions',
      tasks: workshopQuestions.map(questionTask),
      hints: [
        'Group by the day and the code; TRUNC(request_time) gives a timestamp’s day.',
        'A WHERE clause keeps the 404s before you count them; TOP 1 with ORDER BY … DESC keeps the most frequent.',
        'The workshop’s own three queries answer these, word for word.',
      ],
      solution: workshopQuestions.map((question) => ({
        type: 'run-query' as const,
        question: question.id,
        sql: question.solution,
      })),
    },
    {
      id: 'next',
      title: 'The questions an analyst asks next',
      tasks: nextQuestions.map(questionTask),
      hints: [
        'Look at some rows first: which response codes have no size?',
        'NULL is never equal to anything, itself included: test it with IS NULL. SUM skips NULLs.',
        'EXTRACT(hour FROM request_time) gives the hour; group by it and keep the top one.',
      ],
      solution: nextQuestions.map((question) => ({
        type: 'run-query' as const,
        question: question.id,
        sql: question.solution,
      })),
    },
  ],
} satisfies LabDefinition<QueriesWorkspace, QueriesAction, QueriesFacts>;
