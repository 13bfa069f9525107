/**
 * Where a lab's `derive(workspace)` runs. The flow never calls `derive` itself for a learner's action: it
 * asks a deriver, which answers at once (in process: headless tests, `bdlab lab validate`, a lab's own
 * tests) or later with a promise (the app's Web Worker), so a slow simulation never blocks the page.
 */
import type { AnyLabDefinition } from './types.ts';

/**
 * Computes a lab's derived facts for a workspace. Returns the facts themselves when it computed them at once,
 * or a promise of them; throwing (or rejecting) says the facts could not be computed. `signal` aborts when a
 * newer workspace supersedes this one; the controller never applies a superseded result either way.
 * Facts are plain data that survive structured clone, so they are never promises themselves.
 */
export type LabDeriver = (labId: string, workspace: unknown, signal: AbortSignal) => unknown;

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
