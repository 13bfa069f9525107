/**
 * The worker side of the console port, for any engine: paces the virtual clock against wall time, posts a
 * frame only when the page has drawn the previous one, answers requests (dropping answers the page
 * cancelled) and turns a thrown error into a `failed` message with the clock paused. The same host runs in a
 * module worker (`createConsoleWorker`) and in-process in tests (in-process.ts).
 */
import { ClockPacer } from './clock-pacer.ts';
import type { ConsoleEngine } from './engine.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** Wall time and timers, so tests can drive the host's clock by hand. */
export interface HostTimers {
  /** Wall time in milliseconds (`performance.now()` in a browser). */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's own timers. */
export const BROWSER_TIMERS: HostTimers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Milliseconds between simulation slices while running. */
export const TICK_MS = 15;

/** A running host: feed it the page's messages. */
export interface ConsoleHost<Command, Request> {
  receive(message: ToWorker<Command, Request>): void;
  /** Stops the clock's timer. */
  dispose(): void;
}

/** Hosts `engine`, posting its messages through `post`. */
export function hostEngine<Command, View, Request, Answer>(
  engine: ConsoleEngine<Command, View, Request, Answer>,
  post: (message: FromWorker<View, Answer>) => void,
  timers: HostTimers = BROWSER_TIMERS,
): ConsoleHost<Command, Request> {
  const pacer = new ClockPacer();
  // Requests whose answer is still being worked out; a cancelled one leaves the set and is never answered.
  const answering = new Set<number>();
  let frameInFlight = false;
  let frameDirty = false;
  let timer: unknown;

  function postFrame(): void {
    frameDirty = true;
    if (frameInFlight) return;
    const view = engine.view();
    if (view === undefined) return;
    frameDirty = false;
    frameInFlight = true;
    post({ type: 'frame', view });
  }

  function fail(error: unknown): void {
    engine.running = false;
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'SimulationFailed';
    post({ type: 'failed', error: { code, message } });
    postFrame();
  }

  function tick(): void {
    timer = undefined;
    if (!engine.running) return;
    try {
      const target = pacer.target(engine.speed, engine.nowMs, timers.now());
      if (engine.speed === 'max') {
        // As fast as possible: whole simulated seconds until this slice's wall-time budget is spent.
        const started = timers.now();
        while (engine.running && timers.now() - started < pacer.budgetMs)
          engine.advanceTo(engine.nowMs + 1000);
      } else {
        engine.advanceTo(target);
      }
    } catch (error) {
      fail(error);
      return;
    }
    postFrame();
    if (engine.running) timer = timers.setTimeout(tick, TICK_MS);
  }

  function play(): void {
    if (!engine.started || engine.finished) return;
    engine.running = true;
    pacer.reset(timers.now());
    if (timer === undefined) timer = timers.setTimeout(tick, 0);
  }

  function pause(): void {
    engine.running = false;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  }

  function refuse(errors: readonly { code: string; message: string }[]): void {
    if (errors.length > 0) post({ type: 'rejected', errors });
  }

  function answer(requestId: number, request: Request): void {
    const reply = (result: { ok: true; value: Answer } | { ok: false; message: string }) => {
      if (answering.delete(requestId)) post({ type: 'answer', requestId, result });
    };
    const failed = (error: unknown) =>
      reply({ ok: false, message: error instanceof Error ? error.message : String(error) });
    answering.add(requestId);
    try {
      const value = engine.answer(request);
      if (value instanceof Promise) value.then((v) => reply({ ok: true, value: v }), failed);
      else reply({ ok: true, value });
    } catch (error) {
      failed(error);
    }
  }

  function handle(message: ToWorker<Command, Request>): void {
    switch (message.type) {
      case 'command':
        if (engine.stopsClock(message.command)) pause();
        refuse(engine.command(message.command));
        break;
      case 'restart':
        pause();
        refuse(engine.restart());
        break;
      case 'seed':
        pause();
        refuse(engine.restartWithSeed(message.seed));
        break;
      case 'pauseAtMoments':
        engine.pauseAtMoments = message.enabled;
        break;
      case 'play':
        play();
        break;
      case 'pause':
        pause();
        break;
      case 'step':
        pause();
        engine.advanceTo(engine.nowMs + message.seconds * 1000);
        break;
      case 'speed':
        engine.speed = message.speed;
        pacer.reset(timers.now());
        break;
      case 'request':
        answer(message.requestId, message.request);
        return;
      case 'cancel':
        answering.delete(message.requestId);
        return;
      case 'frameShown':
        frameInFlight = false;
        if (frameDirty) postFrame();
        return;
    }
    postFrame();
  }

  return {
    receive(message) {
      try {
        handle(message);
      } catch (error) {
        fail(error);
      }
    },
    dispose: pause,
  };
}

/** What a worker's global scope offers the host (a `DedicatedWorkerGlobalScope`). */
export interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

declare const self: WorkerScope;

/**
 * Runs `engine` in this module worker: the worker's whole script is one call, e.g.
 * `createConsoleWorker(new RedshiftEngine())`.
 */
export function createConsoleWorker<Command, View, Request, Answer>(
  engine: ConsoleEngine<Command, View, Request, Answer>,
  scope: WorkerScope = self,
): ConsoleHost<Command, Request> {
  const host = hostEngine(engine, (message) => scope.postMessage(message));
  scope.onmessage = (event: MessageEvent<ToWorker<Command, Request>>) => host.receive(event.data);
  return host;
}
