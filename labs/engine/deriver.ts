/**
 * Where a lab's `derive(workspace)` runs. The flow never calls `derive` itself: for a learner's action, for
 * restoring saved progress and for showing a solution it asks a deriver, which answers at once (in process:
 * headless tests, `bdlab lab validate`, a lab's own tests) or later with a promise (the app's Web Worker),
 * so a slow simulation never blocks the page.
 */
import type { AnyLabDefinition, LabAction } from './types.ts';

/**
 * Computes a lab's derived facts for a workspace. Returns the facts themselves when it computed them at once,
 * or a promise of them; throwing (or rejecting) says the facts could not be computed. `signal` aborts when a
 * newer workspace supersedes this one; the controller never applies a superseded result either way.
 * Facts are plain data that survive structured clone, so they are never promises themselves.
 */
export type LabDeriver = (labId: string, workspace: unknown, signal: AbortSignal) => unknown;

/**
 * The scripted solutions of steps `0 … upTo`, computed where the deriver runs: some labs read a step's
 * answer off a simulation, so merely reading `step.solution` can take as long as a derive. Returns the
 * lists at once or a promise of them, like a deriver; `signal` aborts when the request is called off.
 */
export type SolutionSource = (labId: string, upTo: number, signal: AbortSignal) => unknown;

/** The scripted solutions of steps `0 … upTo`, read here (each a plain copy, safe to send to the page). */
export function scriptedSolutions(lab: AnyLabDefinition, upTo: number): LabAction[][] {
  return lab.steps.slice(0, upTo + 1).map((step) => [...step.solution]);
}

/**
 * Calls `ask` and hands its answer to `answered`, at once when it answered at once, or when its promise
 * settles; a throw or a rejection goes to `failed`. Nothing is reported once `signal` has aborted.
 */
export function whenAnswered(
  ask: () => unknown,
  signal: AbortSignal,
  answered: (value: unknown) => void,
  failed: (error: unknown) => void,
): void {
  let result: unknown;
  try {
    result = ask();
  } catch (error) {
    failed(error);
    return;
  }
  if (!isPromiseLike(result)) {
    answered(result);
    return;
  }
  result.then(
    (value) => {
      if (!signal.aborted) answered(value);
    },
    (error: unknown) => {
      if (!signal.aborted) failed(error);
    },
  );
}

/** True for a promise (or any thenable) a deriver returned instead of facts. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

/** A deriver that runs each lab's `derive` at once, on this thread. */
export function inProcessDeriver(findLab: (labId: string) => AnyLabDefinition | undefined): LabDeriver {
  return (labId, workspace) => {
    const lab = findLab(labId);
    if (!lab) throw new Error(`No lab "${labId}" is registered here.`);
    return lab.derive(workspace);
  };
}

/** What `deriveInTurn` reports back as each answer arrives. */
export interface InTurnHandlers {
  /** The facts of `workspaces[index]`; return true when they are enough and no more should be asked for. */
  take(index: number, derived: unknown): boolean;
  /** Every workspace was derived, or `take` asked to stop. */
  done(): void;
  /** A derive failed; nothing more is asked for. */
  failed(error: unknown): void;
}

/**
 * Asks the deriver for several workspaces' facts one after another (a worker computes one at a time anyway,
 * and a caller may stop early). Answers given at once are taken at once, so an in-process deriver finishes
 * before this returns; once `signal` aborts, nothing more is asked for or reported.
 */
export function deriveInTurn(
  deriver: LabDeriver,
  labId: string,
  workspaces: readonly unknown[],
  signal: AbortSignal,
  handlers: InTurnHandlers,
): void {
  let next = 0;
  const proceed = (): void => {
    while (!signal.aborted) {
      if (next >= workspaces.length) return handlers.done();
      const index = next++;
      let result: unknown;
      try {
        result = deriver(labId, workspaces[index], signal);
      } catch (error) {
        return handlers.failed(error);
      }
      if (isPromiseLike(result)) {
        result.then(
          (derived) => {
            if (signal.aborted) return;
            if (handlers.take(index, derived)) handlers.done();
            else proceed();
          },
          (error: unknown) => {
            if (!signal.aborted) handlers.failed(error);
          },
        );
        return;
      }
      if (handlers.take(index, result)) return handlers.done();
    }
  };
  proceed();
}
