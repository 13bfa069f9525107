/**
 * One open lab as rune state: wraps the engine's controller, exposes its latest snapshot as `$state.raw`,
 * and saves the learner's progress after every change so a reload resumes exactly there. Saved progress
 * the engine refuses is never overwritten silently: the session reports why and waits for an explicit
 * "start over". Nothing is saved while saved progress is being restored or after restoring failed, so
 * what is stored stays exactly as it was until the restored flow is running.
 */
import {
  createLabController,
  deriveError,
  scriptedSolutions,
  whenAnswered,
  type AnyLabDefinition,
  type LabAction,
  type LabClock,
  type LabController,
  type LabDeriver,
  type LabProgress,
  type LabSnapshot,
  type SolutionSource,
} from '../../labs/engine';
import type { SimError } from '../../sim/core/index.ts';
import { jumpTarget, progressAtStep } from './jump';

/** Where a session reads and writes a lab's progress (the document store, in the app). */
export interface LabProgressSink {
  /** The lab's saved progress as plain JSON, or undefined when there is none. */
  savedProgress(labId: string): unknown;
  saveProgress(labId: string, progress: LabProgress): void;
}

/**
 * The player's clock: wall time for the record (time spent), and no automatic advance. A solved step stays
 * on screen with its feedback until the learner (or the presenter) presses "Next step".
 */
export const playerClock: LabClock = {
  now: () => Date.now(),
  setTimeout: () => null,
  clearTimeout: () => undefined,
};

/** A lab being played. */
export class LabSession {
  readonly lab: AnyLabDefinition;
  /** The latest snapshot; null while saved progress could not be restored. */
  snapshot: LabSnapshot<unknown> | null = $state.raw(null);
  /** Why the saved progress was refused; it stays stored, untouched, until the learner starts over. */
  restoreError: SimError | null = $state.raw(null);
  /** True while a jump waits for the scripted solutions of the steps it skips; the lab stays as it was. */
  jumping: boolean = $state(false);
  /** Why the last jump could not be made (the lab is unchanged), or null. */
  jumpError: SimError | null = $state.raw(null);
  readonly #sink: LabProgressSink;
  readonly #clock: LabClock;
  readonly #deriver: LabDeriver | undefined;
  readonly #solutions: SolutionSource | undefined;
  #controller: LabController<unknown, LabAction> | null = null;
  #unsubscribe: (() => void) | null = null;
  #lastSaved: string | undefined;
  #jump: AbortController | null = null;

  /**
   * `deriver` computes the lab's facts and `solutions` its scripted solutions (the app passes its derive
   * worker's); by default both are computed in process, as in headless tests.
   */
  constructor(
    lab: AnyLabDefinition,
    sink: LabProgressSink,
    clock: LabClock = playerClock,
    deriver?: LabDeriver,
    solutions?: SolutionSource,
  ) {
    this.lab = lab;
    this.#sink = sink;
    this.#clock = clock;
    this.#deriver = deriver;
    this.#solutions = solutions;
    const saved = sink.savedProgress(lab.id);
    this.#lastSaved = saved === undefined ? undefined : JSON.stringify(saved);
    this.#open(saved);
  }

  start = (): void => this.#controller?.start();
  act = (action: LabAction): void => this.#controller?.act(action);
  hint = (): void => this.#controller?.hint();
  undo = (): void => this.#controller?.undo();
  showSolution = (): void => this.#controller?.showSolution();
  next = (): void => this.#controller?.next();
  reset = (): void => this.#controller?.reset();
  /** Tries restoring again after the snapshot's `restoreError`. */
  retryRestore = (): void => this.#controller?.retryRestore();

  /** Discards refused or current progress and begins again at the intro; saved at once. */
  startOver(): void {
    this.#jump?.abort();
    this.jumping = false;
    this.#close();
    this.restoreError = null;
    this.#open(undefined);
  }

  /**
   * Puts the lab at the start of a step (earlier steps solved and marked assisted), once the scripted
   * solutions of the skipped steps are computed where the lab's simulations run; a newer jump supersedes
   * one still waiting. The restored lab is saved once it runs.
   */
  jumpToStep(stepIndex: number): void {
    this.#jump?.abort();
    const abort = new AbortController();
    this.#jump = abort;
    this.jumping = true;
    this.jumpError = null;
    const skipped = jumpTarget(this.lab, stepIndex) - 1;
    const solutions: SolutionSource =
      this.#solutions ?? ((_labId, upTo) => scriptedSolutions(this.lab, upTo));
    whenAnswered(
      () => (skipped < 0 ? [] : solutions(this.lab.id, skipped, abort.signal)),
      abort.signal,
      (list) => {
        this.#jump = null;
        this.jumping = false;
        this.#close();
        this.restoreError = null;
        this.#open(progressAtStep(this.lab, stepIndex, this.#clock.now(), list as LabAction[][]));
      },
      (error) => {
        this.#jump = null;
        this.jumping = false;
        this.jumpError = {
          code: 'JumpFailed',
          message: `The lab could not go to step ${stepIndex + 1}: ${deriveError(error).message}`,
        };
      },
    );
  }

  /** Stops the controller; the session must not be used afterwards. */
  dispose(): void {
    this.#jump?.abort();
    this.#close();
  }

  #open(progress: unknown): void {
    const created = createLabController(this.lab, {
      clock: this.#clock,
      ...(this.#deriver ? { deriver: this.#deriver } : {}),
      ...(this.#solutions ? { solutions: this.#solutions } : {}),
      ...(progress === undefined ? {} : { progress }),
    });
    if (!created.ok) {
      this.restoreError = created.error;
      this.snapshot = null;
      return;
    }
    this.#controller = created.value;
    this.#unsubscribe = created.value.subscribe((snapshot) => {
      this.snapshot = snapshot;
      if (!snapshot.restoring && !snapshot.restoreError) this.#save(snapshot.progress);
    });
  }

  #close(): void {
    this.#unsubscribe?.();
    this.#controller?.stop();
    this.#unsubscribe = null;
    this.#controller = null;
  }

  /** Saves when the progress differs from what is stored; a lab merely opened and not started is not saved. */
  #save(progress: LabProgress | undefined): void {
    if (!progress) return;
    const json = JSON.stringify(progress);
    if (json === this.#lastSaved) return;
    if (this.#lastSaved === undefined && progress.phase === 'intro') return;
    this.#lastSaved = json;
    this.#sink.saveProgress(this.lab.id, progress);
  }
}
