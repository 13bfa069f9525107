import { consumerBaseFields } from '../consumers/index.ts';
import { millis, seconds, type Millis, type Seconds } from '../core/index.ts';
import {
  array,
  integer,
  number,
  object,
  oneOf,
  optional,
  string,
  type Schema,
  type SchemaIssue,
} from '../scenario/index.ts';

/**
 * Spark Streaming and KCL settings the model uses, with their sources. Spark facts are not in AWS-FACTS,
 * so each cites the Apache Spark documentation it comes from.
 */
export const SPARK_STREAMING_FACTS = {
  /**
   * `spark.streaming.blockInterval` default 200 ms: a receiver cuts what it received into one block per
   * interval, and each block is one task, so a receiver gives about batch interval ÷ block interval tasks per
   * batch (Spark configuration docs; Spark Streaming Programming Guide, "Level of Parallelism in Data
   * Receiving").
   */
  defaultBlockIntervalMs: 200,
  /**
   * A receiver is a long-running task that occupies one core for the life of the application, so the
   * application needs more cores than receivers or it receives data it can never process (Spark Streaming
   * Programming Guide, "Points to remember"; SPARK-2475).
   */
  coresPerReceiver: 1,
  /**
   * Batches are processed one at a time: `spark.streaming.concurrentJobs` defaults to 1, so a batch that
   * finds the previous one still running waits in the queue (the scheduling delay). Source: Tathagata Das
   * on the Spark user list (2015, the property is undocumented) [S].
   */
  concurrentJobs: 1,
  /** Row 40 [KCL16]: the KCL inside a Kinesis receiver reads each shard once per 1,000 ms. */
  kclIdleTimeBetweenReadsMs: 1000,
  /** Row 40 [KCL16]: up to 10,000 records per GetRecords. */
  kclMaxRecords: 10_000,
} as const;

/**
 * Processing time model (stated, not a Spark or AWS figure): a batch of R records takes
 * `batchOverheadMs + R × perRecordMs ÷ parallelism`, where parallelism = min(cores left after receivers,
 * tasks in the batch). The defaults are assumptions for a light job (parse and count); a learner sets them
 * to what their job measures.
 */
export const DEFAULT_PROCESSING_MODEL = { batchOverheadMs: millis(100), perRecordMs: millis(0.1) } as const;

/** What a window counts records by: their partition key, or one field of their JSON data. */
export type WindowCountBy = 'partitionKey' | 'field';

/** One windowed count (`countByValueAndWindow` over a key): tumbling when slide = length, else sliding. */
export interface SparkWindowConfig {
  readonly lengthSeconds: Seconds;
  /** Defaults to the batch interval (Spark's default slide). */
  readonly slideSeconds?: Seconds | undefined;
  readonly countBy: WindowCountBy;
  /** The JSON field to count by when `countBy` is `field`. */
  readonly field?: string | undefined;
}

/** A Spark Streaming application reading one stream with Kinesis receivers: one `consumers[]` entry. */
export interface SparkConsumerConfig {
  readonly type: 'spark';
  readonly name: string;
  readonly stream: string;
  /** The StreamingContext's batch interval. */
  readonly batchIntervalSeconds: Seconds;
  /** Kinesis receivers (input DStreams), each a KCL worker on one core. */
  readonly receivers: number;
  /** Executor cores of the application in total, receivers' cores included. */
  readonly cores: number;
  readonly batchOverheadMs: Millis;
  readonly perRecordMs: Millis;
  readonly blockIntervalMs: Millis;
  /** `initialPositionInStream` (TRIM_HORIZON or LATEST). */
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly windows: readonly SparkWindowConfig[];
  /** Keys shown per window result (the most frequent). */
  readonly topKeys: number;
}

/** Schema of a `{ "type": "spark" }` entry of `consumers[]`. */
export const sparkConsumerSchema: Schema<SparkConsumerConfig> = object({
  ...consumerBaseFields('spark'),
  batchIntervalSeconds: number({ above: 0, max: 3600, unit: seconds }),
  receivers: optional(integer({ min: 1, max: 1000 }), 1),
  cores: integer({ min: 1, max: 100_000 }),
  batchOverheadMs: optional(
    number({ min: 0, max: 3_600_000, unit: millis }),
    DEFAULT_PROCESSING_MODEL.batchOverheadMs,
  ),
  perRecordMs: optional(number({ min: 0, max: 60_000, unit: millis }), DEFAULT_PROCESSING_MODEL.perRecordMs),
  blockIntervalMs: optional(
    integer({ min: 1, max: 60_000, unit: millis }),
    millis(SPARK_STREAMING_FACTS.defaultBlockIntervalMs),
  ),
  startingPosition: optional(oneOf(['TRIM_HORIZON', 'LATEST'] as const), 'TRIM_HORIZON'),
  windows: optional(
    array(
      object({
        lengthSeconds: number({ above: 0, max: 86_400, unit: seconds }),
        slideSeconds: optional(number({ above: 0, max: 86_400, unit: seconds })),
        countBy: oneOf(['partitionKey', 'field'] as const),
        field: optional(string({ minLength: 1, maxLength: 256 })),
      }),
      { maxItems: 10 },
    ),
    [],
  ),
  topKeys: optional(integer({ min: 1, max: 100 }), 10),
});

function isMultiple(seconds: number, intervalSeconds: number): boolean {
  const ratio = seconds / intervalSeconds;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9 && Math.round(ratio) >= 1;
}

/**
 * Checks Spark itself makes: window length and slide must be multiples of the batch interval (Spark API,
 * `DStream.window`: "must be a multiple of this DStream's batching interval"); a `field` window names its
 * field. More receivers than cores is allowed: it is a lesson, not a typo (nothing gets processed).
 */
export function checkSparkConfig(config: SparkConsumerConfig, path: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const interval = config.batchIntervalSeconds;
  config.windows.forEach((w, i) => {
    const at = `${path}.windows[${i}]`;
    if (!isMultiple(w.lengthSeconds, interval)) {
      issues.push({
        path: `${at}.lengthSeconds`,
        message: `${w.lengthSeconds} is not a multiple of the batch interval (${interval} s); Spark requires window length and slide to be whole multiples of it.`,
      });
    }
    const slide = w.slideSeconds ?? interval;
    if (!isMultiple(slide, interval)) {
      issues.push({
        path: `${at}.slideSeconds`,
        message: `${slide} is not a multiple of the batch interval (${interval} s); Spark requires window length and slide to be whole multiples of it.`,
      });
    }
    if (w.countBy === 'field' && w.field === undefined) {
      issues.push({
        path: `${at}.field`,
        message: 'missing; a window that counts by field needs the JSON field name.',
      });
    }
  });
  return issues;
}

/** A config with the defaults filled in, for tests and labs that build one in code. */
export function sparkConsumerConfig(
  fields: Pick<SparkConsumerConfig, 'name' | 'stream' | 'batchIntervalSeconds' | 'cores'> &
    Partial<SparkConsumerConfig>,
): SparkConsumerConfig {
  return {
    type: 'spark',
    receivers: 1,
    ...DEFAULT_PROCESSING_MODEL,
    blockIntervalMs: millis(SPARK_STREAMING_FACTS.defaultBlockIntervalMs),
    startingPosition: 'TRIM_HORIZON',
    windows: [],
    topKeys: 10,
    ...fields,
  };
}
