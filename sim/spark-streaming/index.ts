/**
 * Spark Streaming on Kinesis: receivers (each a KCL worker on one core) read the stream through
 * sim/kinesis's GetShardIterator/GetRecords; every batch interval the records received become a batch
 * whose processing time comes from a stated model of the cores left; batches run one at a time, so the
 * scheduling delay grows without bound once processing outlasts the interval; tumbling and sliding window
 * counts are computed on the real records.
 */
export {
  checkSparkConfig,
  DEFAULT_PROCESSING_MODEL,
  SPARK_STREAMING_FACTS,
  sparkConsumerConfig,
  sparkConsumerSchema,
  type SparkConsumerConfig,
  type SparkWindowConfig,
  type WindowCountBy,
} from './config.ts';
export {
  batchProcessing,
  processingCores,
  scheduleBatch,
  tasksPerBatch,
  type BatchProcessing,
  type BatchSchedule,
} from './processing.ts';
export {
  addKey,
  countRecords,
  emptyKeyCounts,
  fieldValue,
  NO_FIELD,
  NOT_JSON,
  windowFiresAt,
  windowKind,
  windowResult,
  type BatchKeyCounts,
  type KeyCount,
  type KeyCounts,
  type WindowResult,
} from './windows.ts';
export {
  createSparkConsumerState,
  RETAINED_BATCHES,
  type SparkBatch,
  type SparkConsumerState,
  type SparkOpenBatch,
  type SparkShardReader,
  type SparkTotals,
} from './state.ts';
export {
  creditProcessed,
  currentSchedulingDelayMs,
  generateDueBatches,
  queuedBatches,
  sparkMetricId,
} from './batches.ts';
export { discoverSparkShards, receiveShard, type SparkStepContext } from './receive.ts';
export { advanceSparkConsumer } from './drive.ts';
export {
  sparkConsumerView,
  type SparkBatchStatus,
  type SparkBatchView,
  type SparkConsumerView,
  type SparkWindowView,
} from './view.ts';
export { sparkConsumerKind } from './kind.ts';
