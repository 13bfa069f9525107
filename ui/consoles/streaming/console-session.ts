/**
 * The streaming console's one session for the whole app: the client and its simulation worker outlive the
 * page component, so leaving the console (for a lab, the agenda…) and coming back finds the run where the
 * learner left it, until they restart it or start another scenario.
 */
import { StreamingConsoleClient, type StreamingWorker } from './console-client.svelte.ts';
import type { MomentView } from './console-view.ts';
import { BUILT_IN_SCENARIOS, type BuiltInScenario } from './scenarios.ts';

let session: StreamingConsoleClient | undefined;

/**
 * The session, created on first use with a worker from `startWorker` and started on `first` (the picker's
 * selected built-in scenario); later calls return the same session untouched.
 */
export function consoleSession(
  startWorker: () => StreamingWorker,
  first: BuiltInScenario,
): StreamingConsoleClient {
  if (session === undefined) {
    session = new StreamingConsoleClient(startWorker());
    session.start(first.title, first.scenario, momentsOf(first));
  }
  return session;
}

/** Forgets the session (tests only: the app keeps one for its lifetime). */
export function resetConsoleSessionForTests(): void {
  session?.destroy();
  session = undefined;
}

/** A built-in scenario's moments of interest in clock milliseconds. */
export function momentsOf(builtIn: BuiltInScenario): MomentView[] {
  return builtIn.moments.map((m) => ({ atMs: m.atSeconds * 1000, note: m.note }));
}

/**
 * The moments of interest of a scenario about to run: a built-in scenario's own, when it is run as it is
 * (the very object from the list); none for JSON the learner wrote or changed.
 */
export function momentsFor(scenario: unknown): MomentView[] {
  const builtIn = BUILT_IN_SCENARIOS.find((s) => s.scenario === scenario);
  return builtIn === undefined ? [] : momentsOf(builtIn);
}
