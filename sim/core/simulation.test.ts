import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  createState,
  recordMetric,
  schedule,
  scheduleAfter,
  type SimState,
  type SimulationModule,
} from './simulation.ts';
import { millis } from './units.ts';

type PingEvent =
  { readonly type: 'ping'; readonly n: number } | { readonly type: 'pong'; readonly n: number };
type LogEvent = { readonly type: 'log'; readonly text: string };
interface Services {
  pings: { log: string[] };
  logger: { lines: string[] };
}
type Event = PingEvent | LogEvent;

const pingModule: SimulationModule<PingEvent | LogEvent, Pick<Services, 'pings'>> = {
  name: 'pings',
  handlers: {
    ping: (state, event) => {
      state.services.pings.log.push(`ping ${event.n} at ${state.now}`);
      scheduleAfter(state, millis(5), { type: 'pong', n: event.n });
    },
    pong: (state, event) => {
      state.services.pings.log.push(`pong ${event.n} at ${state.now}`);
      recordMetric(state, { namespace: 'Test', metricName: 'Pongs' }, 1);
      scheduleAfter(state, millis(0), { type: 'log', text: `pong ${event.n}` });
    },
  },
};

const loggerModule: SimulationModule<LogEvent, Pick<Services, 'logger'>> = {
  name: 'logger',
  handlers: {
    log: (state, event) => {
      state.services.logger.lines.push(`${state.now}: ${event.text}`);
    },
  },
};

function newState(): SimState<Event, Services> {
  return createState<Event, Services>({ seed: 1, services: { pings: { log: [] }, logger: { lines: [] } } });
}

describe('simulation', () => {
  const simulation = createSimulation<Event, Services>([pingModule, loggerModule]);

  it('steps one event at a time, advancing the clock and dispatching to the owning module', () => {
    const state = newState();
    schedule(state, millis(10), { type: 'ping', n: 1 });
    expect(simulation.step(state)).toBe(true);
    expect(state.now).toBe(10);
    expect(state.services.pings.log).toEqual(['ping 1 at 10']);
    expect(state.queue.size).toBe(1);
    expect(simulation.step(state)).toBe(true);
    expect(simulation.step(state)).toBe(true);
    expect(state.services.logger.lines).toEqual(['15: pong 1']);
    expect(simulation.step(state)).toBe(false);
    expect(state.eventsProcessed).toBe(3);
  });

  it('runs every event due up to the limit and leaves the clock there', () => {
    const state = newState();
    schedule(state, millis(0), { type: 'ping', n: 1 });
    schedule(state, millis(100), { type: 'ping', n: 2 });
    expect(simulation.run(state, millis(50))).toBe(3);
    expect(state.now).toBe(50);
    expect(state.queue.size).toBe(1);
    expect(simulation.run(state, millis(105))).toBe(3);
    expect(state.services.logger.lines).toEqual(['5: pong 1', '105: pong 2']);
    expect(state.metrics.get({ namespace: 'Test', metricName: 'Pongs' })?.series.lifetime().sum).toBe(2);
  });

  it('dispatches events at the same instant in the order they were scheduled', () => {
    const state = newState();
    for (let n = 0; n < 5; n++) schedule(state, millis(7), { type: 'log', text: `#${n}` });
    simulation.run(state, millis(7));
    expect(state.services.logger.lines).toEqual(['7: #0', '7: #1', '7: #2', '7: #3', '7: #4']);
  });

  it('refuses to schedule in the past or run backwards', () => {
    const state = newState();
    simulation.run(state, millis(20));
    expect(() => schedule(state, millis(19), { type: 'log', text: 'late' })).toThrow(/already at 20 ms/);
    expect(() => simulation.run(state, millis(10))).toThrow(/already at 20 ms/);
  });

  it('names an event type nobody handles', () => {
    const onlyPings = createSimulation<Event, Services>([pingModule]);
    const state = newState();
    schedule(state, millis(0), { type: 'log', text: 'x' });
    expect(() => onlyPings.step(state)).toThrow(/No module handles 'log' events/);
  });

  it('refuses two modules handling the same event type', () => {
    expect(() =>
      createSimulation<Event, Services>([loggerModule, { ...loggerModule, name: 'copy' }]),
    ).toThrow(/Both 'logger' and 'copy' handle 'log'/);
  });

  it('stops a run that exceeds its event limit', () => {
    const looping = createSimulation<LogEvent, Services>([
      {
        name: 'loop',
        handlers: { log: (state) => scheduleAfter(state, millis(0), { type: 'log', text: 'again' }) },
      },
    ]);
    const state = createState<LogEvent, Services>({ seed: 1, services: newState().services });
    schedule(state, millis(0), { type: 'log', text: 'start' });
    expect(() => looping.run(state, millis(1), { maxEvents: 1000 })).toThrow(/Stopped after 1,000 events/);
    // The limit is fixed: the message must not send the learner looking for a setting that does not exist.
    expect(() => looping.run(state, millis(1), { maxEvents: 1000 })).toThrow(
      /at most 1,000 events, a fixed limit .* Shorten the run or lower the event rates\.$/,
    );
    expect(() => looping.run(state, millis(1), { maxEvents: 1000 })).not.toThrow(/raise the limit/);
  });
});
