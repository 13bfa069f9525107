/**
 * The lab kit: what several labs share beyond the lab engine. The engine runs any lab; the kit holds the
 * pieces labs build from: reducer helpers, the one-stream scenario the Kinesis labs sample, the shard
 * load their checks and tables read, and the Firehose buffering run labs 11 and 12 both measure. Labs
 * import the kit's files directly, so a lab's code split does not pull in another lab's services.
 */
export {
  answerWith,
  orList,
  reduceWith,
  refuseBlank,
  refuseNonNumber,
  type ActionHandlers,
  type AnswerAction,
  type AnswerRules,
} from './reduce.ts';
export { sampleStream, type OneStreamScenario } from './stream-scenario.ts';
export { meanLoad, type ShardLoad } from './shard-load.ts';
export {
  BUCKET,
  PREFIX,
  REQUESTS_PER_SECOND,
  RUN_SECONDS,
  runBuffering,
  STREAM_NAME,
  WORKSHOP_AFTERNOON_MS,
  type BufferingRun,
  type BufferingSettings,
  type DeliveredObject,
} from './buffering-run.ts';
export {
  compareResult,
  normalise,
  type AnswerColumn,
  type AnswerColumnKind,
  type Comparison,
  type ExpectedAnswer,
  type QueryResult,
  type ResultValue,
} from './result-set.ts';
export { EnginePort } from './engine-port.ts';
