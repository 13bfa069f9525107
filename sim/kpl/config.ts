import { fail, ok, type Result, type SimError } from '../core/index.ts';
import { bytes, MIB, millis, type Bytes, type Millis } from '../core/index.ts';
import { limitOf } from '../pricing/index.ts';
import type { PriceBook } from '../pricing/index.ts';

/** KPL settings, named as in the KPL's `default_config.properties`. */
export interface KplConfig {
  readonly AggregationEnabled: boolean;
  /** Most user records in one aggregate. */
  readonly AggregationMaxCount: number;
  /** Largest aggregated Kinesis record, in bytes (magic + protobuf + MD5). */
  readonly AggregationMaxSize: Bytes;
  /** Most Kinesis records in one PutRecords call. */
  readonly CollectionMaxCount: number;
  /** Largest PutRecords call, in bytes (data + partition keys). */
  readonly CollectionMaxSize: Bytes;
  /** How long a user record may wait in a buffer before it is sent, in ms. */
  readonly RecordMaxBufferedTime: Millis;
  /** How long a user record may take to be put successfully before it fails, in ms. */
  readonly RecordTtl: Millis;
  /** Per-shard send rate of this producer, in % of the shard's write limits. */
  readonly RateLimit: number;
}

/**
 * KPL defaults from the 2015-11 sample config in force through 2016 and unchanged in 2026 (AWS-FACTS §2.1,
 * rows 30–34; source KPL). The price book has AggregationMaxSize and RecordMaxBufferedTime; the other
 * defaults are not in sim/pricing, so they are stated here with the same source.
 */
export const KPL_DEFAULTS_SOURCE = 'KPL default_config.properties @b7971ec (AWS-FACTS §2.1)';

/** The KPL's default settings, taking the two the price book holds from `book`. */
export function defaultKplConfig(book: PriceBook): KplConfig {
  return {
    AggregationEnabled: true,
    AggregationMaxCount: 4_294_967_295,
    AggregationMaxSize: limitOf(book, 'kinesis.kplAggregationMaxBytes').value,
    CollectionMaxCount: 500,
    CollectionMaxSize: bytes(5_242_880),
    RecordMaxBufferedTime: limitOf(book, 'kinesis.kplRecordMaxBufferedTimeMs').value,
    RecordTtl: millis(30_000),
    RateLimit: 150,
  };
}

/**
 * Retry back-off for failed user records: 100 ms doubled per attempt, at most 3,200 ms. The KPL re-queues
 * failed records and lets its rate limiter pace them; AWS publishes no back-off figure, so this is the
 * model's own choice (stated in the UI as an approximation).
 */
export const RETRY_BACKOFF_BASE_MS = 100;
export const RETRY_BACKOFF_MAX_MS = 3200;

const RANGES: Readonly<Record<keyof Omit<KplConfig, 'AggregationEnabled'>, readonly [number, number]>> = {
  AggregationMaxCount: [1, Number.MAX_SAFE_INTEGER],
  AggregationMaxSize: [64, MIB],
  CollectionMaxCount: [1, 500],
  CollectionMaxSize: [52_224, Number.MAX_SAFE_INTEGER],
  RecordMaxBufferedTime: [0, Number.MAX_SAFE_INTEGER],
  RecordTtl: [100, Number.MAX_SAFE_INTEGER],
  RateLimit: [1, Number.MAX_SAFE_INTEGER],
};

/**
 * Checks settings against the KPL's allowed ranges (AWS-FACTS §2.1 table), so a bad value is refused with
 * the setting's name and its range rather than silently clamped.
 */
export function validateKplConfig(config: KplConfig): Result<KplConfig> {
  for (const [name, [min, max]] of Object.entries(RANGES)) {
    const value = config[name as keyof typeof RANGES];
    if (!Number.isInteger(value) || value < min || value > max) {
      const error: SimError = {
        code: 'InvalidKplConfig',
        message: `KPL setting ${name} = ${value} is outside its range: use a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.`,
        path: name,
      };
      return fail(error);
    }
  }
  return ok(config);
}
