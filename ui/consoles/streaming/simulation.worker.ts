/**
 * The streaming console's simulation worker: runs the scenario off the page's thread so charts stay smooth
 * at 100× and "as fast as possible". It paces the virtual clock against wall time, and posts a frame only
 * when the page has drawn the previous one (see protocol.ts).
 */
import { validateScenario } from '../../../sim/scenario/scenario.ts';
import { openStreamingSession } from '../../../sim/streaming/index.ts';
import { ConsoleEngine } from './console-engine.ts';
import { readObjectBody } from './object-body.ts';
import { ClockPacer } from './clock-pacer.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const engine = new ConsoleEngine({
  validate: (value) => validateScenario(value),
  open: openStreamingSession,
});
const pacer = new ClockPacer();
/** Milliseconds between simulation slices while running. */
const TICK_MS = 15;

let frameInFlight = false;
let frameDirty = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function post(message: FromWorker): void {
  self.postMessage(message);
}

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
    const target = pacer.target(engine.speed, engine.nowMs, performance.now());
    if (engine.speed === 'max') {
      // As fast as possible: whole simulated seconds until this slice's wall-time budget is spent.
      const started = performance.now();
      while (engine.running && performance.now() - started < pacer.budgetMs)
        engine.advanceTo(engine.nowMs + 1000);
    } else {
      engine.advanceTo(target);
    }
  } catch (error) {
    fail(error);
    return;
  }
  postFrame();
  if (engine.running) timer = setTimeout(tick, TICK_MS);
}

function play(): void {
  if (!engine.started || engine.finished) return;
  engine.running = true;
  pacer.reset(performance.now());
  if (timer === undefined) timer = setTimeout(tick, 0);
}

function pause(): void {
  engine.running = false;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'start': {
      pause();
      const errors = engine.start(message.name, message.scenario, message.moments);
      if (errors.length > 0) post({ type: 'scenarioRejected', errors });
      break;
    }
    case 'restart':
      pause();
      engine.restart();
      break;
    case 'pauseAtMoments':
      engine.pauseAtMoments = message.enabled;
      break;
    case 'seed': {
      pause();
      const errors = engine.restartWithSeed(message.seed);
      if (errors.length > 0) post({ type: 'scenarioRejected', errors });
      break;
    }
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
      pacer.reset(performance.now());
      break;
    case 'apply':
      engine.apply(message.action);
      break;
    case 'objectBody':
      post({
        type: 'objectBody',
        requestId: message.requestId,
        result: readObjectBody(engine.services?.s3, message.bucket, message.key),
      });
      return;
    case 'frameShown':
      frameInFlight = false;
      if (frameDirty) postFrame();
      return;
  }
  postFrame();
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  try {
    handle(event.data);
  } catch (error) {
    fail(error);
  }
};
