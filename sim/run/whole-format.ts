/** The framework functions of sim/scenario, sim/streaming and sim/consumers with every service registered. */
import type { Millis, Result, SimError } from '../core/index.ts';
import { consumerViewsOf, type ConsumersState, type ConsumerView } from '../consumers/index.ts';
import * as scenarioFormat from '../scenario/index.ts';
import type { Scenario } from '../scenario/index.ts';
import * as streaming from '../streaming/index.ts';
import { consumerKinds, scenarioComponents } from './components.ts';

/** Parses scenario JSON text against the whole format (see sim/scenario's `parseScenarioText`). */
export function parseScenarioText(
  text: string,
): { ok: true; value: Scenario } | { ok: false; errors: SimError[] } {
  return scenarioFormat.parseScenarioText(text, scenarioComponents);
}

/** Validates a parsed scenario against the whole format (see sim/scenario's `validateScenario`). */
export function validateScenario(
  value: unknown,
): { ok: true; value: Scenario } | { ok: false; errors: SimError[] } {
  return scenarioFormat.validateScenario(value, scenarioComponents);
}

/** Runs a validated scenario with every service (see sim/scenario's `runScenario`). */
export function runScenario(scenario: Scenario): scenarioFormat.ScenarioReport {
  return scenarioFormat.runScenario(scenario, scenarioComponents);
}

/** A validated scenario's state before its first event, with every service started. */
export function startScenario(scenario: Scenario): ReturnType<typeof scenarioFormat.startScenario> {
  return scenarioFormat.startScenario(scenario, scenarioComponents);
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
