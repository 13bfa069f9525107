import type { WorkerLike } from './console-client.svelte.ts';

/** Starts the streaming console's simulation worker (a module worker Vite bundles from this URL). */
export function startSimulationWorker(): WorkerLike {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'streaming-simulation',
  }) as WorkerLike;
}
