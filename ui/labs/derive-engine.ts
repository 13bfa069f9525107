/**
 * The derive worker's logic without the worker: answers each request with the lab's facts (or its scripted
 * solutions), skipping requests called off while they waited. Testable in Node; `derive.worker.ts` only
 * wires it to messages.
 */
import type { AnyLabDefinition } from '../../labs/engine';
// The deriver module alone: the worker needs no flow machine.
import { scriptedSolutions } from '../../labs/engine/deriver.ts';
import type { FromDeriveWorker, ToDeriveWorker } from './derive-protocol';
import type { LabLoader } from './lab-loaders';

/** Handles the page's messages; `post` sends the answers back. */
export function createDeriveEngine(
  loaders: Readonly<Record<string, LabLoader>>,
  post: (message: FromDeriveWorker) => void,
  /** Lets messages already queued (a cancel) arrive before the work starts. */
  yieldToMessages: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): (message: ToDeriveWorker) => Promise<void> {
  // Bookkeeping inside the worker, not UI state.
  const cancelled = new Set<number>();
  const labs = new Map<string, Promise<AnyLabDefinition>>();
  const load = (labId: string): Promise<AnyLabDefinition> => {
    const loader = loaders[labId];
    if (!loader) return Promise.reject(new Error(`No lab "${labId}" is registered in the derive worker.`));
    const known = labs.get(labId) ?? loader();
    labs.set(labId, known);
    return known;
  };
  return async (message) => {
    if (message.type === 'cancel') {
      cancelled.add(message.id);
      return;
    }
    const { id } = message;
    try {
      const lab = await load(message.labId);
      await yieldToMessages();
      if (cancelled.delete(id)) {
        post({ type: 'cancelled', id });
        return;
      }
      if (message.type === 'solutions') {
        post({ type: 'solutions', id, solutions: scriptedSolutions(lab, message.upTo) });
      } else {
        post({ type: 'derived', id, derived: lab.derive(message.workspace) });
      }
    } catch (error) {
      cancelled.delete(id);
      const text = error instanceof Error ? error.message : String(error);
      post({ type: 'failed', id, error: { code: 'DeriveFailed', message: text } });
    }
  };
}
