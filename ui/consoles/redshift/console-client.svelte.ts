/**
 * The Redshift console's client: the shell's `ConsoleClient` (clock bar, frames, cancellable requests) with
 * the engine's requests in the learner's words.
 */
import { ConsoleClient, type WorkerLike } from '../shell/worker-port.svelte.ts';
import type {
  ApplyAnswer,
  JournalEntry,
  RedshiftAnswer,
  RedshiftCommand,
  RedshiftRequest,
  SessionAction,
} from './protocol.ts';
import type { Cell } from './result-pages.ts';
import type { RedshiftView } from './redshift-view.ts';

/** A worker running the Redshift engine (a real `Worker`, an in-process host, or a fake in tests). */
export type RedshiftWorker = WorkerLike<RedshiftCommand, RedshiftView, RedshiftRequest, RedshiftAnswer>;

function expect<T extends RedshiftAnswer['type']>(
  answer: RedshiftAnswer,
  type: T,
): Extract<RedshiftAnswer, { type: T }> {
  if (answer.type !== type) throw new Error(`The worker answered ${answer.type} to a ${type} request.`);
  return answer as Extract<RedshiftAnswer, { type: T }>;
}

/** The Redshift console's connection to one worker. */
export class RedshiftConsoleClient extends ConsoleClient<
  RedshiftCommand,
  RedshiftView,
  RedshiftRequest,
  RedshiftAnswer
> {
  /** Applies a change (a cluster action, sample data, a statement); the answer carries its journal entry. */
  async apply(action: SessionAction): Promise<ApplyAnswer> {
    const answer = await this.request({ type: 'apply', action });
    // A statement's answer brings no frame; the panels (tables, slices, loads) need one.
    this.command({ type: 'refresh' });
    if (answer.type !== 'applied' && answer.type !== 'refused')
      throw new Error(`The worker answered ${answer.type} to a change.`);
    return answer;
  }

  /** More rows of a result the worker keeps; opening another page cancels this one. */
  async rows(resultId: number, offset: number, limit: number): Promise<readonly (readonly Cell[])[]> {
    const answer = await this.request({ type: 'rows', resultId, offset, limit }, { supersedes: 'rows' });
    return expect(answer, 'rows').rows;
  }

  /** Replays a journal into this (fresh) worker and moves its clock to `nowMs`. */
  async restore(journal: readonly JournalEntry[], nowMs: number) {
    const answer = await this.request({ type: 'restore', journal, nowMs });
    this.command({ type: 'refresh' });
    return expect(answer, 'restored');
  }
}
