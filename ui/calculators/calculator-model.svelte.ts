import type { CalcError, Calculation, CalculationBase } from '../../sim/calc/index.ts';
import type { PriceBook } from '../../sim/pricing/index.ts';
import type { CalculatorDefinition, InputValues } from './definition';
import {
  defaultText,
  isShown,
  readChoice,
  readNumber,
  type FieldReading,
  type InputSpec,
} from './input-spec';

/** Where a calculator stands: computed, waiting for the learner to fix fields, or refused by the calculator. */
export type CalculatorState<R> =
  | { readonly kind: 'result'; readonly result: R }
  | { readonly kind: 'invalid-fields'; readonly fields: readonly string[] }
  | { readonly kind: 'calc-errors'; readonly errors: readonly CalcError[] };

/**
 * One calculator's form and result as rune state. Raw field text is kept exactly as typed; the result is
 * derived from it and the current price book, so it updates on every keystroke and on a price-book switch.
 */
export class CalculatorModel<R extends CalculationBase = CalculationBase> {
  readonly definition: CalculatorDefinition<R>;
  raw: Record<string, string> = $state({});
  readonly #book: () => PriceBook;

  constructor(
    definition: CalculatorDefinition<R>,
    params: Readonly<Record<string, string>>,
    book: () => PriceBook,
  ) {
    this.definition = definition;
    this.#book = book;
    const raw: Record<string, string> = {};
    for (const spec of definition.inputs)
      raw[spec.key] = params[paramName(definition.id, spec.key)] ?? defaultText(spec);
    this.raw = raw;
  }

  /** The fields on show: those without a condition, and those whose condition holds. */
  visibleInputs: readonly InputSpec[] = $derived.by(() =>
    this.definition.inputs.filter((spec) => isShown(spec, this.raw)),
  );

  /** Each shown field read and checked against its range; hidden fields read as undefined. */
  readings: Readonly<Record<string, FieldReading<number | string | undefined>>> = $derived.by(() => {
    const readings: Record<string, FieldReading<number | string | undefined>> = {};
    for (const spec of this.definition.inputs) {
      readings[spec.key] = isShown(spec, this.raw)
        ? read(spec, this.raw[spec.key] ?? '')
        : { ok: true, value: undefined };
    }
    return readings;
  });

  /** The calculator's answer for the current fields and price book. */
  calculation: Calculation<R> | undefined = $derived.by(() => {
    const values: Record<string, number | string | undefined> = {};
    for (const [key, reading] of Object.entries(this.readings)) {
      if (!reading.ok) return undefined;
      values[key] = reading.value;
    }
    return this.definition.calculate(values as InputValues, this.#book());
  });

  state: CalculatorState<R> = $derived.by(() => {
    if (this.calculation === undefined) {
      const fields = this.definition.inputs
        .filter((spec) => !this.readings[spec.key]?.ok)
        .map((spec) => spec.label);
      return { kind: 'invalid-fields', fields };
    }
    if (this.calculation.ok) return { kind: 'result', result: this.calculation.value };
    return { kind: 'calc-errors', errors: this.calculation.errors };
  });

  /** The message to show beside a field: the form's own check first, then the calculator's. */
  fieldError(key: string): string | undefined {
    const reading = this.readings[key];
    if (reading && !reading.ok) return reading.error;
    if (this.calculation && !this.calculation.ok) {
      const error = this.calculation.errors.find((candidate) => candidate.path === key);
      if (error) return error.allowed ? `${error.message} Allowed: ${error.allowed}.` : error.message;
    }
    return undefined;
  }

  /** Calculator errors that belong to no field (a price missing from the book, a limit exceeded). */
  generalErrors(): readonly CalcError[] {
    if (!this.calculation || this.calculation.ok) return [];
    const keys = this.definition.inputs.map((spec) => spec.key);
    return this.calculation.errors.filter((error) => !keys.includes(error.path));
  }

  set(key: string, value: string): void {
    this.raw[key] = value;
  }

  /** Puts every field back to its default. */
  reset(): void {
    for (const spec of this.definition.inputs) this.raw[spec.key] = defaultText(spec);
  }

  /** True when any field differs from its default (so "Reset" has something to do). */
  get changed(): boolean {
    return this.definition.inputs.some((spec) => (this.raw[spec.key] ?? '') !== defaultText(spec));
  }

  /** One sentence for screen readers after each change: the headline figures, or why there are none. */
  summary: string = $derived.by(() => {
    const state = this.state;
    if (state.kind === 'invalid-fields') return `Results wait for valid input: ${state.fields.join(', ')}.`;
    if (state.kind === 'calc-errors') return 'The calculator cannot answer with these inputs.';
    return this.definition
      .headline(state.result)
      .map((figure) => `${figure.label}: ${figure.value}`)
      .join('. ');
  });

  /** The fields that differ from their defaults, as URL parameters, so a link reproduces this calculator. */
  params(): Record<string, string> {
    const params: Record<string, string> = {};
    for (const spec of this.definition.inputs) {
      const raw = this.raw[spec.key] ?? '';
      if (raw !== defaultText(spec)) params[paramName(this.definition.id, spec.key)] = raw;
    }
    return params;
  }
}

/** The URL parameter for a calculator field: `kinesis.recordsPerSecond`. */
export function paramName(calculatorId: string, key: string): string {
  return `${calculatorId}.${key}`;
}

function read(spec: InputSpec, raw: string): FieldReading<number | string | undefined> {
  return spec.kind === 'number' ? readNumber(spec, raw) : readChoice(spec, raw);
}
