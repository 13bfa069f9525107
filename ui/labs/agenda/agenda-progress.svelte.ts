/**
 * The learner's progress in each lab as the agenda shows it, without loading any lab on the page: a lab
 * with nothing saved is not started, and a lab with saved progress is summarized by the derive worker,
 * which restores it exactly as the lab page would (every step recorded as done is checked again, a
 * simulation in most labs). Until the answer comes the agenda says the progress is being checked. Nothing
 * here writes the saved progress: a summary that fails says why and leaves the file as it was.
 */
import type { CatalogueEntry } from '../../../labs/catalogue';
import { DeriveCancelled, workerSummarizer } from '../derive-client';
import { describeStatus, summaryProblem, type LabStatus, type ProgressSummarizer } from '../progress-summary';

/** A lab's line on the agenda: where the learner stands, in words. */
export interface AgendaLabProgress {
  /** `checking` while the saved progress is summarized; `unread` when it could not be. */
  readonly status: LabStatus | 'checking' | 'unread';
  /** The badge text: `Not started`, `In progress: step 2 of 4`, `Completed`, … */
  readonly label: string;
  /** Steps solved with the solution shown. */
  readonly solutionsUsed: number;
  /** Why the progress could not be read, for an `unread` lab. */
  readonly problem?: string;
}

const notStarted: AgendaLabProgress = {
  status: 'not-started',
  label: describeStatus({ status: 'not-started' }),
  solutionsUsed: 0,
};
/** The badge while the worker checks a lab's saved progress. */
export const checking: AgendaLabProgress = {
  status: 'checking',
  label: 'Checking progress…',
  solutionsUsed: 0,
};

/** Summarizes saved progress for the agenda, asking the summarizer once per saved value of each lab. */
export class AgendaProgress {
  readonly #summarize: ProgressSummarizer;
  // Plain map: it is filled while the agenda's rows are derived, which must not write rune state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see above; `#answers` carries the reactivity
  readonly #read = new Map<string, { readonly saved: unknown; progress: AgendaLabProgress }>();
  /** Bumped when a summary arrives (or fails), so rows read before it are derived again. */
  #answers = $state(0);

  constructor(summarize: ProgressSummarizer = workerSummarizer) {
    this.#summarize = summarize;
  }

  /** The progress line of a built lab for what is saved (`undefined`: the learner never opened it). */
  of(entry: CatalogueEntry, saved: unknown): AgendaLabProgress {
    if (saved === undefined) return notStarted;
    void this.#answers;
    const known = this.#read.get(entry.id);
    if (known && known.saved === saved) return known.progress;
    this.#request(entry.id, saved);
    return checking;
  }

  #request(labId: string, saved: unknown): void {
    const read = { saved, progress: checking };
    this.#read.set(labId, read);
    // A newer saved value of the same lab calls off the request for the older one.
    this.#summarize(labId, saved, { supersedes: `agenda:${labId}` }).then(
      (summary) => {
        read.progress = {
          status: summary.status,
          label: describeStatus(summary),
          solutionsUsed: summary.solutionsUsed,
          ...(summary.problem === undefined ? {} : { problem: summary.problem }),
        };
        this.#answers += 1;
      },
      (error: unknown) => {
        if (error instanceof DeriveCancelled) return;
        read.progress = {
          status: 'unread',
          label: 'Progress not read',
          solutionsUsed: 0,
          problem: `${summaryProblem(error)} Your saved progress is kept; reload the page to check it again.`,
        };
        this.#answers += 1;
      },
    );
  }
}

/** The agenda's progress reader for the app's run. */
export const agendaProgress = new AgendaProgress();
