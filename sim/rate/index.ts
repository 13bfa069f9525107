/**
 * The rate level of the streaming simulator (issue 4 §5): per-shard flows per simulated step for
 * case-study scale, under the same Kinesis limits as the record level (sim/kinesis) and reporting the same
 * per-shard CloudWatch metrics and totals.
 */
export { simulateRateLevel } from './simulate.ts';
export { validateRateLevelInput } from './validate.ts';
export { RATE_LEVEL_APPROXIMATIONS } from './result.ts';
export { DEFAULT_EXACT_ZIPF_KEYS } from './key-distribution.ts';
export { MAX_SAMPLES_PER_METRIC } from './series.ts';
export {
  SHARD_METRIC_NAMES,
  type RateActionOutcome,
  type RateAggregation,
  type RateConsumerInput,
  type RateConsumerResult,
  type RateKeyDistribution,
  type RateKeyLanding,
  type RateLevelInput,
  type RateLevelResult,
  type RateProducerInput,
  type RateProducerResult,
  type RatePutTotals,
  type RateReshardAction,
  type RateShardResult,
  type RateShardTotals,
  type RateStreamInput,
  type RateStreamResult,
  type ShardMetricName,
  type ShardSeries,
} from './types.ts';
