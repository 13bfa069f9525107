import type { KinesisEra } from '../kinesis/index.ts';

/**
 * Input and output of the rate level: per-shard flows per simulated step instead of one object per record,
 * for case-study scale (tens of TB a day, a thousand shards, a day of simulated time). Units are in the
 * names: `…Seconds`, `…Bytes`, `…PerSecond`.
 */

/** How a producer's partition keys spread over the hash key space. */
export type RateKeyDistribution =
  /** Random high-cardinality keys (MD5 spreads them uniformly); `keyBytes` is each key's UTF-8 size. */
  | { readonly kind: 'uniform'; readonly keyBytes: number }
  /** One partition key for every record: a hot key. */
  | { readonly kind: 'fixed'; readonly partitionKey: string }
  /**
   * Keys `entity-1 … entity-N` with probability ∝ 1/rank^exponent (the scenario's zipf strategy). The
   * `exactKeys` most likely keys are hashed with MD5 exactly (default 65,536); the rest's mass is spread
   * over the hash space uniformly (see key-distribution.ts for the error this allows).
   */
  | {
      readonly kind: 'zipf';
      readonly keys: number;
      readonly exponent: number;
      readonly exactKeys?: number;
    }
  /** Given partition keys with relative weights (for instance the keys a lab's learner typed). */
  | {
      readonly kind: 'weighted';
      readonly keys: readonly { readonly partitionKey: string; readonly weight: number }[];
    };

/** KPL aggregation of user records into Kinesis records (AWS-FACTS §2.1, rows 30–31). */
export interface RateAggregation {
  /**
   * User records per Kinesis record. When omitted the KPL's behaviour is modelled: an aggregate is sent
   * when it would pass `maxAggregateBytes` or `recordMaxBufferedTimeMs` after its first user record, so a
   * shard receiving λ user records/s gets max(λ ÷ per-aggregate capacity, min(λ, 1000 ÷ buffered ms))
   * Kinesis records/s.
   */
  readonly userRecordsPerKinesisRecord?: number;
  /** KPL RecordMaxBufferedTime (default 100 ms, row 30). */
  readonly recordMaxBufferedTimeMs?: number;
  /** KPL AggregationMaxSize (default 51,200 bytes, row 31). */
  readonly maxAggregateBytes?: number;
}

/** One producer writing to one stream. */
export interface RateProducerInput {
  /** Name used in results and error paths (defaults to `producer-N`). */
  readonly name?: string;
  readonly stream: string;
  /** User records per second at simulated time `tSeconds` (sampled at the start of each step). */
  readonly ratePerSecond: (tSeconds: number) => number;
  /** Mean data blob size of a user record, in bytes (the partition key is added on top). */
  readonly recordBytes: number;
  readonly keys: RateKeyDistribution;
  readonly aggregation?: RateAggregation;
  /**
   * Attempts per record, the first included (default 1: a throttled record is dropped). A throttled
   * record is sent again in the next step, competing with that step's new records.
   */
  readonly maxAttempts?: number;
}

/** One consumer application reading every shard of a stream with GetRecords (shared throughput). */
export interface RateConsumerInput {
  readonly name: string;
  /** GetRecords calls per shard per second (default 1, the KCL's 1,000 ms idle time; row 40). */
  readonly pollsPerSecond?: number;
  /** `Limit` of each GetRecords call (default and maximum 10,000 records; row 5). */
  readonly maxRecordsPerCall?: number;
  /** Records per shard per second the application can process (unbounded when omitted). */
  readonly maxRecordsPerSecond?: number;
}

/** One stream; its shards split the hash key space evenly, as CreateStream does. */
export interface RateStreamInput {
  readonly name: string;
  readonly shards: number;
  /** Retention in hours (default 24); records older than this are trimmed before a slow reader gets them. */
  readonly retentionHours?: number;
  readonly consumers?: readonly RateConsumerInput[];
}

/** A resharding operation at a simulated time, validated by the same code as the record level. */
export type RateReshardAction =
  | {
      readonly atSeconds: number;
      readonly stream: string;
      readonly action: 'splitShard';
      readonly shardId: string;
      /** Decimal hash key where the upper child starts; the midpoint of the parent's range when omitted. */
      readonly newStartingHashKey?: string;
    }
  | {
      readonly atSeconds: number;
      readonly stream: string;
      readonly action: 'mergeShards';
      readonly shardId: string;
      readonly adjacentShardId: string;
    }
  | {
      readonly atSeconds: number;
      readonly stream: string;
      readonly action: 'updateShardCount';
      readonly targetShardCount: number;
    };

/** Everything a rate-level run needs. */
export interface RateLevelInput {
  /** Limits and price book era (default 2016). */
  readonly era?: KinesisEra;
  readonly durationSeconds: number;
  /** Simulated seconds per step (default 1). */
  readonly resolutionSeconds?: number;
  /**
   * Seconds per stored series sample (a multiple of the resolution). Default: the resolution, coarsened
   * to whole minutes — CloudWatch's period for Kinesis shard metrics — when per-step series would exceed
   * about four million samples per metric.
   */
  readonly seriesPeriodSeconds?: number;
  /** Allow UpdateShardCount in the 2016 era (it arrived in November 2016). */
  readonly allowUpdateShardCount?: boolean;
  /** Account shard limit (default: enough for every shard the run opens). */
  readonly shardLimit?: number;
  readonly streams: readonly RateStreamInput[];
  readonly producers: readonly RateProducerInput[];
  readonly actions?: readonly RateReshardAction[];
}

/** CloudWatch metric names of the per-shard series, as AWS spells them. */
export type ShardMetricName =
  | 'IncomingBytes'
  | 'IncomingRecords'
  | 'WriteProvisionedThroughputExceeded'
  | 'ReadProvisionedThroughputExceeded'
  | 'GetRecords.IteratorAgeMilliseconds';

/** The metric names in a fixed order. */
export const SHARD_METRIC_NAMES: readonly ShardMetricName[] = [
  'IncomingBytes',
  'IncomingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'GetRecords.IteratorAgeMilliseconds',
];

/**
 * One shard's series, one sample per series period: sums for bytes, records and throttles (CloudWatch's
 * Sum statistic), the maximum for iterator age (its Maximum statistic). Samples before the shard opened
 * or after it closed are 0.
 */
export type ShardSeries = Readonly<Record<ShardMetricName, Float32Array>>;

/** Running totals of a shard, the same quantities the record level keeps. */
export interface RateShardTotals {
  /** Kinesis records written. */
  readonly incomingRecords: number;
  /** Bytes written, data plus partition key. */
  readonly incomingBytes: number;
  /** Put attempts refused with ProvisionedThroughputExceededException (each retry counts again). */
  readonly attemptsThrottled: number;
  /** PUT payload units of the records written (25 KiB chunks, rounded up per record). */
  readonly putPayloadUnits: number;
  readonly getRecordsCalls: number;
  readonly throttledGetRecordsCalls: number;
}

/** One shard of the run: identity and lineage as DescribeStream shows them, totals and series. */
export interface RateShardResult extends RateShardTotals {
  readonly shardId: string;
  readonly parentShardId?: string;
  readonly adjacentParentShardId?: string;
  /** Decimal strings, as the AWS API gives them. */
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly openedAtSeconds: number;
  readonly closedAtSeconds?: number;
  readonly shardHours: number;
  readonly series: ShardSeries;
}

/** What one consumer application read from a stream and how far behind it ended. */
export interface RateConsumerResult {
  readonly name: string;
  readonly recordsRead: number;
  readonly bytesRead: number;
  /** Records written but not yet read at the end (its backlog over all shards). */
  readonly backlogRecords: number;
  /** Records trimmed by retention before this application read them. */
  readonly recordsExpiredUnread: number;
  /** Highest GetRecords.IteratorAgeMilliseconds over all shards and steps. */
  readonly maxIteratorAgeMs: number;
}

/**
 * Put totals, in Kinesis records (after KPL aggregation) unless named user records. Attempts count every
 * put, a record resent and refused again counting twice; records count each user record once.
 */
export interface RatePutTotals {
  /** Put attempts of Kinesis records: every record sent, retries included (= accepted + attemptsThrottled). */
  readonly putAttempts: number;
  readonly recordsAccepted: number;
  /** Put attempts refused with ProvisionedThroughputExceededException (WriteProvisionedThroughputExceeded). */
  readonly attemptsThrottled: number;
  /** Distinct user records refused at least once. */
  readonly userRecordsThrottled: number;
  /** User-record attempts refused (each user record inside a refused aggregate counts). */
  readonly userRecordAttemptsThrottled: number;
  /** User records given up after their last attempt (= Kinesis records without KPL aggregation). */
  readonly userRecordsDropped: number;
  /** User records the producers generated (equal to first attempts without KPL aggregation). */
  readonly userRecordsProduced: number;
  /** User records inside the accepted Kinesis records. */
  readonly userRecordsAccepted: number;
  readonly bytesAccepted: number;
  readonly putPayloadUnits: number;
  readonly shardHours: number;
}

/** One stream of the run. */
export interface RateStreamResult {
  readonly name: string;
  readonly totals: RatePutTotals;
  readonly shards: readonly RateShardResult[];
  readonly consumers: readonly RateConsumerResult[];
}

/** One producer's user records (the rate level keeps Kinesis-record totals per shard and stream). */
export interface RateProducerResult {
  readonly name: string;
  readonly stream: string;
  readonly userRecordsProduced: number;
  readonly userRecordsAccepted: number;
  readonly userRecordsDropped: number;
}

/** How a producer's keys landed: exact for hashed keys, approximate for a spread Zipf tail. */
export interface RateKeyLanding {
  readonly producer: string;
  /** Share of the producer's records whose keys were hashed exactly (1 unless a Zipf tail was spread). */
  readonly exactShare: number;
  /**
   * Largest absolute error any shard's share of this producer's records can have (the spread tail's mass);
   * 0 when every key was hashed.
   */
  readonly maxShareError: number;
  /** Typical (one standard deviation) error of a shard's share, from the tail keys' own weights. */
  readonly typicalShareError: number;
}

/** A resharding action as it was applied or refused (with the same error the record level returns). */
export interface RateActionOutcome {
  readonly atSeconds: number;
  readonly stream: string;
  readonly action: RateReshardAction['action'];
  readonly ok: boolean;
  readonly error?: { readonly code: string; readonly message: string };
}

/** The result of `simulateRateLevel`. */
export interface RateLevelResult {
  readonly level: 'rate';
  readonly era: KinesisEra;
  readonly durationSeconds: number;
  readonly resolutionSeconds: number;
  readonly seriesPeriodSeconds: number;
  /** Samples in every shard series. */
  readonly seriesLength: number;
  readonly totals: RatePutTotals;
  readonly streams: readonly RateStreamResult[];
  readonly producers: readonly RateProducerResult[];
  readonly keyLandings: readonly RateKeyLanding[];
  readonly actions: readonly RateActionOutcome[];
  /** The approximations of this level, in words a learner can read (quoted by reports). */
  readonly approximations: readonly string[];
}
