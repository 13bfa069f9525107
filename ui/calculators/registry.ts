import type { CalculationBase } from '../../sim/calc/index.ts';
import type { CalculatorDefinition } from './definition';
import { emrCalculator } from './definitions/emr';
import { firehoseCalculator } from './definitions/firehose';
import { kinesisCalculator } from './definitions/kinesis';
import { mlCalculator } from './definitions/ml';
import { pipelineCalculator } from './definitions/pipeline';
import { redshiftCalculator } from './definitions/redshift';
import { s3Calculator } from './definitions/s3';

/** Widens a calculator's result type for the page, which only uses the shared `CalculationBase` fields. */
const erase = <R extends CalculationBase>(definition: CalculatorDefinition<R>) =>
  definition as unknown as CalculatorDefinition;

/** The calculators the page offers, in the order the day meets them, then the whole pipeline. */
export const calculatorDefinitions: readonly CalculatorDefinition[] = [
  erase(kinesisCalculator),
  erase(firehoseCalculator),
  erase(s3Calculator),
  erase(emrCalculator),
  erase(redshiftCalculator),
  erase(mlCalculator),
  erase(pipelineCalculator),
];
