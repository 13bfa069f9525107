/** The calculators: pure `calculateX(input, priceBook)` functions and their shared result types. */
export type {
  CalcError,
  CalcNote,
  Calculation,
  CalculationBase,
  CostLine,
  FormulaStep,
  NoteSeverity,
} from './types.ts';
export { calculateKinesis, type KinesisInput, type KinesisLimitName, type KinesisResult } from './kinesis.ts';
export type { KplPacking } from './kinesis-kpl.ts';
