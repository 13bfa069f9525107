/**
 * A console's engine hosted on the page's own thread, behind the same `WorkerLike` a real worker offers: tests
 * (and any place without workers) drive the very host and engine the worker runs. Messages are structured
 * clones, as between a page and a worker, so a frame never shares state with the engine.
 */
import type { ConsoleEngine } from './engine.ts';
import type { FromWorker } from './protocol.ts';
import { BROWSER_TIMERS, hostEngine, type HostTimers } from './worker-host.ts';
import type { WorkerLike } from './worker-port.svelte.ts';

/** Hosts `engine` in-process; `terminate` stops its clock. */
export function inProcessWorker<Command, View, Request, Answer>(
  engine: ConsoleEngine<Command, View, Request, Answer>,
  timers: HostTimers = BROWSER_TIMERS,
): WorkerLike<Command, View, Request, Answer> {
  let terminated = false;
  const worker: WorkerLike<Command, View, Request, Answer> = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => {
      if (!terminated) host.receive(structuredClone(message));
    },
    terminate: () => {
      terminated = true;
      host.dispose();
    },
  };
  const host = hostEngine(
    engine,
    (message: FromWorker<View, Answer>) => {
      if (!terminated) worker.onmessage?.({ data: structuredClone(message) });
    },
    timers,
  );
  return worker;
}
