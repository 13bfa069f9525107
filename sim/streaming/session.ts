import { fail, ok, SimException, type Result } from '../core/index.ts';
import { createSimulation, type SimEvent, type SimState } from '../core/index.ts';
import { millis } from '../core/index.ts';
import type { AnyScenarioComponent } from '../scenario/index.ts';
import { MAX_EVENTS_PER_RUN, reportScenario, startScenario, type ScenarioReport } from '../scenario/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { SchemaIssue } from '../scenario/index.ts';
import { applyAndLog } from './actions-component.ts';
import { streamingActionSchema, type SessionAction } from './scenario-schema.ts';
import { hasStreamingServices, type StreamingServices } from './services.ts';

/** A streaming run that moves when asked: what the console's worker and the labs drive. */
export interface StreamingSession {
  /** The live simulation: `state.services.kinesis`, `.firehose`, `.s3`, `.producers`, `.consumers`… */
  readonly state: SimState<SimEvent, StreamingServices & Record<string, unknown>>;
  /** Runs every event due up to `ms` (at most the scenario's end), then leaves the clock there. */
  advanceTo(ms: number): void;
  /**
   * Applies an action now (an `actions[]` entry without `atSeconds`), logged in `services.actions` like a
   * timed one. A malformed action is refused with its JSON path; an action AWS refuses (a shard that is
   * not open, a limit) is refused with AWS's error code and message.
   */
  apply(action: SessionAction): Result<void>;
  /** The report as `runScenario` writes it, for the run so far. */
  report(): ScenarioReport;
}

/**
 * Opens a validated scenario as a steppable run: the same components, events and report as
 * `runScenario`, so advancing to the end gives a byte-identical report.
 */
export function openStreamingSession(
  scenario: Scenario,
  components: readonly AnyScenarioComponent[],
): StreamingSession {
  const state = startScenario(scenario, components);
  if (!hasStreamingServices(state)) {
    throw new SimException({
      code: 'ComponentOrder',
      message: 'A streaming session needs every streaming component in its list (see sim/run).',
    });
  }
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
    report: () => reportScenario(scenario, state, components),
  };
}
