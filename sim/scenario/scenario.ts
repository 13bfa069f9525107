import type { SimError } from '../core/index.ts';
import { MAX_SEED, seconds } from '../core/index.ts';
import type { AnyScenarioComponent, CoreScenario } from './component.ts';
import { parseJsonText } from '../core/index.ts';
import { integer, number, object, optional, type Fields, type SchemaIssue } from './schema.ts';

/** Longest run a scenario may ask for: one week of simulated time. */
export const MAX_DURATION_SECONDS = 7 * 24 * 3600;

/** Most problems one validation lists; the rest are counted (a file can hold a million bad items). */
export const MAX_REPORTED_ISSUES = 20;

/** The fields every scenario has; services add theirs through components. */
export const coreScenarioFields = {
  seed: integer({ min: 0, max: MAX_SEED }),
  durationSeconds: number({ above: 0, max: MAX_DURATION_SECONDS, unit: seconds }),
  metricResolutionSeconds: optional(integer({ min: 1, max: 3600, unit: seconds }), seconds(1)),
} satisfies Fields;

/** A validated scenario: the core fields and each component's field, by name. */
export type Scenario = CoreScenario & { readonly [field: string]: unknown };

/** A scenario file problem as a `SimError` with code `InvalidScenario` and the JSON path. */
export function scenarioError(issue: SchemaIssue): SimError {
  return { code: 'InvalidScenario', path: issue.path, message: issue.message };
}

/** Parses scenario JSON text (see `parseJsonText`: a byte-order mark is skipped, nesting is bounded). */
export function parseScenarioText(
  text: string,
  components: readonly AnyScenarioComponent[],
): { ok: true; value: Scenario } | { ok: false; errors: SimError[] } {
  const parsed = parseJsonText(text);
  if (!parsed.ok)
    return { ok: false, errors: [{ code: 'InvalidScenario', path: '$', message: parsed.message }] };
  const value = parsed.value;
  return validateScenario(value, components);
}

/**
 * Validates a parsed scenario: unknown fields, wrong types, values out of range and cross-field limits,
 * every problem with its JSON path, the value found and what is allowed. Defaults are filled in.
 */
export function validateScenario(
  value: unknown,
  components: readonly AnyScenarioComponent[],
): { ok: true; value: Scenario } | { ok: false; errors: SimError[] } {
  const fields: Record<string, Fields[string]> = { ...coreScenarioFields };
  for (const component of components) fields[component.field] = component.schema;
  const issues: SchemaIssue[] = [];
  const scenario = object(fields).check(value, '$', issues) as Scenario | undefined;
  if (scenario) {
    for (const component of components) {
      issues.push(...(component.checkScenario?.(scenario[component.field], scenario) ?? []));
    }
  }
  if (issues.length > 0 || !scenario) {
    const errors = issues.slice(0, MAX_REPORTED_ISSUES).map(scenarioError);
    if (issues.length > MAX_REPORTED_ISSUES) {
      const more = issues.length - MAX_REPORTED_ISSUES;
      errors.push({
        code: 'InvalidScenario',
        path: '$',
        message: `and ${more.toLocaleString('en-US')} more problems like these.`,
      });
    }
    return { ok: false, errors };
  }
  return { ok: true, value: scenario };
}
