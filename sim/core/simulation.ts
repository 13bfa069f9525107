import { SimException } from './errors.ts';
import { EventQueue, type EventSink, type SimEvent } from './event-queue.ts';
import { MetricStore, type MetricId, type MetricStoreOptions, type MetricUnit } from './metrics.ts';
import { Rng } from './rng.ts';
import { millis, type Millis } from './units.ts';

export type { SimEvent } from './event-queue.ts';

/**
 * Everything a running simulation is. `services` holds each service's own state as plain JSON data, keyed
 * by service (`{ arrivals: …, kinesis: … }`); the queue, generator and metrics are fast structures that
 * `snapshot()` turns into plain data.
 */
export interface SimState<E extends SimEvent = SimEvent, S = unknown> {
  /** The virtual clock. */
  now: Millis;
  /** Events dispatched so far. */
  eventsProcessed: number;
  readonly queue: EventQueue<E>;
  readonly rng: Rng;
  readonly metrics: MetricStore;
  services: S;
}

/**
 * The state as an event handler sees it: it reads the clock, draws random numbers, records metrics,
 * updates its service's state and schedules events, but cannot take events off the queue or move the
 * clock. A handler written against its own events and state slice accepts any larger simulation's state.
 */
export interface SimContext<E extends SimEvent, S> {
  readonly now: Millis;
  readonly eventsProcessed: number;
  readonly queue: EventSink<E>;
  readonly rng: Rng;
  readonly metrics: MetricStore;
  readonly services: S;
}

/** How to start a simulation. */
export interface SimStateOptions<S> {
  /** Unsigned 32-bit seed of the generator. */
  readonly seed: number;
  /** Each service's initial state (plain JSON data). */
  readonly services: S;
  /** Metric period and ring-buffer capacity; defaults to 1-second periods, 3,600 of them (an hour). */
  readonly metrics?: MetricStoreOptions;
  /** Where the clock starts; defaults to 0. */
  readonly startMillis?: Millis;
}

/** Default metric settings: CloudWatch's 1-second high resolution, an hour of periods per series. */
export const DEFAULT_METRIC_OPTIONS: MetricStoreOptions = { periodMillis: 1000, capacity: 3600 };

/** A fresh simulation state with an empty queue. */
export function createState<E extends SimEvent, S>(options: SimStateOptions<S>): SimState<E, S> {
  return {
    now: options.startMillis ?? millis(0),
    eventsProcessed: 0,
    queue: new EventQueue<E>(),
    rng: Rng.fromSeed(options.seed),
    metrics: new MetricStore(options.metrics ?? DEFAULT_METRIC_OPTIONS),
    services: options.services,
  };
}

/** Schedules `event` at absolute time `at` (not before the current time). */
export function schedule<E extends SimEvent>(state: SimContext<E, unknown>, at: Millis, event: E): void {
  if (!(at >= state.now)) {
    throw new SimException({
      code: 'InvalidScheduleTime',
      message: `Cannot schedule '${event.type}' at ${at} ms: the clock is already at ${state.now} ms.`,
    });
  }
  state.queue.push(at, event);
}

/** Schedules `event` `delay` milliseconds from now. */
export function scheduleAfter<E extends SimEvent>(
  state: SimContext<E, unknown>,
  delay: Millis,
  event: E,
): void {
  schedule(state, millis(state.now + delay), event);
}

/** Records one sample of a metric at the current time. */
export function recordMetric(
  state: SimContext<never, unknown>,
  id: MetricId,
  value: number,
  unit: MetricUnit = 'Count',
): void {
  state.metrics.put(id, state.now, value, unit);
}

/** What a handler does with one event: update service state, schedule further events, record metrics. */
export type EventHandler<E extends SimEvent, S, K extends E['type'] = E['type']> = (
  state: SimContext<E, S>,
  event: Extract<E, { type: K }>,
) => void;

/** Handlers by event type. */
export type HandlerMap<E extends SimEvent, S> = {
  readonly [Ev in E as Ev['type']]?: (state: SimContext<E, S>, event: Ev) => void;
};

/**
 * A service's contribution to a simulation: the handlers for the event types it owns. A module written
 * for its own events and state slice (`SimulationModule<KinesisEvent, { kinesis: KinesisState }>`) plugs
 * into any simulation whose events and services include them.
 */
export interface SimulationModule<E extends SimEvent, S> {
  /** The service's name, used in error messages. */
  readonly name: string;
  readonly handlers: HandlerMap<E, S>;
}

/** Limits of one `run` call. */
export interface RunOptions {
  /** Stop with `EventLimitExceeded` after this many events (guards against a handler that loops at one instant). */
  readonly maxEvents?: number;
}

/** A simulation: the registered handlers, applied to any state. */
export interface Simulation<E extends SimEvent, S> {
  /** Pops the earliest event, advances the clock to it and dispatches it; false when nothing is pending. */
  step(state: SimState<E, S>): boolean;
  /**
   * Dispatches every event due at or before `until`, then leaves the clock at `until`. Returns how many
   * events were dispatched.
   */
  run(state: SimState<E, S>, until: Millis, options?: RunOptions): number;
}

type AnyHandler<E extends SimEvent, S> = (state: SimContext<E, S>, event: E) => void;

/** Builds a simulation from service modules; two modules may not handle the same event type. */
export function createSimulation<E extends SimEvent, S>(
  modules: readonly SimulationModule<E, S>[],
): Simulation<E, S> {
  const handlers = new Map<string, AnyHandler<E, S>>();
  const owners = new Map<string, string>();
  for (const module of modules) {
    for (const [type, handler] of Object.entries(module.handlers)) {
      if (handler === undefined) continue;
      const owner = owners.get(type);
      if (owner !== undefined) {
        throw new SimException({
          code: 'DuplicateHandler',
          message: `Both '${owner}' and '${module.name}' handle '${type}' events: each event type needs exactly one handler.`,
        });
      }
      owners.set(type, module.name);
      handlers.set(type, handler as AnyHandler<E, S>);
    }
  }

  const step = (state: SimState<E, S>): boolean => {
    const time = state.queue.peekTime();
    if (time === undefined) return false;
    const event = state.queue.popEvent()!;
    const handler = handlers.get(event.type);
    if (handler === undefined) {
      throw new SimException({
        code: 'UnhandledEvent',
        message: `No module handles '${event.type}' events (registered: ${[...owners.keys()].join(', ') || 'none'}).`,
      });
    }
    state.now = time;
    state.eventsProcessed++;
    handler(state, event);
    return true;
  };

  const run = (state: SimState<E, S>, until: Millis, options: RunOptions = {}): number => {
    if (!(until >= state.now)) {
      throw new SimException({
        code: 'InvalidArgument',
        message: `Cannot run until ${until} ms: the clock is already at ${state.now} ms.`,
      });
    }
    const limit = options.maxEvents ?? Infinity;
    let dispatched = 0;
    for (
      let next = state.queue.peekTime();
      next !== undefined && next <= until;
      next = state.queue.peekTime()
    ) {
      if (dispatched >= limit) {
        throw new SimException({
          code: 'EventLimitExceeded',
          message: `Stopped after ${dispatched.toLocaleString('en-US')} events at ${state.now} ms, before reaching ${until} ms: a run may dispatch at most ${limit.toLocaleString('en-US')} events, a fixed limit that keeps a run to minutes. Shorten the run or lower the event rates.`,
        });
      }
      step(state);
      dispatched++;
    }
    state.now = until;
    return dispatched;
  };

  return { step, run };
}
