/**
 * The page's side of the lab derive worker: a `LabDeriver` for the lab controller. Each request gets an
 * id; a superseded one is called off in the worker (if it has not started) and its answer is never used.
 */
import type { LabDeriver } from '../../labs/engine';
import { PendingRequests } from '../shared/pending-requests';
import type { DeriveWorkerLike, FromDeriveWorker } from './derive-protocol';

/** The error a request called off rejects with; the controller ignores it, having moved on. */
export class DeriveCancelled extends Error {
  constructor() {
    super('The derive was superseded by a newer workspace.');
  }
}

/** A deriver that asks `worker` and resolves with its answer. */
export function workerDeriver(worker: DeriveWorkerLike): LabDeriver {
  const requests = new PendingRequests<unknown>(
    () => new DeriveCancelled(),
    (id) => worker.postMessage({ type: 'cancel', id }),
  );
  worker.onmessage = (event: MessageEvent<FromDeriveWorker>) => {
    const message = event.data;
    if (message.type === 'derived') requests.resolve(message.id, message.derived);
    else if (message.type === 'failed') requests.reject(message.id, message.error);
    else requests.reject(message.id, new DeriveCancelled());
  };
  return (labId, workspace, signal) =>
    requests.open((id) => worker.postMessage({ type: 'derive', id, labId, workspace }), { signal });
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
