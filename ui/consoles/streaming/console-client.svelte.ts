/**
 * The streaming console's client: the shell's `ConsoleClient` (clock bar, frames, requests) with the streaming
 * engine's commands in the learner's words: start a scenario, apply an action, open an S3 object.
 */
import { ConsoleClient, type WorkerLike } from '../shell/worker-port.svelte.ts';
import type { ConsoleView, MomentView, ObjectBodyView } from './console-view.ts';
import type { ConsoleAction, ObjectBodyResult, StreamingCommand, StreamingRequest } from './protocol.ts';

/** A worker running the streaming engine (a real `Worker`, an in-process host, or a fake in tests). */
export type StreamingWorker = WorkerLike<StreamingCommand, ConsoleView, StreamingRequest, ObjectBodyResult>;

/** The streaming console's connection to its worker. */
export class StreamingConsoleClient extends ConsoleClient<
  StreamingCommand,
  ConsoleView,
  StreamingRequest,
  ObjectBodyResult
> {
  /**
   * Starts a scenario (parsed JSON), with the moments of interest where the clock stops; problems arrive in
   * `rejected` and the current run goes on.
   */
  start(name: string, scenario: unknown, moments: readonly MomentView[] = []): void {
    this.rejected = [];
    this.failure = null;
    this.command({ type: 'start', name, scenario, moments });
  }

  apply(action: ConsoleAction): void {
    this.command({ type: 'apply', action });
  }

  /**
   * An S3 object's decoded content, read from the run by the worker. Opening another object cancels this
   * read (it rejects with `StaleRequestError`).
   */
  async loadObject(bucket: string, key: string): Promise<ObjectBodyView> {
    const result = await this.request({ type: 'objectBody', bucket, key }, { supersedes: 'objectBody' });
    if (!result.ok) throw new Error(result.message);
    return result.body;
  }
}
