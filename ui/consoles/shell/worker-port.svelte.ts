/**
 * The page's handle on a console's worker, for any engine: sends clock commands, the engine's commands and
 * requests; keeps the latest frame as rune state (`$state.raw`: a frame is replaced whole, never mutated) and
 * acknowledges each frame once the browser is about to paint, so the worker never sends more frames than the
 * screen shows. A request superseded by a newer one of the same kind, or aborted, is cancelled: its promise
 * rejects with `StaleRequestError` and the worker drops its answer.
 */
import type { SimError } from '../../../sim/core/index.ts';
import type { ConsoleSpeed } from './clock.ts';
import { PendingRequests, type RequestOptions } from '../../shared/pending-requests.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export type { RequestOptions };

/** What the client needs of a worker (a real `Worker`, an in-process host, or a fake in tests). */
export interface WorkerLike<Command, View, Request = never, Answer = never> {
  postMessage(message: ToWorker<Command, Request>): void;
  onmessage: ((event: { readonly data: FromWorker<View, Answer> }) => void) | null;
  /** A worker that fails to load or throws outside a message reports it here. */
  onerror?: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}

/** The answer of a request that a newer one replaced, or that was aborted, never comes. */
export class StaleRequestError extends Error {
  override readonly name = 'StaleRequestError';
}

/** What the console shell needs of a client: the frame, its failure and the clock bar's commands. */
export interface ClockControls<View> {
  readonly view: View | undefined;
  readonly failure: SimError | null;
  play(): void;
  pause(): void;
  step(seconds?: number): void;
  setSpeed(speed: ConsoleSpeed): void;
  restart(): void;
  restartWithSeed(seed: number): void;
  setPauseAtMoments(enabled: boolean): void;
}

/** A console's connection to its worker. */
export class ConsoleClient<Command, View, Request = never, Answer = never> implements ClockControls<View> {
  /** The latest frame, or undefined before the first scenario started. */
  view: View | undefined = $state.raw(undefined);
  /** Problems of the last command the worker refused (each with its JSON path). */
  rejected: readonly SimError[] = $state.raw([]);
  /** Set when the simulation stopped on an error, or the worker could not run. */
  failure: SimError | null = $state.raw(null);

  readonly #worker: WorkerLike<Command, View, Request, Answer>;
  readonly #schedule: (callback: () => void) => void;
  readonly #requests = new PendingRequests<Answer>(
    () => new StaleRequestError('A newer request replaced this one.'),
    (requestId) => this.#send({ type: 'cancel', requestId }),
  );

  constructor(
    worker: WorkerLike<Command, View, Request, Answer>,
    scheduleFrame: (callback: () => void) => void = (callback) => requestAnimationFrame(callback),
  ) {
    this.#worker = worker;
    this.#schedule = scheduleFrame;
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      this.failure = {
        code: 'WorkerFailed',
        message: event.message || 'The simulation could not run in the background.',
      };
    };
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

  /** Starts the current scenario again from 0 with the same seed (after the run ended, to continue). */
  restart(): void {
    this.failure = null;
    this.#send({ type: 'restart' });
  }

  /** Restarts the current scenario from 0 with another seed. */
  restartWithSeed(seed: number): void {
    this.failure = null;
    this.#send({ type: 'seed', seed });
  }

  /** Whether the clock stops at the scenario's moments of interest. */
  setPauseAtMoments(enabled: boolean): void {
    this.#send({ type: 'pauseAtMoments', enabled });
  }

  /** Sends one of the engine's commands; a refusal arrives in `rejected`. */
  command(command: Command): void {
    this.#send({ type: 'command', command });
  }

  /** Asks the engine a question; rejects with the engine's message, or `StaleRequestError` if cancelled. */
  request(request: Request, options: RequestOptions = {}): Promise<Answer> {
    return this.#requests.open((requestId) => this.#send({ type: 'request', requestId, request }), options);
  }

  /** Stops the worker; pending requests are refused. */
  destroy(): void {
    this.#worker.terminate();
    this.#requests.rejectAll(new Error('The console was closed.'));
  }

  #send(message: ToWorker<Command, Request>): void {
    this.#worker.postMessage(message);
  }

  #receive(message: FromWorker<View, Answer>): void {
    switch (message.type) {
      case 'frame':
        this.view = message.view;
        this.#schedule(() => this.#send({ type: 'frameShown' }));
        return;
      case 'rejected':
        this.rejected = message.errors;
        return;
      case 'failed':
        this.failure = message.error;
        return;
      case 'answer':
        if (message.result.ok) this.#requests.resolve(message.requestId, message.result.value);
        else this.#requests.reject(message.requestId, new Error(message.result.message));
        return;
    }
  }
}
