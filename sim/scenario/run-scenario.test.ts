import { scenarioComponents } from '../run/index.ts';
import { describe, expect, it } from 'vitest';
import { createSimulation, schedule, scheduleAfter } from '../core/index.ts';
import { restore, snapshot } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { defineComponent } from './component.ts';
import { runScenario, startScenario } from './run-scenario.ts';
import { validateScenario, type Scenario } from './scenario.ts';
import { integer, object, optional } from './schema.ts';

function scenario(value: unknown): Scenario {
  const result = validateScenario(value, scenarioComponents);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.value;
}

const clicks = {
  seed: 1,
  durationSeconds: 60,
  arrivals: [
    { name: 'clicks', process: 'poisson', ratePerSecond: 50 },
    { name: 'heartbeat', process: 'constant', ratePerSecond: 2 },
  ],
};

describe('runScenario', () => {
  it('gives a byte-identical JSON report for the same scenario and seed', () => {
    const first = JSON.stringify(runScenario(scenario(clicks), scenarioComponents));
    const second = JSON.stringify(runScenario(scenario(structuredClone(clicks)), scenarioComponents));
    expect(second).toBe(first);
  });

  it('gives a different report for another seed', () => {
    const one = runScenario(scenario(clicks), scenarioComponents);
    const two = runScenario(scenario({ ...clicks, seed: 2 }), scenarioComponents);
    expect(two.digest).not.toBe(one.digest);
    expect(JSON.stringify(two)).not.toBe(JSON.stringify(one));
  });

  it('counts constant arrivals exactly and Poisson arrivals near their expectation', () => {
    const report = runScenario(scenario(clicks), scenarioComponents);
    const sources = (
      report.services.arrivals as { sources: { name: string; events: number; expectedEvents: number }[] }
    ).sources;
    const [poisson, constant] = sources;
    expect(constant).toMatchObject({ name: 'heartbeat', events: 120, expectedEvents: 120 });
    expect(poisson?.expectedEvents).toBe(3000);
    // 3,000 expected, standard deviation about 55: four deviations either side.
    expect(poisson?.events).toBeGreaterThan(2780);
    expect(poisson?.events).toBeLessThan(3220);
    expect(report.eventsProcessed).toBe(poisson!.events + 120);
  });

  it('reports the clock, the pending events and CloudWatch-style metric summaries', () => {
    const report = runScenario(scenario(clicks), scenarioComponents);
    expect(report.finalClockMillis).toBe(60_000);
    expect(report.pendingEvents).toBe(2);
    const heartbeat = report.metrics.find((m) => m.dimensions.Source === 'heartbeat');
    expect(heartbeat).toMatchObject({
      namespace: 'BDLab/Arrivals',
      metricName: 'Events',
      unit: 'Count',
      periodSeconds: 1,
      statistics: { SampleCount: 120, Sum: 120, Minimum: 1, Maximum: 1, Average: 1 },
    });
    // Events at 0.5 s, 1 s, 1.5 s, …, 60 s: the first period holds one (0.5 s), the next 59 hold two,
    // and the period starting at 60 s holds the last one.
    expect(heartbeat?.datapoints).toBe(61);
    expect(heartbeat?.busiestPeriod).toEqual({ startMillis: 1000, Sum: 2 });
  });

  it('honours the metric resolution', () => {
    const report = runScenario(scenario({ ...clicks, metricResolutionSeconds: 10 }), scenarioComponents);
    const heartbeat = report.metrics.find((m) => m.dimensions.Source === 'heartbeat');
    expect(heartbeat?.periodSeconds).toBe(10);
    expect(heartbeat?.busiestPeriod?.Sum).toBe(20);
  });

  it('runs a scenario with no arrivals to its end', () => {
    const report = runScenario(scenario({ seed: 5, durationSeconds: 2.5 }), scenarioComponents);
    expect(report).toMatchObject({
      eventsProcessed: 0,
      pendingEvents: 0,
      finalClockMillis: 2500,
      metrics: [],
    });
  });
});

describe('scenario components', () => {
  type Tick = { readonly type: 'tick' };
  const ticker = defineComponent<'ticker', { everySeconds: number }, { ticks: number }, Tick>({
    field: 'ticker',
    schema: optional(object({ everySeconds: integer({ min: 1 }) }), { everySeconds: 10 }),
    initialState: () => ({ ticks: 0 }),
    module: {
      name: 'ticker',
      handlers: {
        tick(state) {
          state.services.ticker.ticks++;
          scheduleAfter(state, millis(1000), { type: 'tick' });
        },
      },
    },
    start: (state, config) => schedule(state, millis(config.everySeconds * 1000), { type: 'tick' }),
    report: (state) => ({ ticks: state.services.ticker.ticks }),
  });
  const components = [...scenarioComponents, ticker];

  it('lets a service add its own field, events and report section', () => {
    const result = validateScenario(
      { seed: 1, durationSeconds: 20, ticker: { everySeconds: 15 } },
      components,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = runScenario(result.value, components);
    expect(report.services.ticker).toEqual({ ticks: 6 });
    expect(report.services.arrivals).toEqual({ sources: [] });
  });

  it('validates the added field with paths like the core ones', () => {
    const result = validateScenario({ seed: 1, durationSeconds: 20, ticker: { everySecond: 1 } }, components);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path)).toEqual(['$.ticker.everySecond', '$.ticker.everySeconds']);
  });

  it('forks a running scenario: a restored state finishes exactly like the original', () => {
    const parsed = scenario(clicks);
    const simulation = createSimulation(scenarioComponents.map((c) => c.module));
    const original = startScenario(parsed, scenarioComponents);
    simulation.run(original, millis(30_000));
    const fork = restore(JSON.parse(JSON.stringify(snapshot(original))) as ReturnType<typeof snapshot>);
    simulation.run(original, millis(60_000));
    simulation.run(fork as typeof original, millis(60_000));
    expect(snapshot(fork)).toEqual(snapshot(original));
  });
});
