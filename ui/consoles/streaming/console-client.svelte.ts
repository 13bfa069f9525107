/**
 * The page's handle on the simulation worker: sends commands, keeps the latest frame as rune state
 * (`$state.raw`: a frame is replaced whole, never mutated) and acknowledges each frame once the browser is
 * about to paint, so the worker never sends more frames than the screen shows.
 */
import type { SimError } from '../../../sim/core/errors.ts';
import type { ConsoleSpeed, ConsoleView, MomentView, ObjectBodyView } from './console-view.ts';
import type { ConsoleAction, FromWorker, ToWorker } from './protocol.ts';

/** What the client needs of a worker (a real `Worker`, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

type ObjectResult =
  { readonly ok: true; readonly body: ObjectBodyView } | { readonly ok: false; readonly message: string };

/** The streaming console's connection to its worker. */
export class ConsoleClient {
  /** The latest frame, or undefined before the first scenario started. */
  view: ConsoleView | undefined = $state.raw(undefined);
  /** Problems of the last scenario the worker refused (each with its JSON path). */
  rejected: readonly SimError[] = $state.raw([]);
  /** Set when the simulation stopped on an error. */
  failure: SimError | null = $state.raw(null);

  readonly #worker: WorkerLike;
  readonly #schedule: (callback: () => void) => void;
  // Requests in flight are bookkeeping, not UI state: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #pending = new Map<number, (result: ObjectResult) => void>();
  #nextRequest = 1;

  constructor(
    worker: WorkerLike,
    scheduleFrame: (callback: () => void) => void = (callback) => requestAnimationFrame(callback),
  ) {
    this.#worker = worker;
    this.#schedule = scheduleFrame;
    worker.onmessage = (event) => this.#receive(event.data);
  }

  /**
   * Starts a scenario (parsed JSON), with the moments of interest where the clock stops; problems arrive in
   * `rejected` and the current run goes on.
   */
  start(name: string, scenario: unknown, moments: readonly MomentView[] = []): void {
    this.rejected = [];
    this.failure = null;
    this.#send({ type: 'start', name, scenario, moments });
  }

  /** Starts the current scenario again from 0 with the same seed (after the run ended, to continue). */
  restart(): void {
    this.failure = null;
    this.#send({ type: 'restart' });
  }

  /** Whether the clock stops at the scenario's moments of interest. */
  setPauseAtMoments(enabled: boolean): void {
    this.#send({ type: 'pauseAtMoments', enabled });
  }

  play(): void {
    this.#send({ type: 'play' });
  }

  pause(): void {
    this.#send({ type: 'pause' });
  }

  /** Advances the paused clock by whole seconds. */
  step(seconds = 1): void {
    this.#send({ type: 'step', seconds });
  }

  setSpeed(speed: ConsoleSpeed): void {
    this.#send({ type: 'speed', speed });
  }

  /** Restarts the current scenario from 0 with another seed. */
  restartWithSeed(seed: number): void {
    this.failure = null;
    this.#send({ type: 'seed', seed });
  }

  apply(action: ConsoleAction): void {
    this.#send({ type: 'apply', action });
  }

  /** An S3 object's decoded content, read from the run by the worker. */
  loadObject(bucket: string, key: string): Promise<ObjectBodyView> {
    const requestId = this.#nextRequest++;
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, (result) =>
        result.ok ? resolve(result.body) : reject(new Error(result.message)),
      );
      this.#send({ type: 'objectBody', requestId, bucket, key });
    });
  }

  /** Stops the worker; pending object reads are refused. */
  destroy(): void {
    this.#worker.terminate();
    for (const settle of this.#pending.values()) settle({ ok: false, message: 'The console was closed.' });
    this.#pending.clear();
  }

  #send(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case 'frame':
        this.view = message.view;
        this.#schedule(() => this.#send({ type: 'frameShown' }));
        return;
      case 'scenarioRejected':
        this.rejected = message.errors;
        return;
      case 'failed':
        this.failure = message.error;
        return;
      case 'objectBody': {
        const settle = this.#pending.get(message.requestId);
        this.#pending.delete(message.requestId);
        settle?.(message.result);
        return;
      }
    }
  }
}
