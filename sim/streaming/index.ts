/**
 * Streaming scenarios: load generators (rates, record sizes, partition-key strategies, retries, the KPL)
 * writing into Kinesis streams or Firehose delivery streams to S3, timed resharding, the run's bill, and a
 * steppable session for the console and the labs. Its components join the scenario format in the
 * composition root (sim/run), which lists them in the order they start.
 */
export { actionsComponent } from './actions-component.ts';
export { withConsumerPauses } from './consumer-pause.ts';
export { costComponent } from './cost-component.ts';
export { firehoseComponent, type DeliveryStreamReport } from './firehose-component.ts';
export { producersComponent } from './producers-component.ts';
export {
  eraComponent,
  kinesisComponent,
  levelComponent,
  startTimeComponent,
  streamsComponent,
} from './streams-component.ts';
export { openStreamingSession, type StreamingSession } from './session.ts';
export { runSampled, runScenarioSampled, type SampledShard, type SampledStreamRun } from './sampled-run.ts';
export {
  partitionKeyFor,
  saltedKey,
  zipfCumulative,
  zipfKey,
  zipfWeights,
  type KeySalt,
  type PartitionKeyStrategy,
} from './keys.ts';
export { pauseConsumer, resumeConsumer, type PausedConsumer } from './consumer-pause.ts';
export {
  drawRecordBytes,
  expectedRecords,
  meanRateFactor,
  meanRecordBytes,
  rateAt,
  type RatePattern,
  type RecordSize,
} from './load-shape.ts';
export { applyAction, type ActionOutcome, type ActionsState } from './actions.ts';
export { chooseLevel, AUTO_RECORD_LEVEL_MAX_RECORDS, type LevelChoice } from './level.ts';
export {
  PRODUCER_TICK_MS,
  type ProducerState,
  type ProducersState,
  type ProducerStats,
} from './producer-state.ts';
export { recordTotalsByStream } from './producers-report.ts';
export type { ProducerReport, ProducersReport, RecordTotals } from './producers-report.ts';
export type { ShardReport, StreamReport } from './report.ts';
export type { CostLine, CostReport } from './cost.ts';
export { hasStreamingServices, needsStreaming, type Era, type StreamingServices } from './services.ts';
export {
  streamingActionSchema,
  type DeliveryStreamScenario,
  type ProducerConfig,
  type ConsumerPauseAction,
  type SessionAction,
  type StreamingAction,
  type StreamingScenario,
  type TimedAction,
} from './scenario-schema.ts';
export { clockStartsAtMs, DEFAULT_START_TIME } from './streams-component.ts';
export { streamingCost } from './cost.ts';
