/**
 * The page's side of the lab derive worker: a `LabDeriver` and a `SolutionSource` for the lab controller.
 * Each request gets an id; a superseded one is called off in the worker (if it has not started) and its
 * answer is never used.
 */
import type { LabDeriver, SolutionSource } from '../../labs/engine';
import { PendingRequests } from '../shared/pending-requests';
import type { DeriveWorkerLike, FromDeriveWorker } from './derive-protocol';

/** The error a request called off rejects with; the controller ignores it, having moved on. */
export class DeriveCancelled extends Error {
  constructor() {
    super('The derive was superseded by a newer workspace.');
  }
}

/** What the lab controller asks the derive worker for. */
export interface LabWorkerPort {
  readonly deriver: LabDeriver;
  readonly solutions: SolutionSource;
}

/** A deriver and a solution source that ask `worker` and resolve with its answers. */
export function connectLabWorker(worker: DeriveWorkerLike): LabWorkerPort {
  const requests = new PendingRequests<unknown>(
    () => new DeriveCancelled(),
    (id) => worker.postMessage({ type: 'cancel', id }),
  );
  worker.onmessage = (event: MessageEvent<FromDeriveWorker>) => {
    const message = event.data;
    if (message.type === 'derived') requests.resolve(message.id, message.derived);
    else if (message.type === 'solutions') requests.resolve(message.id, message.solutions);
    else if (message.type === 'failed') requests.reject(message.id, message.error);
    else requests.reject(message.id, new DeriveCancelled());
  };
  return {
    deriver: (labId, workspace, signal) =>
      requests.open((id) => worker.postMessage({ type: 'derive', id, labId, workspace }), { signal }),
    solutions: (labId, upTo, signal) =>
      requests.open((id) => worker.postMessage({ type: 'solutions', id, labId, upTo }), { signal }),
  };
}

let shared: LabWorkerPort | null = null;

/** The app's one derive worker, started on first use (a module worker Vite bundles from this URL). */
export function sharedLabWorker(): LabWorkerPort {
  shared ??= connectLabWorker(
    new Worker(new URL('./derive.worker.ts', import.meta.url), {
      type: 'module',
      name: 'lab-derive',
    }) as DeriveWorkerLike,
  );
  return shared;
}
