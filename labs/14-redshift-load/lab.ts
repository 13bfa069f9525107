/**
 * Session 4: load the processed web logs into Redshift with the workshop's COPY, watch it fail on a
 * field the table's type refuses, read why in stl_load_errors, and fix the data or the load. The checks
 * read the table and the load history on the learner's own replayed cluster.
 */
import type { LabDefinition } from '../engine/types.ts';
import { ACCESSLOGS_DDL, workshopCopy } from '../kit/web-log-warehouse.ts';
import {
  copyRan,
  errorCodeQuestion,
  errorColumnQuestion,
  everyFileCommitted,
  everyLineOnce,
  missingSizesNull,
  tableDefined,
  type LoadFacts,
} from './checks.ts';
import { replayLoad } from './replay.ts';
import { reduceLoad, startWorkspace, type LoadAction, type LoadWorkspace } from './workspace.ts';

/** The COPY lab. */
export const redshiftLoadLab = {
  id: 'redshift-load',
  session: 4,
  title: 'Load Redshift with COPY',
  objectives: [
    'Create a Redshift table whose column types fit the data they will hold.',
    'Load gzip files from S3 in parallel with COPY and an IAM role.',
    'Read stl_load_errors to find the line, column and reason a load failed.',
    'Fix a failed load by fixing the data or the COPY options, without losing or duplicating rows.',
  ],
  estimatedMinutes: 20,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceLoad,
  derive: (workspace): LoadFacts => replayLoad(workspace),
  steps: [
    {
      id: 'table',
      title: 'Create the table',
      tasks: [tableDefined],
      hints: [
        'Nine columns, in the order of the fields in each line: address, time, method, path, protocol, code, size, referrer, agent.',
        'The time is a TIMESTAMP, the code and the size are whole numbers (INT); the rest is text (VARCHAR).',
        'The workshop’s CREATE TABLE does it: use the button that puts it in the editor, then Run.',
      ],
      solution: [{ type: 'run-sql', sql: ACCESSLOGS_DDL }],
    },
    {
      id: 'load',
      title: 'Load the files',
      tasks: [copyRan, errorColumnQuestion, errorCodeQuestion],
      hints: [
        'Put the workshop’s COPY in the editor and run it as it is.',
        'SELECT * FROM stl_load_errors shows one row per refused line: colname names the column, err_code the reason’s code.',
        'The first error is in response_size, code 1207: a "-" is not a digit.',
      ],
      solution: [
        { type: 'run-sql', sql: workshopCopy() },
        { type: 'answer', question: 'error-column', value: 'response_size' },
        { type: 'answer', question: 'error-code', value: 1207 },
      ],
    },
    {
      id: 'fix',
      title: 'Fix the load',
      tasks: [everyLineOnce, missingSizesNull, everyFileCommitted],
      hints: [
        'The failed COPY loaded nothing, so the table is still empty: one good COPY is all it needs.',
        'Either re-run the processing step (it writes "-" as an empty field, which COPY loads as NULL), or tell COPY that "-" means NULL.',
        "Add NULL AS '-' to the workshop’s COPY, after GZIP, and run it.",
      ],
      solution: [{ type: 'run-sql', sql: workshopCopy("NULL AS '-'") }],
    },
  ],
} satisfies LabDefinition<LoadWorkspace, LoadAction, LoadFacts>;
