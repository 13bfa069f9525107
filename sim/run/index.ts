/**
 * The composition root of the simulation: the one place that imports every service and registers it into
 * the frameworks (the scenario format's component list, the consumer types of `consumers[]`). The
 * frameworks (sim/scenario, sim/consumers) know no service; callers that want "the whole format" (the
 * CLI, the console's worker, the labs) come here, and each function below is the framework's function with
 * the full component list.
 */
import type { Result } from '../core/errors.ts';
import type { SimError } from '../core/errors.ts';
import type { Millis } from '../core/units.ts';
import { consumerViewsOf, type ConsumersState, type ConsumerView } from '../consumers/index.ts';
import * as runner from '../scenario/run-scenario.ts';
import * as format from '../scenario/scenario.ts';
import type { Scenario } from '../scenario/scenario.ts';
import * as streaming from '../streaming/index.ts';
import { consumerKinds, scenarioComponents } from './components.ts';

export { consumerKinds, consumersComponent, scenarioComponents, streamingComponents } from './components.ts';

/** Parses scenario JSON text against the whole format (see sim/scenario's `parseScenarioText`). */
export function parseScenarioText(
  text: string,
): { ok: true; value: Scenario } | { ok: false; errors: SimError[] } {
  return format.parseScenarioText(text, scenarioComponents);
}

/** Validates a parsed scenario against the whole format (see sim/scenario's `validateScenario`). */
export function validateScenario(
  value: unknown,
): { ok: true; value: Scenario } | { ok: false; errors: SimError[] } {
  return format.validateScenario(value, scenarioComponents);
}

/** Runs a validated scenario with every service (see sim/scenario's `runScenario`). */
export function runScenario(scenario: Scenario): runner.ScenarioReport {
  return runner.runScenario(scenario, scenarioComponents);
}

/** A validated scenario's state before its first event, with every service started. */
export function startScenario(scenario: Scenario): ReturnType<typeof runner.startScenario> {
  return runner.startScenario(scenario, scenarioComponents);
}

/** Opens a validated scenario as a steppable run with every service (see sim/streaming's session). */
export function openStreamingSession(scenario: Scenario): streaming.StreamingSession {
  return streaming.openStreamingSession(scenario, scenarioComponents);
}

/** Runs a validated record-level scenario with every service and samples one stream second by second. */
export function runSampled(scenario: Scenario, streamName: string): Result<streaming.SampledStreamRun> {
  return streaming.runSampled(scenario, streamName, scenarioComponents);
}

/** Validates a scenario against the whole format and runs it with `runSampled`. */
export function runScenarioSampled(file: unknown, streamName: string): Result<streaming.SampledStreamRun> {
  return streaming.runScenarioSampled(file, streamName, scenarioComponents);
}

/** The UI's view of every consumer of a running simulation (`session.state`), in scenario order. */
export function consumerViews(state: {
  readonly now: number | Millis;
  readonly services: { readonly consumers?: ConsumersState };
}): ConsumerView[] {
  return consumerViewsOf(consumerKinds, state);
}
