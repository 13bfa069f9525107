import { SimException } from '../core/index.ts';
import type { Seconds, SimContext, SimEvent, SimulationModule } from '../core/index.ts';
import type { Schema, SchemaIssue } from './schema.ts';

/** The fields every scenario has, whatever services it uses. */
export interface CoreScenario {
  /** Seed of the random generator: the same seed replays the same run. */
  readonly seed: number;
  /** Simulated time to run, in seconds. */
  readonly durationSeconds: Seconds;
  /** Metric aggregation period, in seconds (like a CloudWatch period). */
  readonly metricResolutionSeconds: Seconds;
}

/** Plain JSON data, the only thing a report may hold. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * `T` if it is plain JSON data as TypeScript sees it, field by field: interfaces and optional fields are
 * allowed (an absent field is left out of the JSON), functions, byte arrays, `bigint` and `undefined` values
 * are not. `toJsonValue` uses it to prove a report section is JSON without a cast at the call site.
 */
export type Jsonable<T> = T extends string | number | boolean | null
  ? T
  : T extends readonly (infer Item)[]
    ? readonly Jsonable<Item>[]
    : T extends ((...args: never[]) => unknown) | Uint8Array | bigint | symbol | undefined
      ? never
      : T extends object
        ? { readonly [K in keyof T]: undefined extends T[K] ? Jsonable<T[K]> | undefined : Jsonable<T[K]> }
        : never;

/**
 * A typed value as the report's `JsonValue`, checked by `Jsonable` (an interface has no index signature, so
 * TypeScript will not widen it to `JsonValue` by itself). The one place report data is widened.
 */
export function toJsonValue<T>(value: T & Jsonable<T>): JsonValue {
  return value as JsonValue;
}

/** A component's own service, under its scenario field. */
export type OwnService<Field extends string, Service> = { readonly [F in Field]: Service };

/**
 * One service's part of the scenario format: the top-level field it reads (`arrivals`, `streams`, …), how
 * that field is validated, the simulation module that handles its events, how it starts, and its section of
 * the report. A later service adds itself to the format by adding its component to the list in the
 * composition root (sim/run).
 *
 * `Field` is the field name, which is also the service's key in the simulation's `services`. `Needs` are
 * the other components' services it reads or writes (`{ s3: S3State }`), declared by name in `needs`: its
 * module, `start` and `report` see exactly its own service and those, typed, and the runner refuses a list
 * where a needed service is missing or comes after the component.
 */
export interface ScenarioComponent<
  Field extends string,
  Config,
  Service,
  E extends SimEvent,
  Needs extends object = Record<never, never>,
> {
  readonly field: Field;
  /** Fields of the components this one needs (each must come earlier in the list). */
  readonly needs?: readonly (keyof Needs & string)[];
  /** Schema of the field; make it `optional` unless every scenario must have it. */
  readonly schema: Schema<Config>;
  /** Cross-field checks once the whole scenario is well-formed (limits that depend on the duration…). */
  checkScenario?(config: Config, scenario: CoreScenario): SchemaIssue[];
  /** The service's initial state: plain JSON data. */
  initialState(config: Config, scenario: CoreScenario): Service;
  readonly module: SimulationModule<E, OwnService<Field, Service> & Needs>;
  /** Schedules the first events. */
  start(
    state: SimContext<E, OwnService<Field, Service> & Needs>,
    config: Config,
    scenario: CoreScenario,
  ): void;
  /** The component's section of the report, stored under `field`. */
  report(
    state: SimContext<E, OwnService<Field, Service> & Needs>,
    config: Config,
    scenario: CoreScenario,
  ): JsonValue;
}

/**
 * A component with its types erased, so components for different services can sit in one list. The
 * runner only ever passes a component the config its own schema produced and the state its own
 * `initialState` made, and starts it only after the components it needs (`checkComponentOrder`), which is
 * what makes the erasure safe.
 */
export interface AnyScenarioComponent {
  readonly field: string;
  /** Fields of the components this one needs; empty when it reads only its own. */
  readonly needs: readonly string[];
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

/**
 * The one place component types are erased (see `AnyScenarioComponent` for why it is safe): a typed
 * component's handlers accept any context whose services include theirs, which TypeScript cannot see
 * through the erased list's `Record<string, unknown>`.
 */
function erase(component: object, needs: readonly string[]): AnyScenarioComponent {
  return { ...(component as AnyScenarioComponent), needs };
}

/** Checks a component that reads only its own service where it is written, and erases it for the list. */
export function defineComponent<Field extends string, Config, Service, E extends SimEvent>(
  component: ScenarioComponent<Field, Config, Service, E>,
): AnyScenarioComponent {
  return erase(component, []);
}

/**
 * A component that needs other components' services, typed from a family's directory of services:
 * `needing<StreamingServices>()('era', 's3').defineComponent<'firehose', …>({ … })`. The names given are
 * both the runtime `needs` and the exact services the component's handlers may use.
 */
export function needing<Directory extends object>() {
  return <const N extends keyof Directory & string>(...needs: N[]) => ({
    defineComponent<Field extends string, Config, Service, E extends SimEvent>(
      component: Omit<ScenarioComponent<Field, Config, Service, E, Pick<Directory, N>>, 'needs'>,
    ): AnyScenarioComponent {
      return erase(component, needs);
    },
  });
}

/**
 * Throws `ComponentOrder` unless every component's field is unique and every service a component needs
 * is owned by a component listed before it (services start, and are read, in list order).
 */
export function checkComponentOrder(components: readonly AnyScenarioComponent[]): void {
  const before = new Set<string>();
  for (const component of components) {
    if (before.has(component.field)) {
      throw new SimException({
        code: 'ComponentOrder',
        message: `Two components own the "${component.field}" field: each field needs exactly one component.`,
      });
    }
    for (const need of component.needs) {
      if (before.has(need)) continue;
      const later = components.some((c) => c.field === need);
      throw new SimException({
        code: 'ComponentOrder',
        message: later
          ? `The ${component.field} component needs services.${need}, which starts after it: list the ${need} component before the ${component.field} component.`
          : `The ${component.field} component needs services.${need}, but no component owns "${need}": add the ${need} component before the ${component.field} component.`,
      });
    }
    before.add(component.field);
  }
}

/** A list of components, checked as `checkComponentOrder` does: what the composition root builds the format from. */
export function componentList(...components: AnyScenarioComponent[]): readonly AnyScenarioComponent[] {
  checkComponentOrder(components);
  return components;
}
