import {
  bytes,
  count,
  ERAS,
  hours,
  mebibytes,
  MIB,
  millis,
  recordsPerSecond,
  seconds,
  type Count,
  type Seconds,
} from '../core/index.ts';
import { bucketNameSchema, type S3Scenario } from '../s3/index.ts';
import {
  array,
  boolean,
  integer,
  number,
  object,
  oneOf,
  optional,
  string,
  type Infer,
  type Schema,
} from '../scenario/index.ts';
import type { PartitionKeyStrategy } from './keys.ts';
import type { RatePattern, RecordSize } from './load-shape.ts';
import { literal, numberOr, variant } from './variant.ts';

/**
 * The schemas of the streaming fields of a scenario (`era`, `level`, `kinesis`, `streams`, `producers`,
 * `s3`, `firehose`, `actions`). Each checks shape and ranges with JSON paths; limits that depend on other
 * fields (a producer naming a stream that exists, the shard limit…) are checked by the components.
 */

/** Highest rate one producer may have, in records per second. */
export const MAX_PRODUCER_RECORDS_PER_SECOND = 10_000_000;
/** Largest data blob a producer may be set to make: above the Kinesis limit, so the AWS error can be shown. */
export const MAX_PRODUCER_RECORD_BYTES = 10 * MIB;
/** Most entities a per-entity key strategy may have. */
export const MAX_ENTITY_KEYS = 1_000_000;

const NAME = { regex: /^[a-zA-Z0-9_.-]+$/, description: 'letters, digits, "_", "." and "-"' };

/** `era`: which limits and price book apply. */
export const eraSchema = optional(oneOf(ERAS), '2016');

/**
 * `startTime`: the UTC date and time the virtual clock's zero stands for, which Firehose writes into its S3
 * keys. Seconds precision, `Z` only, so a scenario reads the same in every time zone.
 */
export const startTimeSchema = optional(
  string({
    pattern: {
      regex: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/,
      description: 'a UTC time such as "2016-06-14T14:00:00Z"',
    },
  }),
);
/** `level`: record level, rate level, or chosen from the expected record count. */
export const levelSchema = optional(oneOf(['auto', 'record', 'rate']), 'auto');

/** `kinesis`: account settings of the simulated Kinesis. */
export const kinesisSchema = optional(
  object({
    shardLimit: optional(integer({ min: 1, max: 100_000, unit: count })),
    allowUpdateShardCount: optional(boolean(), false),
  }),
  { shardLimit: undefined, allowUpdateShardCount: false },
);

const streamSchema = object({
  name: string({ minLength: 1, maxLength: 128, pattern: NAME }),
  shards: integer({ min: 1, max: 100_000, unit: count }),
  retentionHours: optional(integer({ min: 24, max: 8760, unit: hours }), hours(24)),
});

/** `streams`: Kinesis streams created at time 0. */
export const streamsSchema = optional(array(streamSchema, { maxItems: 50 }), []);

const keysCount = integer({ min: 1, max: MAX_ENTITY_KEYS });

/** Most suffixes one salted key may be spread over. */
export const MAX_SALT_SUFFIXES = 1000;

/** `salt`: one hot key re-keyed with a random suffix (see keys.ts). */
const saltSchema = optional(
  object({
    key: string({ minLength: 1, maxLength: 256 }),
    suffixes: integer({ min: 2, max: MAX_SALT_SUFFIXES }),
  }),
);

/** A partition-key strategy (see keys.ts). */
export const partitionKeysSchema: Schema<PartitionKeyStrategy> = variant<PartitionKeyStrategy>('strategy', {
  random: object({ strategy: literal('random') }),
  fixed: object({
    strategy: literal('fixed'),
    key: string({ minLength: 1, maxLength: 256 }),
    salt: saltSchema,
  }),
  zipf: object({
    strategy: literal('zipf'),
    keys: keysCount,
    exponent: optional(number({ min: 0, max: 10 }), 1),
    salt: saltSchema,
  }),
  sequential: object({ strategy: literal('sequential'), keys: keysCount, salt: saltSchema }),
});

/** A rate pattern (see load-shape.ts). */
export const ratePatternSchema: Schema<RatePattern> = variant<RatePattern>('pattern', {
  constant: object({ pattern: literal('constant') }),
  diurnal: object({
    pattern: literal('diurnal'),
    peakToTroughRatio: number({ min: 1, max: 1000 }),
    peakAtHourUtc: optional(number({ min: 0, max: 24 }), 12),
  }),
  burst: object({
    pattern: literal('burst'),
    everySeconds: number({ above: 0, max: 86_400, unit: seconds }),
    lastingSeconds: number({ above: 0, max: 86_400, unit: seconds }),
    multiplier: number({ min: 0, max: 1000 }),
  }),
});

const recordBytesNumber = integer({ min: 1, max: MAX_PRODUCER_RECORD_BYTES, unit: bytes });

/** A record size: bytes, or a distribution (see load-shape.ts). */
export const recordBytesSchema: Schema<RecordSize> = numberOr(
  recordBytesNumber,
  variant<Exclude<RecordSize, number>>('distribution', {
    uniform: object({ distribution: literal('uniform'), min: recordBytesNumber, max: recordBytesNumber }),
    lognormal: object({
      distribution: literal('lognormal'),
      mean: number({ min: 1, max: MAX_PRODUCER_RECORD_BYTES, unit: bytes }),
      sigma: number({ min: 0, max: 3 }),
    }),
  }),
);

const kplSchema = object({
  aggregation: optional(boolean(), true),
  recordMaxBufferedTimeMs: optional(integer({ min: 1, max: 60_000, unit: millis }), millis(100)),
  rateLimitPercent: optional(integer({ min: 1, max: 10_000 }), 150),
  recordTtlMs: optional(integer({ min: 100, max: 3_600_000, unit: millis }), millis(30_000)),
});

/** KPL settings of a producer. */
export type KplSettings = Infer<typeof kplSchema>;

const retriesSchema = object({
  maxAttempts: integer({ min: 1, max: 100 }),
  baseBackoffMs: optional(integer({ min: 1, max: 60_000, unit: millis }), millis(100)),
});

/** How a producer resends throttled records. */
export type RetrySettings = Infer<typeof retriesSchema>;

const producerSchema = object({
  name: optional(string({ minLength: 1, maxLength: 64, pattern: NAME })),
  stream: optional(string({ minLength: 1, maxLength: 128 })),
  deliveryStream: optional(string({ minLength: 1, maxLength: 64 })),
  recordsPerSecond: number({ above: 0, max: MAX_PRODUCER_RECORDS_PER_SECOND, unit: recordsPerSecond }),
  recordBytes: recordBytesSchema,
  rate: optional(ratePatternSchema, { pattern: 'constant' } as RatePattern),
  partitionKeys: optional(partitionKeysSchema, { strategy: 'random' } as PartitionKeyStrategy),
  kpl: optional(kplSchema),
  retries: optional(retriesSchema),
});

/** One producer as written in the scenario. */
export type ProducerConfig = Infer<typeof producerSchema>;

/** `producers`: load generators writing to a stream or a delivery stream. */
export const producersSchema = optional(array(producerSchema, { maxItems: 100 }), []);

const deliveryStreamSchema = object({
  name: string({ minLength: 1, maxLength: 64, pattern: NAME }),
  bufferMB: optional(integer({ min: 1, max: 128, unit: mebibytes }), mebibytes(5)),
  bufferSeconds: optional(integer({ min: 0, max: 900, unit: seconds }), seconds(300)),
  compression: optional(oneOf(['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy']), 'UNCOMPRESSED'),
  prefix: optional(string({ maxLength: 512 }), ''),
  bucket: optional(bucketNameSchema),
});

/** One delivery stream as written in the scenario. */
export type DeliveryStreamScenario = Infer<typeof deliveryStreamSchema>;

/** `firehose`: Direct-PUT delivery streams to S3. */
export const firehoseSchema = optional(array(deliveryStreamSchema, { maxItems: 50 }), []);

/** Fields every action has. */
const at = { atSeconds: number({ min: 0, unit: seconds }) };

const streamAction = {
  splitShard: {
    action: literal('splitShard'),
    stream: string({ minLength: 1 }),
    shardId: string({ minLength: 1 }),
    newStartingHashKey: optional(string({ minLength: 1, maxLength: 39 })),
  },
  mergeShards: {
    action: literal('mergeShards'),
    stream: string({ minLength: 1 }),
    shardId: string({ minLength: 1 }),
    adjacentShardId: string({ minLength: 1 }),
  },
  updateShardCount: {
    action: literal('updateShardCount'),
    stream: string({ minLength: 1 }),
    targetShardCount: integer({ min: 1, max: 100_000, unit: count }),
  },
  setProducerKeys: {
    action: literal('setProducerKeys'),
    producer: string({ minLength: 1 }),
    partitionKeys: partitionKeysSchema,
  },
  crashWorker: {
    action: literal('crashWorker'),
    consumer: string({ minLength: 1 }),
    workerId: string({ minLength: 1 }),
  },
  addWorker: {
    action: literal('addWorker'),
    consumer: string({ minLength: 1 }),
    workerId: optional(string({ minLength: 1 })),
  },
  pauseConsumer: { action: literal('pauseConsumer'), consumer: string({ minLength: 1 }) },
  resumeConsumer: { action: literal('resumeConsumer'), consumer: string({ minLength: 1 }) },
} as const;

/**
 * A console action: one the streaming console offers, applied at the clock's current time (an
 * `actions[]` entry without `atSeconds`).
 */
export type StreamingAction =
  | { action: 'splitShard'; stream: string; shardId: string; newStartingHashKey?: string }
  | { action: 'mergeShards'; stream: string; shardId: string; adjacentShardId: string }
  | { action: 'updateShardCount'; stream: string; targetShardCount: Count }
  | { action: 'setProducerKeys'; producer: string; partitionKeys: PartitionKeyStrategy }
  | { action: 'crashWorker'; consumer: string; workerId: string }
  | { action: 'addWorker'; consumer: string; workerId?: string };

/** Stopping a consumer application for a while, and letting it go on (see consumer-pause.ts). */
export type ConsumerPauseAction =
  { action: 'pauseConsumer'; consumer: string } | { action: 'resumeConsumer'; consumer: string };

/** Any action a session applies: a console action or a consumer pause. */
export type SessionAction = StreamingAction | ConsumerPauseAction;

/** The schema of one action without its time (what a session's `apply` takes). */
export const streamingActionSchema: Schema<SessionAction> = variant<SessionAction>('action', {
  splitShard: object(streamAction.splitShard) as Schema<SessionAction>,
  mergeShards: object(streamAction.mergeShards) as Schema<SessionAction>,
  updateShardCount: object(streamAction.updateShardCount) as Schema<SessionAction>,
  setProducerKeys: object(streamAction.setProducerKeys) as Schema<SessionAction>,
  crashWorker: object(streamAction.crashWorker) as Schema<SessionAction>,
  addWorker: object(streamAction.addWorker) as Schema<SessionAction>,
  pauseConsumer: object(streamAction.pauseConsumer) as Schema<SessionAction>,
  resumeConsumer: object(streamAction.resumeConsumer) as Schema<SessionAction>,
});

/** A timed action as written in the scenario. */
export type TimedAction = SessionAction & { readonly atSeconds: Seconds };

/** `actions`: resharding, re-keying, KCL worker faults and consumer pauses at given times. */
export const actionsSchema = optional(
  array(
    variant<TimedAction>('action', {
      splitShard: object({ ...at, ...streamAction.splitShard }) as Schema<TimedAction>,
      mergeShards: object({ ...at, ...streamAction.mergeShards }) as Schema<TimedAction>,
      updateShardCount: object({ ...at, ...streamAction.updateShardCount }) as Schema<TimedAction>,
      setProducerKeys: object({ ...at, ...streamAction.setProducerKeys }) as Schema<TimedAction>,
      crashWorker: object({ ...at, ...streamAction.crashWorker }) as Schema<TimedAction>,
      addWorker: object({ ...at, ...streamAction.addWorker }) as Schema<TimedAction>,
      pauseConsumer: object({ ...at, ...streamAction.pauseConsumer }) as Schema<TimedAction>,
      resumeConsumer: object({ ...at, ...streamAction.resumeConsumer }) as Schema<TimedAction>,
    }),
    { maxItems: 1000 },
  ),
  [],
);

/** The streaming fields of a validated scenario, every default filled in. */
export interface StreamingScenario {
  readonly seed: number;
  readonly durationSeconds: Seconds;
  readonly metricResolutionSeconds: Seconds;
  readonly era: Infer<typeof eraSchema>;
  readonly startTime: Infer<typeof startTimeSchema>;
  readonly level: Infer<typeof levelSchema>;
  readonly kinesis: Infer<typeof kinesisSchema>;
  readonly streams: Infer<typeof streamsSchema>;
  readonly producers: Infer<typeof producersSchema>;
  readonly s3: S3Scenario;
  readonly firehose: Infer<typeof firehoseSchema>;
  readonly actions: Infer<typeof actionsSchema>;
}

/** One stream as written in the scenario. */
export type StreamScenario = StreamingScenario['streams'][number];
