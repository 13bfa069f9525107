import type {
  Bytes,
  BytesPerSecond,
  CallsPerSecond,
  Count,
  Era,
  Hours,
  Mebibytes,
  Millis,
  RecordsPerSecond,
  Seconds,
  Usd,
} from '../core/index.ts';

/**
 * How far a number can be trusted, as the reference grades it (AWS-FACTS.md "Conventions"):
 * `primary` = AWS's own docs, price list or code; `secondary` = a third-party copy of an AWS page or the
 * workshop slides; `unconfirmed` = commonly cited but not verifiable — the UI must say so;
 * `override` = the learner supplied it.
 */
export type Confidence = 'primary' | 'secondary' | 'unconfirmed' | 'override';

/** The two built-in price books, one per era. */
export type PriceBookId = Era;

/** Fields every sourced number carries, so the UI can show where it comes from on demand. */
export interface SourcedFact {
  /** Stable dotted id, such as `kinesis.shardHour`; used by overrides and by formula steps. */
  readonly id: string;
  /** What the number is, in the learner's words. */
  readonly label: string;
  /** Source tags from the reference's source key (`KPRICE16`, `PL2023`, `S`, `SLIDES`, …); see sources.ts. */
  readonly sources: readonly string[];
  readonly confidence: Confidence;
  /** Anything the learner should know: caveats, the unit convention, why it is unconfirmed. */
  readonly note?: string;
}

/** A price: US dollars per billing unit. */
export interface PriceRecord extends SourcedFact {
  readonly kind: 'price';
  readonly value: Usd;
  /** The billing unit, such as `shard-hour`, `1,000,000 PUT payload units`, `GB-month`. */
  readonly per: string;
  /** For one step of a tiered price: the band of monthly usage it applies to. */
  readonly tier?: PriceTier;
}

/** The band of monthly usage a tiered price applies to, such as "next 49 TB" = 1,024 to 51,200 GB. */
export interface PriceTier {
  /** Start of the band, inclusive, in `unit`. */
  readonly from: number;
  /** End of the band, exclusive, in `unit`; null for "everything above". */
  readonly to: number | null;
  readonly unit: string;
}

/**
 * The unit of every limit the books hold, by id: a limit's value carries its unit's brand (see
 * sim/core/units.ts), so `limitOf(book, 'kinesis.maxRecordBytes').value` is `Bytes` and cannot be passed
 * where seconds or a rate are expected. A limit added to a book must be added here first.
 */
export interface LimitUnits {
  'kinesis.shardWriteBytesPerSecond': BytesPerSecond;
  'kinesis.shardWriteRecordsPerSecond': RecordsPerSecond;
  'kinesis.shardReadBytesPerSecond': BytesPerSecond;
  'kinesis.shardReadCallsPerSecond': CallsPerSecond;
  'kinesis.maxRecordBytes': Bytes;
  'kinesis.retentionDefaultHours': Hours;
  'kinesis.retentionMaxHours': Hours;
  'kinesis.defaultShardLimitPerRegion': Count;
  'kinesis.putPayloadUnitBytes': Bytes;
  'kinesis.kplAggregationMaxBytes': Bytes;
  'kinesis.kplRecordMaxBufferedTimeMs': Millis;
  'kinesis.kclIdleTimeBetweenReadsMs': Millis;
  'firehose.bufferSizeMinMiB': Mebibytes;
  'firehose.bufferSizeMaxMiB': Mebibytes;
  'firehose.bufferIntervalMinSeconds': Seconds;
  'firehose.bufferIntervalMaxSeconds': Seconds;
  'firehose.billingIncrementBytes': Bytes;
  'firehose.maxRecordBytes': Bytes;
  'firehose.directPutRequestsPerSecond': CallsPerSecond;
  'firehose.directPutRecordsPerSecond': RecordsPerSecond;
  'firehose.directPutBytesPerSecond': BytesPerSecond;
  'ml.realtimeRequestsPerSecond': CallsPerSecond;
  'emr.billingIncrementSeconds': Seconds;
  'emr.billingMinimumSeconds': Seconds;
}

/** The id of a limit every book holds, such as `kinesis.maxRecordBytes`. */
export type LimitId = keyof LimitUnits;

/** A service limit or a fixed quantity of the model (bytes per second, records, hours…) in unit `V`. */
export interface LimitRecord<V extends number = number> extends SourcedFact {
  readonly kind: 'limit';
  readonly value: V;
  /** The unit of `value` in words, such as `bytes/s per shard`, `h`, `records/s`. */
  readonly unit: string;
}

/** Every limit of a book, by id, each value in its unit. */
export type LimitTable = { readonly [Id in LimitId]: LimitRecord<LimitUnits[Id]> };

/** A price the book deliberately does not have, and why (so a calculator can say so instead of guessing). */
export interface MissingPrice {
  readonly id: string;
  readonly label: string;
  /** The billing unit an override is taken to be in, such as `instance-hour`. */
  readonly per: string;
  /** Why there is no number: not sold in that era, or no source could be found. */
  readonly reason: string;
}

/** A set of prices and limits in force at one time in one region. */
export interface PriceBook {
  readonly id: PriceBookId;
  /** As shown in settings, such as "2016 us-east-1 (the workshop)". */
  readonly label: string;
  /** One or two sentences on what era and region the book describes. */
  readonly description: string;
  readonly prices: Readonly<Record<string, PriceRecord>>;
  readonly limits: LimitTable;
  /** Prices that exist in the other book (or in AWS's list) but not here, with the reason. */
  readonly missing: Readonly<Record<string, MissingPrice>>;
  /** Ids of prices the learner overrode (empty for the built-in books). */
  readonly overridden: readonly string[];
}
