import type { SimContext, SimEvent, SimulationModule } from '../core/simulation.ts';
import type { Schema, SchemaIssue } from './schema.ts';

/** The fields every scenario has, whatever services it uses. */
export interface CoreScenario {
  /** Seed of the random generator: the same seed replays the same run. */
  readonly seed: number;
  /** Simulated time to run, in seconds. */
  readonly durationSeconds: number;
  /** Metric aggregation period, in seconds (like a CloudWatch period). */
  readonly metricResolutionSeconds: number;
}

/** Plain JSON data, the only thing a report may hold. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One service's part of the scenario format: the top-level field it reads (`arrivals`, `streams`, …), how
 * that field is validated, the simulation module that handles its events, how it starts, and its section of
 * the report. A later service adds itself to the format by adding its component to the list in the composition root (sim/run).
 *
 * `Field` is the field name, which is also the service's key in the simulation's `services`.
 */
export interface ScenarioComponent<Field extends string, Config, Service, E extends SimEvent> {
  readonly field: Field;
  /** Schema of the field; make it `optional` unless every scenario must have it. */
  readonly schema: Schema<Config>;
  /** Cross-field checks once the whole scenario is well-formed (limits that depend on the duration…). */
  checkScenario?(config: Config, scenario: CoreScenario): SchemaIssue[];
  /** The service's initial state: plain JSON data. */
  initialState(config: Config, scenario: CoreScenario): Service;
  readonly module: SimulationModule<E, { readonly [F in Field]: Service }>;
  /** Schedules the first events. */
  start(
    state: SimContext<E, { readonly [F in Field]: Service }>,
    config: Config,
    scenario: CoreScenario,
  ): void;
  /** The component's section of the report, stored under `field`. */
  report(
    state: SimContext<E, { readonly [F in Field]: Service }>,
    config: Config,
    scenario: CoreScenario,
  ): JsonValue;
}

/**
 * A component with its types erased, so components for different services can sit in one list. The
 * runner only ever passes a component the config its own schema produced and the state its own
 * `initialState` made, which is what makes the erasure safe.
 */
export interface AnyScenarioComponent {
  readonly field: string;
  readonly schema: Schema<unknown>;
  checkScenario?(config: unknown, scenario: CoreScenario): SchemaIssue[];
  initialState(config: unknown, scenario: CoreScenario): unknown;
  readonly module: SimulationModule<SimEvent, Record<string, unknown>>;
  start(state: SimContext<SimEvent, Record<string, unknown>>, config: unknown, scenario: CoreScenario): void;
  report(
    state: SimContext<SimEvent, Record<string, unknown>>,
    config: unknown,
    scenario: CoreScenario,
  ): JsonValue;
}

/** Checks a component's types where it is written and erases them for the list of components. */
export function defineComponent<Field extends string, Config, Service, E extends SimEvent>(
  component: ScenarioComponent<Field, Config, Service, E>,
): AnyScenarioComponent {
  return component as unknown as AnyScenarioComponent;
}
