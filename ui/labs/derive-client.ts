/**
 * The page's side of the lab derive worker: a `LabDeriver` for the lab controller. Each request gets an
 * id; a superseded one is called off in the worker (if it has not started) and its answer is never used.
 */
import type { LabDeriver } from '../../labs/engine';
import type { DeriveWorkerLike, FromDeriveWorker } from './derive-protocol';

/** The error a request called off rejects with; the controller ignores it, having moved on. */
export class DeriveCancelled extends Error {
  constructor() {
    super('The derive was superseded by a newer workspace.');
  }
}

/** A deriver that asks `worker` and resolves with its answer. */
export function workerDeriver(worker: DeriveWorkerLike): LabDeriver {
  // Requests in flight are bookkeeping, not UI state.
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<FromDeriveWorker>) => {
    const message = event.data;
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    if (message.type === 'derived') request.resolve(message.derived);
    else if (message.type === 'failed') request.reject(message.error);
    else request.reject(new DeriveCancelled());
  };
  return (labId, workspace, signal) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      signal.addEventListener('abort', () => {
        worker.postMessage({ type: 'cancel', id });
        pending.delete(id);
        reject(new DeriveCancelled());
      });
      worker.postMessage({ type: 'derive', id, labId, workspace });
    });
}

let shared: LabDeriver | null = null;

/** The app's one derive worker, started on first use (a module worker Vite bundles from this URL). */
export function sharedWorkerDeriver(): LabDeriver {
  shared ??= workerDeriver(
    new Worker(new URL('./derive.worker.ts', import.meta.url), {
      type: 'module',
      name: 'lab-derive',
    }) as DeriveWorkerLike,
  );
  return shared;
}
