import { runScenario, validateScenario } from '../../sim/run/index.ts';
import { formatNumber, timeMillis, type BenchRow, type BenchSuite } from './bench.ts';

/** A busy core scenario: three Poisson sources and a constant one, about 2 million events in all. */
const busy = {
  seed: 2016,
  durationSeconds: 20,
  arrivals: [
    { name: 'clicks', process: 'poisson', ratePerSecond: 60_000 },
    { name: 'searches', process: 'poisson', ratePerSecond: 25_000 },
    { name: 'purchases', process: 'poisson', ratePerSecond: 5_000 },
    { name: 'heartbeat', process: 'constant', ratePerSecond: 10_000 },
  ],
};

/** End-to-end scenario speed: validation, event loop, generator, metrics, report and digest. */
export const scenarioSuite: BenchSuite = {
  name: 'Scenario',
  run(): BenchRow[] {
    const parsed = validateScenario(busy);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    let events = 0;
    const ms = timeMillis(() => {
      events = runScenario(parsed.value).eventsProcessed;
    });
    return [
      {
        measure: `runScenario, 4 arrival sources, ${formatNumber(events)} events`,
        value: formatNumber(events / (ms / 1000)),
        unit: 'events/s',
      },
      { measure: 'runScenario wall time for that run', value: formatNumber(ms, 0), unit: 'ms' },
    ];
  },
};
