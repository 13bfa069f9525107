import { fail, ok, type Result } from '../core/errors.ts';
import { digestOf } from '../core/digest.ts';
import type { MetricSeries } from '../core/metrics.ts';
import { createSimulation, type SimEvent, type SimState } from '../core/simulation.ts';
import { snapshot } from '../core/snapshot.ts';
import { millis } from '../core/units.ts';
import type { AnyScenarioComponent, JsonValue } from '../scenario/component.ts';
import { scenarioComponents } from '../scenario/components.ts';
import {
  MAX_EVENTS_PER_RUN,
  startScenario,
  type MetricSummary,
  type ScenarioReport,
} from '../scenario/run-scenario.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { SchemaIssue } from '../scenario/schema.ts';
import { applyAndLog } from './actions-component.ts';
import { streamingActionSchema, type StreamingAction } from './scenario-schema.ts';

/** A streaming run that moves when asked: what the console's worker and the labs drive. */
export interface StreamingSession {
  /** The live simulation: `state.services.kinesis`, `.firehose`, `.s3`, `.producers`, `.consumers`… */
  readonly state: SimState<SimEvent, Record<string, unknown>>;
  /** Runs every event due up to `ms` (at most the scenario's end), then leaves the clock there. */
  advanceTo(ms: number): void;
  /**
   * Applies an action now (an `actions[]` entry without `atSeconds`), logged in `services.actions` like a
   * timed one. A malformed action is refused with its JSON path; an action AWS refuses (a shard that is
   * not open, a limit) is refused with AWS's error code and message.
   */
  apply(action: StreamingAction): Result<void>;
  /** The report as `runScenario` writes it, for the run so far. */
  report(): ScenarioReport;
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

/**
 * Opens a validated scenario as a steppable run: the same components, events and report as
 * `runScenario`, so advancing to the end gives a byte-identical report.
 */
export function openStreamingSession(
  scenario: Scenario,
  components: readonly AnyScenarioComponent[] = scenarioComponents,
): StreamingSession {
  const state = startScenario(scenario, components);
  const simulation = createSimulation(components.map((c) => c.module));
  const endMs = scenario.durationSeconds * 1000;
  return {
    state,
    advanceTo(ms) {
      const until = Math.min(ms, endMs);
      if (until > state.now) simulation.run(state, millis(until), { maxEvents: MAX_EVENTS_PER_RUN });
    },
    apply(action) {
      const issues: SchemaIssue[] = [];
      const checked = streamingActionSchema.check(action, '$', issues);
      if (checked === undefined) {
        const first = issues[0]!;
        return fail({ code: 'InvalidAction', message: first.message, path: first.path });
      }
      const outcome = applyAndLog(state, checked);
      if (outcome.error !== null) return fail({ code: outcome.error.code, message: outcome.error.message });
      return ok(undefined);
    },
    report() {
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
        digest: digestOf(snapshot(state)),
      };
    },
  };
}
