import type { StreamingWorker } from './console-client.svelte.ts';

/** Starts the streaming console's simulation worker (a module worker Vite bundles from this URL). */
export function startSimulationWorker(): StreamingWorker {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'streaming-simulation',
  }) as StreamingWorker;
}
