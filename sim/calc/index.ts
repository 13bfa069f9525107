/** The calculators: pure `calculateX(input, priceBook)` functions and their shared result types. */
export type {
  CalcError,
  CalcNote,
  Calculation,
  CalculationBase,
  CostLine,
  ExplainOptions,
  FormulaStep,
  NoteSeverity,
} from './types.ts';
export {
  calculateKinesis,
  PARTITION_KEY_BYTES_RULE,
  type KinesisInput,
  type KinesisLimitName,
  type KinesisResult,
} from './kinesis.ts';
export type { KplPacking } from './kinesis-kpl.ts';
export {
  calculateFirehose,
  type FirehoseInput,
  type FirehoseLimitCheck,
  type FirehoseResult,
} from './firehose.ts';
export { calculateS3, type S3Input, type S3Result, type StorageClass } from './s3.ts';
export {
  calculateEmr,
  type EmrInput,
  type EmrResult,
  type EmrSlideCheck,
  type PurchaseOption,
} from './emr.ts';
export {
  calculateRedshift,
  type RedshiftInput,
  type RedshiftResult,
  type ThousandPerTbCheck,
} from './redshift.ts';
export { calculateMl, type MlInput, type MlResult } from './ml.ts';
export { calculatePipeline, LAB4_DEFAULTS, type PipelineInput, type PipelineResult } from './pipeline.ts';
export { CALCULATOR_EXAMPLES } from './examples.ts';
