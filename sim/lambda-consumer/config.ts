import {
  count,
  fail,
  mebibytes,
  millis,
  ok,
  seconds,
  type Count,
  type Mebibytes,
  type Millis,
  type Result,
  type Seconds,
  type SimError,
} from '../core/index.ts';
import {
  array,
  boolean,
  integer,
  number,
  object,
  oneOf,
  optional,
  string,
  type Schema,
  type SchemaIssue,
} from '../scenario/index.ts';
import { consumerBaseFields } from '../consumers/index.ts';

/**
 * Limits of the Lambda event source mapping for Kinesis, with their AWS-FACTS rows (§2.3).
 * The same in 2016 and today unless noted.
 */
export const LAMBDA_EVENT_SOURCE_LIMITS = {
  /** Row 41 [BL16, LAM17 `API_CreateEventSourceMapping.md`, LAM23]: default BatchSize. */
  defaultBatchSize: 100,
  /** Row 41: largest BatchSize for a Kinesis source. */
  maxBatchSize: 10_000,
  /** Row 42 [LAM17, LAM23]: Lambda polls each shard at a base rate of once per second. */
  pollIntervalMs: 1000,
  /** Row 43 [LAM23]: one batch per shard at a time (ParallelizationFactor fixed at 1 in 2016). */
  concurrentBatchesPerShard: 1,
} as const;

/** Where a new event source mapping starts reading (2016: TRIM_HORIZON or LATEST [BL16]). */
export type LambdaStartingPosition = 'TRIM_HORIZON' | 'LATEST';

/** A period of simulated time during which every invocation of the function throws. */
export interface FunctionErrorWindow {
  readonly fromSeconds: Seconds;
  /** Left out: the function keeps failing until the end of the run. */
  readonly untilSeconds?: Seconds;
}

/**
 * How long one invocation runs: `invocationOverheadMs + perRecordMs × records in the batch`. This is a
 * model, not an AWS figure: the defaults are assumptions for a light function (parse and count each
 * record) and a learner sets them to what their function measures.
 */
export interface InvocationDurationModel {
  /** Fixed cost of one invocation (runtime entry, writing results), in ms. */
  readonly invocationOverheadMs: Millis;
  /** Cost of handling one record, in ms. */
  readonly perRecordMs: Millis;
}

/** Model defaults (assumptions, see `InvocationDurationModel`). */
export const DEFAULT_DURATION_MODEL: InvocationDurationModel = {
  invocationOverheadMs: millis(20),
  perRecordMs: millis(0.5),
};

/**
 * One Lambda function reading one stream through an event source mapping: one `consumers[]` entry of type
 * `"lambda"`, as its schema produces it.
 */
export interface LambdaConsumerConfig extends InvocationDurationModel {
  readonly type: 'lambda';
  /** The function's name (CloudWatch dimension FunctionName). */
  readonly name: string;
  readonly stream: string;
  /** Records per invocation at most: 1–10,000, default 100 (row 41). */
  readonly batchSize: Count;
  /**
   * The API has no default (BL16: required); the scenario defaults to TRIM_HORIZON so no record is missed.
   * LATEST starts at each shard's tip when the mapping first polls it: records put before are not read.
   */
  readonly startingPosition: LambdaStartingPosition;
  /** Memory configured for the function, in MB: only used to count GB-seconds for the bill. */
  readonly memoryMB: Mebibytes;
  /**
   * The function de-aggregates KPL records with AWS's deaggregation module (Lambda hands it the Kinesis
   * records as stored); its per-record cost and `recordsProcessed` then count user records. Default false.
   */
  readonly deaggregate: boolean;
  /** Times when the function throws on every batch (a bad deployment that is later fixed). */
  readonly functionErrors: readonly FunctionErrorWindow[];
  /** A record with this partition key makes every batch that holds it fail (a "poison" record). */
  readonly poisonPartitionKey?: string | undefined;
}

/** Lambda's memory setting: at least 128 MB; 10,240 MB is today's ceiling ([S] re:Invent 2020 notes). */
const MEMORY_MIN_MB = 128;
const MEMORY_MAX_MB = 10_240;

/** Schema of a `{ "type": "lambda" }` entry of `consumers[]`; unknown fields are refused with their path. */
export const lambdaConsumerSchema: Schema<LambdaConsumerConfig> = object({
  ...consumerBaseFields('lambda'),
  batchSize: optional(
    integer({ min: 1, max: LAMBDA_EVENT_SOURCE_LIMITS.maxBatchSize, unit: count }),
    count(LAMBDA_EVENT_SOURCE_LIMITS.defaultBatchSize),
  ),
  startingPosition: optional(oneOf(['TRIM_HORIZON', 'LATEST'] as const), 'TRIM_HORIZON'),
  invocationOverheadMs: optional(
    number({ min: 1, max: 900_000, unit: millis }),
    DEFAULT_DURATION_MODEL.invocationOverheadMs,
  ),
  perRecordMs: optional(number({ min: 0, max: 60_000, unit: millis }), DEFAULT_DURATION_MODEL.perRecordMs),
  memoryMB: optional(integer({ min: MEMORY_MIN_MB, max: MEMORY_MAX_MB, unit: mebibytes }), mebibytes(128)),
  deaggregate: optional(boolean(), false),
  functionErrors: optional(
    array(
      object({
        fromSeconds: number({ min: 0, unit: seconds }),
        untilSeconds: optional(number({ min: 0, unit: seconds })),
      }),
    ),
    [],
  ),
  poisonPartitionKey: optional(string({ minLength: 1, maxLength: 256 })),
});

/** Cross-field checks: an error window must end after it starts. */
export function checkLambdaConfig(config: LambdaConsumerConfig, path: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  config.functionErrors.forEach((w, i) => {
    if (w.untilSeconds !== undefined && w.untilSeconds <= w.fromSeconds) {
      issues.push({
        path: `${path}.functionErrors[${i}].untilSeconds`,
        message: `${w.untilSeconds} is not after fromSeconds ${w.fromSeconds}; the window must end after it starts.`,
      });
    }
  });
  return issues;
}

/** A config with the defaults filled in, for tests and labs that build one in code. */
export function lambdaConsumerConfig(
  fields: Pick<LambdaConsumerConfig, 'name' | 'stream'> & Partial<LambdaConsumerConfig>,
): LambdaConsumerConfig {
  return {
    type: 'lambda',
    batchSize: count(LAMBDA_EVENT_SOURCE_LIMITS.defaultBatchSize),
    startingPosition: 'TRIM_HORIZON',
    ...DEFAULT_DURATION_MODEL,
    memoryMB: mebibytes(128),
    deaggregate: false,
    functionErrors: [],
    ...fields,
  };
}

/**
 * Checks a config built in code (the scenario schema checks the JSON form): the batch size bounds of row
 * 41, as CreateEventSourceMapping does with `InvalidParameterValueException`.
 */
export function validateLambdaConfig(config: LambdaConsumerConfig): Result<LambdaConsumerConfig> {
  const { batchSize } = config;
  const max = LAMBDA_EVENT_SOURCE_LIMITS.maxBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > max) {
    const error: SimError = {
      code: 'InvalidParameterValueException',
      message: `BatchSize ${String(batchSize)} is not allowed for a Kinesis event source: use a whole number from 1 to ${max.toLocaleString('en-US')} (default ${LAMBDA_EVENT_SOURCE_LIMITS.defaultBatchSize}).`,
      path: 'batchSize',
    };
    return fail(error);
  }
  const { invocationOverheadMs, perRecordMs } = config;
  if (!(invocationOverheadMs >= 1) || !(perRecordMs >= 0)) {
    return fail({
      code: 'InvalidParameterValueException',
      message: `The duration model needs invocationOverheadMs ≥ 1 and perRecordMs ≥ 0 (got ${invocationOverheadMs} and ${perRecordMs}).`,
      path: 'invocationOverheadMs',
    });
  }
  return ok(config);
}
