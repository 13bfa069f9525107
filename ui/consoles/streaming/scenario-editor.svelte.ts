/**
 * The scenario picker's state: the chosen built-in scenario and the custom scenario's JSON text. It lives at
 * module level so the learner's text survives leaving the page and coming back; it is never replaced by a
 * failed run, only by the learner (typing, or copying a built-in scenario in).
 */
import { parseScenarioText } from '../../../sim/run/index.ts';
import type { SimError } from '../../../sim/core/index.ts';
import { BUILT_IN_SCENARIOS, findBuiltIn, type BuiltInScenario } from './scenarios.ts';

/** The picker's state. */
export class ScenarioEditor {
  builtInId: string = $state(BUILT_IN_SCENARIOS[1]!.id);
  text: string = $state(JSON.stringify(BUILT_IN_SCENARIOS[1]!.scenario, null, 2));
  /** Problems of the text as last checked (syntax with line and column, or fields with JSON paths). */
  errors: readonly SimError[] = $state.raw([]);

  get builtIn(): BuiltInScenario {
    return findBuiltIn(this.builtInId) ?? BUILT_IN_SCENARIOS[0]!;
  }

  /** Puts the chosen built-in scenario's JSON in the editor (the learner asked for it). */
  copyBuiltIn(): void {
    this.text = JSON.stringify(this.builtIn.scenario, null, 2);
    this.errors = [];
  }

  /** Checks the text: the parsed JSON when it is a valid scenario, otherwise undefined with `errors` set. */
  check(): unknown {
    const parsed = parseScenarioText(this.text);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      return undefined;
    }
    this.errors = [];
    return JSON.parse(this.text) as unknown;
  }
}

/** The one editor of the app (module state, so it outlives the page component). */
export const scenarioEditor = new ScenarioEditor();
