/**
 * The learner's progress in each lab as the agenda shows it, without loading any lab the learner has not
 * opened: a lab with nothing saved is not started, and only a lab with saved progress has its definition
 * loaded (its own chunk) to read that progress through the engine, exactly as the lab page would. Until
 * then the agenda says the progress is being read.
 */
import { loadLab, type CatalogueEntry } from '../../../labs/catalogue';
import type { AnyLabDefinition } from '../../../labs/engine/types';
import { describeStatus, summarizeProgress, type LabStatus } from '../progress-summary';

/** A lab's line on the agenda: where the learner stands, in words. */
export interface AgendaLabProgress {
  /** `reading` while the lab loads to read saved progress; `unread` when it could not load. */
  readonly status: LabStatus | 'reading' | 'unread';
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
const reading: AgendaLabProgress = { status: 'reading', label: 'Reading progress…', solutionsUsed: 0 };

/** Reads saved progress for the agenda, loading a lab's definition only when it has something saved. */
export class AgendaProgress {
  readonly #load: (id: string) => Promise<AnyLabDefinition>;
  // Plain maps: they are filled while the agenda's rows are derived, which must not write rune state.
  /* eslint-disable svelte/prefer-svelte-reactivity -- see above; `#loads` carries the reactivity */
  readonly #labs = new Map<string, AnyLabDefinition>();
  readonly #failures = new Map<string, string>();
  readonly #requested = new Set<string>();
  readonly #read = new Map<string, { readonly saved: unknown; readonly progress: AgendaLabProgress }>();
  /* eslint-enable svelte/prefer-svelte-reactivity */
  /** Bumped when a lab finishes loading (or fails), so rows read before it are derived again. */
  #loads = $state(0);

  constructor(load: (id: string) => Promise<AnyLabDefinition> = loadLab) {
    this.#load = load;
  }

  /** The progress line of a built lab for what is saved (`undefined`: the learner never opened it). */
  of(entry: CatalogueEntry, saved: unknown): AgendaLabProgress {
    if (saved === undefined) return notStarted;
    void this.#loads;
    const lab = this.#labs.get(entry.id);
    if (!lab) {
      const problem = this.#failures.get(entry.id);
      if (problem !== undefined)
        return { status: 'unread', label: 'Progress not read', solutionsUsed: 0, problem };
      this.#request(entry.id);
      return reading;
    }
    const known = this.#read.get(entry.id);
    if (known && known.saved === saved) return known.progress;
    const summary = summarizeProgress(lab, saved);
    const progress: AgendaLabProgress = {
      status: summary.status,
      label: describeStatus(summary),
      solutionsUsed: summary.solutionsUsed,
      ...(summary.problem === undefined ? {} : { problem: summary.problem }),
    };
    this.#read.set(entry.id, { saved, progress });
    return progress;
  }

  #request(id: string): void {
    if (this.#requested.has(id)) return;
    this.#requested.add(id);
    this.#load(id).then(
      (lab) => {
        this.#labs.set(id, lab);
        this.#loads += 1;
      },
      (error: unknown) => {
        this.#failures.set(id, error instanceof Error ? error.message : String(error));
        this.#loads += 1;
      },
    );
  }
}

/** The agenda's progress reader for the app's run (labs loaded once stay loaded). */
export const agendaProgress = new AgendaProgress();
