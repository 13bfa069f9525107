import type { Calculation, CalculationBase } from '../../sim/calc/index.ts';
import type { PriceBook } from '../../sim/pricing/index.ts';
import type { InputSpec } from './input-spec';

/** A key figure shown large at the top of a result, such as "Shards needed: 3". */
export interface HeadlineFigure {
  readonly label: string;
  readonly value: string;
  /** One short line under the value, such as "bound by write records per second". */
  readonly detail?: string;
}

/** The values of a calculator's inputs after reading: numbers for number fields, strings for choices. */
export type InputValues = Readonly<Record<string, number | string | undefined>>;

/**
 * How the calculators page presents one calculator from `sim/calc`: its inputs as form fields, how the
 * read values become the calculator's input, and which figures to put first. The arithmetic itself, the
 * worked steps and the notes all come from the calculator.
 */
export interface CalculatorDefinition<R extends CalculationBase = CalculationBase> {
  /** Short id, also the prefix of this calculator's parameters in the URL (`kinesis.recordsPerSecond`). */
  readonly id: string;
  readonly title: string;
  /** One sentence: the question this calculator answers. */
  readonly question: string;
  readonly inputs: readonly InputSpec[];
  calculate(values: InputValues, book: PriceBook): Calculation<R>;
  headline(result: R): readonly HeadlineFigure[];
}

/** Reads a number the form already validated; a missing one is a wiring mistake, so it throws. */
export function numberIn(values: InputValues, key: string): number {
  const value = values[key];
  if (typeof value !== 'number') throw new Error(`Calculator input "${key}" is not a number.`);
  return value;
}

/** Reads an optional number the form already validated: undefined when the learner left it empty. */
export function optionalNumberIn(values: InputValues, key: string): number | undefined {
  const value = values[key];
  if (value !== undefined && typeof value !== 'number')
    throw new Error(`Calculator input "${key}" is not a number.`);
  return value;
}

/** Reads a choice the form already validated. */
export function choiceIn(values: InputValues, key: string): string {
  const value = values[key];
  if (typeof value !== 'string') throw new Error(`Calculator input "${key}" is not a choice.`);
  return value;
}
