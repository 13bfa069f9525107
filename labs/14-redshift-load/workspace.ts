/**
 * The COPY lab's workspace: what the learner did, in order — SQL scripts run on the cluster, and the
 * processing step re-run with the workshop's clean-up — plus their answers about the failed load. Derive
 * replays the history on a fresh cluster, so the table and the load history are always the learner's own.
 */
import { ok } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseBlank, refuseNonNumber, type AnswerAction } from '../kit/reduce.ts';

/** Longest script the lab keeps. */
export const MAX_SCRIPT_CHARACTERS = 20_000;
/** Most scripts a history keeps: every one is replayed on each change. */
export const MAX_HISTORY = 60;

/** One thing the learner did, in the order they did it. */
export type LoadEvent =
  | { readonly kind: 'sql'; readonly sql: string }
  /** The EMR step re-run with the workshop's `replaceAll("-", "")` on the size: the files in S3 are replaced. */
  | { readonly kind: 'reprocess' };

/** The questions about the failed load. */
export type LoadQuestion = 'error-column' | 'error-code';

/** What the learner has done and answered. */
export interface LoadWorkspace {
  readonly history: readonly LoadEvent[];
  readonly answers: { readonly 'error-column'?: string; readonly 'error-code'?: number };
}

/** What the learner can do. */
export type LoadAction =
  | { readonly type: 'run-sql'; readonly sql: string }
  | { readonly type: 'reprocess' }
  | AnswerAction<LoadQuestion>;

/** Nothing done yet: the files in S3 still have Apache's `-` for missing sizes. */
export const startWorkspace: LoadWorkspace = { history: [], answers: {} };

/** True once the learner has re-run the processing step. */
export const reprocessed = (workspace: LoadWorkspace): boolean =>
  workspace.history.some((event) => event.kind === 'reprocess');

function append(workspace: LoadWorkspace, event: LoadEvent) {
  if (workspace.history.length >= MAX_HISTORY) {
    return invalidAction(
      `The lab keeps ${MAX_HISTORY} scripts; reset the lab to start again from an empty cluster.`,
    );
  }
  return ok({ ...workspace, history: [...workspace.history, event] });
}

/** Applies one action; refuses a blank or overlong script and a second re-run of the processing step. */
export const reduceLoad = reduceWith<LoadWorkspace, LoadAction>({
  'run-sql': (workspace, action) => {
    if (typeof action.sql !== 'string' || action.sql.trim() === '')
      return invalidAction('Write a statement first.', 'sql');
    if (action.sql.length > MAX_SCRIPT_CHARACTERS) {
      return invalidAction(
        `A script here may be ${MAX_SCRIPT_CHARACTERS.toLocaleString('en-US')} characters long (this one has ${action.sql.length.toLocaleString('en-US')}).`,
        'sql',
      );
    }
    return append(workspace, { kind: 'sql', sql: action.sql });
  },
  reprocess: (workspace) =>
    reprocessed(workspace)
      ? invalidAction('The processing step has already been re-run; the files in S3 are the clean ones.')
      : append(workspace, { kind: 'reprocess' }),
  answer: answerWith<LoadWorkspace, LoadQuestion>({
    questions: ['error-column', 'error-code'],
    refuse: (value, question) =>
      question === 'error-column' ? refuseBlank('Name the column.')(value) : refuseNonNumber(value),
  }),
});
