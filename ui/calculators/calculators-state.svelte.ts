import type { PriceBook } from '../../sim/pricing/index.ts';
import { CalculatorModel, paramName } from './calculator-model.svelte';
import type { CalculatorDefinition } from './definition';

/**
 * Every calculator's form for the whole session, so leaving the page and coming back keeps what the
 * learner typed. The URL mirrors it (`calc` plus each changed field), and a link applies what it names.
 */
export class CalculatorsState {
  readonly models: readonly CalculatorModel[];
  selectedId: string = $state('');

  constructor(definitions: readonly CalculatorDefinition[], book: () => PriceBook) {
    this.models = definitions.map((definition) => new CalculatorModel(definition, {}, book));
    this.selectedId = definitions[0]?.id ?? '';
  }

  get selected(): CalculatorModel | undefined {
    return this.models.find((model) => model.definition.id === this.selectedId);
  }

  /** Applies the calculator and the fields a link names; fields it does not name keep their text. */
  applyParams(params: Readonly<Record<string, string>>): void {
    const calc = params.calc;
    if (calc !== undefined && this.models.some((model) => model.definition.id === calc))
      this.selectedId = calc;
    for (const model of this.models) {
      for (const spec of model.definition.inputs) {
        const value = params[paramName(model.definition.id, spec.key)];
        if (value !== undefined && model.raw[spec.key] !== value) model.set(spec.key, value);
      }
    }
  }

  /** The URL parameters for the current state, with `calc` naming a calculator other than the selected one. */
  params(calc: string = this.selectedId): Record<string, string> {
    return Object.assign({ calc }, ...this.models.map((model) => model.params()));
  }
}
