/**
 * The console port is not streaming's: a counter engine, a few lines long, runs through the same host,
 * in-process worker and client as the streaming console, with its clock paced, its frames throttled and its
 * stale requests cancelled.
 */
import { describe, expect, it } from 'vitest';
import type { SimError } from '../../../sim/core/index.ts';
import type { ClockView, ConsoleSpeed } from './clock.ts';
import type { ConsoleEngine } from './engine.ts';
import { inProcessWorker } from './in-process.ts';
import type { FromWorker } from './protocol.ts';
import { createConsoleWorker, TICK_MS, type HostTimers, type WorkerScope } from './worker-host.ts';
import { ConsoleClient, StaleRequestError } from './worker-port.svelte.ts';

type CounterCommand =
  | { readonly type: 'start'; readonly perSecond: number; readonly seconds: number }
  | { readonly type: 'boom' };
type CounterRequest = { readonly type: 'countAt'; readonly seconds: number };
interface CounterView {
  readonly clock: ClockView;
  readonly count: number;
}

/** Counts `perSecond` each simulated second; answers "what will the count be at t" after a while. */
class CounterEngine implements ConsoleEngine<CounterCommand, CounterView, CounterRequest, number> {
  speed: ConsoleSpeed = 1;
  running = false;
  pauseAtMoments = false;
  nowMs = 0;
  seed = 1;
  run: { perSecond: number; seconds: number } | undefined;
  /** Answers wait until the test settles them. */
  readonly waiting: (() => void)[] = [];

  get started(): boolean {
    return this.run !== undefined;
  }
  get finished(): boolean {
    return this.run !== undefined && this.nowMs >= this.run.seconds * 1000;
  }
  advanceTo(ms: number): void {
    this.nowMs = Math.min(ms, (this.run?.seconds ?? 0) * 1000);
    if (this.finished) this.running = false;
  }
  stopsClock(command: CounterCommand): boolean {
    return command.type === 'start';
  }
  command(command: CounterCommand): readonly SimError[] {
    if (command.type === 'boom') throw new Error('the counter overflowed');
    if (command.perSecond < 0) return [{ code: 'InvalidScenario', path: '$.perSecond', message: 'negative' }];
    this.run = command;
    this.nowMs = 0;
    return [];
  }
  restart(): readonly SimError[] {
    this.nowMs = 0;
    return [];
  }
  restartWithSeed(seed: number): readonly SimError[] {
    this.seed = seed;
    return this.restart();
  }
  answer(request: CounterRequest): Promise<number> {
    return new Promise((resolve) =>
      this.waiting.push(() => resolve(request.seconds * (this.run?.perSecond ?? 0))),
    );
  }
  view(): CounterView | undefined {
    if (this.run === undefined) return undefined;
    const clock: ClockView = {
      nowMs: this.nowMs,
      durationMs: this.run.seconds * 1000,
      speed: this.speed,
      running: this.running,
      finished: this.finished,
      seed: this.seed,
      eventsProcessed: 0,
      pauseAtMoments: this.pauseAtMoments,
      moment: null,
      nextMomentMs: null,
    };
    return { clock, count: Math.floor(this.nowMs / 1000) * this.run.perSecond };
  }
}

/** Wall time and timers moved by hand. */
function manualTimers() {
  let now = 0;
  let due: { at: number; run: () => void }[] = [];
  const timers: HostTimers & { advance(ms: number): void } = {
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, run };
      due.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      due = due.filter((t) => t !== handle);
    },
    advance(ms) {
      const end = now + ms;
      for (let next = due.find((t) => t.at <= end); next; next = due.find((t) => t.at <= end)) {
        due = due.filter((t) => t !== next);
        now = Math.max(now, next.at);
        next.run();
      }
      now = end;
    },
  };
  return timers;
}

function counterConsole() {
  const engine = new CounterEngine();
  const timers = manualTimers();
  const acks: (() => void)[] = [];
  const client = new ConsoleClient(inProcessWorker(engine, timers), (ack) => acks.push(ack));
  const drawFrame = () => acks.splice(0).forEach((ack) => ack());
  return { engine, timers, client, drawFrame };
}

describe('the console port with a second engine', () => {
  it('starts, refuses with JSON paths, steps and restarts through the same messages as streaming', () => {
    const { client, drawFrame } = counterConsole();
    expect(client.view).toBeUndefined();
    client.command({ type: 'start', perSecond: 3, seconds: 10 });
    expect(client.view).toMatchObject({ count: 0, clock: { nowMs: 0, durationMs: 10_000 } });
    drawFrame();
    client.step(2);
    expect(client.view?.count).toBe(6);
    client.command({ type: 'start', perSecond: -1, seconds: 10 });
    expect(client.rejected).toEqual([{ code: 'InvalidScenario', path: '$.perSecond', message: 'negative' }]);
    drawFrame();
    client.restartWithSeed(7);
    drawFrame();
    expect(client.view?.clock).toMatchObject({ nowMs: 0, seed: 7 });
  });

  it('paces the clock against wall time at the chosen speed, and holds frames until the page drew one', () => {
    const { client, timers, drawFrame } = counterConsole();
    client.command({ type: 'start', perSecond: 1, seconds: 100 });
    drawFrame();
    client.setSpeed(10);
    drawFrame();
    client.play();
    timers.advance(0);
    timers.advance(TICK_MS * 4);
    // One frame is out and the page has not drawn it: the ticks since moved the clock but sent nothing.
    const shown = client.view!.clock.nowMs;
    expect(shown).toBeLessThan(TICK_MS * 4 * 10);
    drawFrame();
    expect(client.view!.clock.nowMs).toBe(TICK_MS * 4 * 10);
    expect(client.view!.clock.running).toBe(true);
    client.pause();
    drawFrame();
    timers.advance(1000);
    expect(client.view!.clock).toMatchObject({ nowMs: TICK_MS * 4 * 10, running: false });
  });

  it('cancels a request a newer one superseded or an abort stopped; the engine’s late answer is dropped', async () => {
    const { engine, client } = counterConsole();
    client.command({ type: 'start', perSecond: 5, seconds: 100 });
    const first = client.request({ type: 'countAt', seconds: 1 }, { supersedes: 'count' });
    const second = client.request({ type: 'countAt', seconds: 2 }, { supersedes: 'count' });
    await expect(first).rejects.toBeInstanceOf(StaleRequestError);
    const aborted = new AbortController();
    const third = client.request({ type: 'countAt', seconds: 3 }, { signal: aborted.signal });
    aborted.abort();
    await expect(third).rejects.toBeInstanceOf(StaleRequestError);
    engine.waiting.forEach((settle) => settle());
    await expect(second).resolves.toBe(10);
  });

  it('reports an engine that throws as a failure with the clock paused, and a worker that cannot run', () => {
    const { client, engine } = counterConsole();
    client.command({ type: 'start', perSecond: 1, seconds: 10 });
    engine.running = true;
    client.command({ type: 'boom' });
    expect(client.failure).toEqual({ code: 'SimulationFailed', message: 'the counter overflowed' });
    expect(engine.running).toBe(false);

    const broken = inProcessWorker(new CounterEngine());
    const other = new ConsoleClient(broken, () => undefined);
    broken.onerror?.({ message: 'Failed to fetch the worker script' });
    expect(other.failure).toEqual({ code: 'WorkerFailed', message: 'Failed to fetch the worker script' });
  });

  it('hosts an engine in a worker scope: the worker script is one call', () => {
    const posted: FromWorker<CounterView, number>[] = [];
    const scope: WorkerScope = {
      onmessage: null,
      postMessage: (message) => posted.push(message as FromWorker<CounterView, number>),
    };
    createConsoleWorker(new CounterEngine(), scope);
    scope.onmessage?.({
      data: { type: 'command', command: { type: 'start', perSecond: 2, seconds: 5 } },
    } as MessageEvent);
    expect(posted).toMatchObject([{ type: 'frame', view: { count: 0 } }]);
  });
});
