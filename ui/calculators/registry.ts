import type { CalculatorDefinition } from './definition';
import { kinesisCalculator } from './definitions/kinesis';

/** The calculators the page offers, in the order the day meets them. */
export const calculatorDefinitions: readonly CalculatorDefinition[] = [
  kinesisCalculator as unknown as CalculatorDefinition,
];
