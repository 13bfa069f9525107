/**
 * Lambda as a Kinesis consumer: the event source mapping (batch size, one poll per second per shard, one
 * batch in the function at a time per shard, retries until success or expiry, iterator age), a stated
 * invocation-duration model, and the bill from the price book. Pure functions over plain JSON state that
 * read through sim/kinesis's GetShardIterator/GetRecords, so they share each shard's read limits.
 */
export {
  checkLambdaConfig,
  DEFAULT_DURATION_MODEL,
  LAMBDA_EVENT_SOURCE_LIMITS,
  lambdaConsumerConfig,
  lambdaConsumerSchema,
  validateLambdaConfig,
  type FunctionErrorWindow,
  type InvocationDurationModel,
  type LambdaConsumerConfig,
  type LambdaStartingPosition,
} from './config.ts';
export {
  billedDurationMs,
  gbSecondsOf,
  LAMBDA_BILLING_INCREMENT_MS,
  LAMBDA_PRICE_IDS,
  lambdaCost,
  type LambdaCostLine,
  type LambdaUsage,
} from './billing.ts';
export {
  createLambdaConsumerState,
  lambdaTotals,
  RECENT_POLLS,
  type LambdaConsumerState,
  type LambdaInFlightBatch,
  type LambdaPollSample,
  type LambdaShardPoller,
  type LambdaShardStatus,
  type LambdaTotals,
} from './state.ts';
export {
  advanceShard,
  discoverShards,
  invocationDurationMs,
  lambdaMetricId,
  pollerOf,
  type LambdaBatch,
  type LambdaStepContext,
} from './poll.ts';
export { advanceLambdaConsumer } from './drive.ts';
export {
  LAMBDA_TODAY_DIFFERS,
  lambdaConsumerDetails,
  lambdaConsumerView,
  lambdaCostView,
  type LambdaConsumerDetails,
  type LambdaConsumerView,
  type LambdaCostView,
  type LambdaShardView,
} from './view.ts';
export { lambdaConsumerKind } from './kind.ts';
