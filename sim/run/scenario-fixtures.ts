import { validateScenario } from './whole-format.ts';
import type { Scenario } from '../scenario/index.ts';

/** For tests: the scenario validated, or an error listing every problem with its path. */
export function validScenario(value: unknown): Scenario {
  const result = validateScenario(value);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.value;
}

/** For tests: each problem validation finds, as `path: message`; empty when the scenario is valid. */
export function scenarioErrors(value: unknown): string[] {
  const result = validateScenario(value);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}
