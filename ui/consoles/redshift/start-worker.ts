import type { RedshiftWorker } from './console-client.svelte.ts';

/** Starts the Redshift console's worker (a module worker Vite bundles from this URL, sql.js with it). */
export function startRedshiftWorker(): RedshiftWorker {
  return new Worker(new URL('./redshift.worker.ts', import.meta.url), {
    type: 'module',
    name: 'redshift-console',
  }) as RedshiftWorker;
}
