import { digestOfState } from '../core/index.ts';
import type { MetricSeries } from '../core/index.ts';
import { createSimulation, createState, type SimEvent, type SimState } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { checkComponentOrder, type AnyScenarioComponent, type JsonValue } from './component.ts';
import type { Scenario } from './scenario.ts';

/** Most datapoints a metric keeps (a day at 1-second resolution); lifetime statistics stay exact beyond. */
export const MAX_METRIC_DATAPOINTS = 86_400;
/** Most events one scenario run may dispatch before it is stopped. */
export const MAX_EVENTS_PER_RUN = 50_000_000;

/** A metric's summary in the report, with CloudWatch's statistic names. */
export interface MetricSummary {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: { readonly [name: string]: string };
  readonly unit: string;
  readonly periodSeconds: number;
  /** Periods with at least one sample still held in the ring buffer. */
  readonly datapoints: number;
  readonly statistics: {
    readonly SampleCount: number;
    readonly Sum: number;
    readonly Minimum: number;
    readonly Maximum: number;
    readonly Average: number;
  };
  /** The period with the largest Sum among those held, or null when there is none. */
  readonly busiestPeriod: { readonly startMillis: number; readonly Sum: number } | null;
}

/** What running a scenario produced; the same scenario and seed always give the same report. */
export interface ScenarioReport {
  readonly format: 'bdlab-scenario-report';
  readonly version: 1;
  readonly seed: number;
  readonly durationSeconds: number;
  readonly metricResolutionSeconds: number;
  readonly eventsProcessed: number;
  /** Events scheduled after the end of the run, left in the queue. */
  readonly pendingEvents: number;
  readonly finalClockMillis: number;
  /** Each component's section, under its scenario field. */
  readonly services: { readonly [field: string]: JsonValue };
  readonly metrics: readonly MetricSummary[];
  /** Fingerprint of the whole final simulation state (see `digestOf`). */
  readonly digest: string;
}

function summarise(entry: MetricSeries): MetricSummary {
  const lifetime = entry.series.lifetime();
  const points = entry.series.datapoints();
  let busiest: MetricSummary['busiestPeriod'] = null;
  for (const point of points) {
    if (busiest === null || point.sum > busiest.Sum)
      busiest = { startMillis: point.timestamp, Sum: point.sum };
  }
  return {
    namespace: entry.id.namespace,
    metricName: entry.id.metricName,
    dimensions: { ...entry.id.dimensions },
    unit: entry.unit,
    periodSeconds: entry.series.periodMillis / 1000,
    datapoints: points.length,
    statistics: {
      SampleCount: lifetime.sampleCount,
      Sum: lifetime.sum,
      Minimum: lifetime.minimum,
      Maximum: lifetime.maximum,
      Average: lifetime.sampleCount === 0 ? 0 : lifetime.sum / lifetime.sampleCount,
    },
    busiestPeriod: busiest,
  };
}

/** The simulation state of a scenario before its first event, with every component started. */
export function startScenario(
  scenario: Scenario,
  components: readonly AnyScenarioComponent[],
): SimState<SimEvent, Record<string, unknown>> {
  checkComponentOrder(components);
  const services: Record<string, unknown> = {};
  for (const component of components) {
    services[component.field] = component.initialState(scenario[component.field], scenario);
  }
  const periods = Math.ceil(scenario.durationSeconds / scenario.metricResolutionSeconds) + 1;
  const state = createState<SimEvent, Record<string, unknown>>({
    seed: scenario.seed,
    services,
    metrics: {
      periodMillis: scenario.metricResolutionSeconds * 1000,
      capacity: Math.min(periods, MAX_METRIC_DATAPOINTS),
    },
  });
  for (const component of components) component.start(state, scenario[component.field], scenario);
  return state;
}

/**
 * The report of a scenario whose state has run as far as it will: each component's section, the metrics'
 * summaries and the digest of the whole state. `runScenario` and steppable sessions both report through it.
 */
export function reportScenario(
  scenario: Scenario,
  state: SimState<SimEvent, Record<string, unknown>>,
  components: readonly AnyScenarioComponent[],
): ScenarioReport {
  const sections: Record<string, JsonValue> = {};
  for (const component of components) {
    sections[component.field] = component.report(state, scenario[component.field], scenario);
  }
  return {
    format: 'bdlab-scenario-report',
    version: 1,
    seed: scenario.seed,
    durationSeconds: scenario.durationSeconds,
    metricResolutionSeconds: scenario.metricResolutionSeconds,
    eventsProcessed: state.eventsProcessed,
    pendingEvents: state.queue.size,
    finalClockMillis: state.now,
    services: sections,
    metrics: state.metrics.list().map(summarise),
    digest: digestOfState(state),
  };
}

/**
 * Runs a validated scenario from time 0 to its duration and reports what happened. Deterministic: the
 * same scenario gives a byte-identical `JSON.stringify` of the report.
 */
export function runScenario(scenario: Scenario, components: readonly AnyScenarioComponent[]): ScenarioReport {
  const state = startScenario(scenario, components);
  const simulation = createSimulation(components.map((c) => c.module));
  simulation.run(state, millis(scenario.durationSeconds * 1000), { maxEvents: MAX_EVENTS_PER_RUN });
  return reportScenario(scenario, state, components);
}
