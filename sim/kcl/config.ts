import { consumerBaseFields } from '../consumers/index.ts';
import { count, millis, seconds } from '../core/index.ts';
import { integer, number, object, oneOf, optional, type Infer } from '../scenario/index.ts';

/**
 * KCL 1.x defaults as they stood in 2016 (AWS-FACTS §2.2 and rows 36–40, source KCL16:
 * awslabs/amazon-kinesis-client @6647b4b6, KinesisClientLibConfiguration.java, LeaseCoordinator.java,
 * LeaseTaker.java). Failover time and leases stolen per cycle are unchanged today (KCLnow).
 */
export const KCL_DEFAULTS = {
  /** A lease not renewed for this long is expired and may be taken by another worker (row 36). */
  failoverTimeMillis: 10_000,
  /** GetRecords `Limit` per call (row 40). */
  maxRecords: 10_000,
  /** Wait between two GetRecords calls of one record processor (row 40). */
  idleTimeBetweenReadsMillis: 1_000,
  /** Most leases a worker steals in one lease-taking cycle (row 38). */
  maxLeasesToStealAtOneTime: 1,
  /** How often a processor whose parent shards are not finished checks them again (§2.2). */
  parentShardPollIntervalMillis: 10_000,
  /** Where a new application starts reading (§2.2: LATEST). */
  initialPositionInStream: 'LATEST' as const,
} as const;

/** Where KCL_DEFAULTS come from, for the UI and fidelity tests. */
export const KCL_DEFAULTS_SOURCE =
  'KCL 1.x (awslabs/amazon-kinesis-client @6647b4b6, 2016-06-29): KinesisClientLibConfiguration, LeaseCoordinator, LeaseTaker; AWS-FACTS §2.2, rows 36–40.';

/** The margin KCL subtracts and adds around the failover time (EPSILON_MS in LeaseCoordinator). */
export const KCL_EPSILON_MILLIS = 25;

/**
 * How often a worker renews the leases it holds: failover / 3 − 25 ms, 3,308 ms by default (row 37). The
 * KCL's integer division is kept, so the default comes out exactly as in the source.
 */
export function leaseRenewalIntervalMillis(failoverTimeMillis: number): number {
  return Math.floor(failoverTimeMillis / 3) - KCL_EPSILON_MILLIS;
}

/** How often a worker scans the lease table to take leases: (failover + 25 ms) × 2, 20,050 ms by default (row 37). */
export function leaseTakingIntervalMillis(failoverTimeMillis: number): number {
  return (failoverTimeMillis + KCL_EPSILON_MILLIS) * 2;
}

/**
 * How often the record processor checkpoints, as AWS's KCL samples do (CHECKPOINT_INTERVAL_MILLIS = 60,000 in
 * the stock-trades tutorial's StockTradeRecordProcessor and in AmazonKinesisApplicationSampleRecordProcessor).
 * The KCL itself never checkpoints on its own: only when the processor asks (and at SHARD_END); 0 here means
 * after every batch.
 */
export const DEFAULT_CHECKPOINT_INTERVAL_SECONDS = 60;

/**
 * When the first checkpoint of a new record processor falls due. The stock-trades tutorial sets
 * `nextCheckpointTimeInMillis = now + CHECKPOINT_INTERVAL_MILLIS` in `initialize`, so a processor writes no
 * checkpoint in its first minute (`AFTER_INTERVAL`, the default); the KCL's own sample application leaves it
 * at 0, so it checkpoints after its first batch (`FIRST_BATCH`). Until a lease has a checkpoint, a new owner
 * starts it at the initial position — with LATEST, after the newest record, passing over the rest.
 */
export const FIRST_CHECKPOINT_POLICIES = ['AFTER_INTERVAL', 'FIRST_BATCH'] as const;
/** One of FIRST_CHECKPOINT_POLICIES. */
export type FirstCheckpointPolicy = (typeof FIRST_CHECKPOINT_POLICIES)[number];

/** Most workers one application may have in a scenario. */
export const MAX_KCL_WORKERS = 50;

/** Schema of a `consumers[]` entry of type `kcl`. */
export const kclConsumerSchema = object({
  ...consumerBaseFields('kcl'),
  /** Workers started at time 0, named worker-1 … worker-N. */
  workers: optional(integer({ min: 1, max: MAX_KCL_WORKERS }), 1),
  initialPosition: optional(oneOf(['LATEST', 'TRIM_HORIZON']), KCL_DEFAULTS.initialPositionInStream),
  maxRecords: optional(integer({ min: 1, max: 10_000, unit: count }), count(KCL_DEFAULTS.maxRecords)),
  idleTimeBetweenReadsMillis: optional(
    integer({ min: 1, max: 60_000, unit: millis }),
    millis(KCL_DEFAULTS.idleTimeBetweenReadsMillis),
  ),
  failoverTimeMillis: optional(
    integer({ min: 1_000, max: 600_000, unit: millis }),
    millis(KCL_DEFAULTS.failoverTimeMillis),
  ),
  maxLeasesToStealAtOneTime: optional(integer({ min: 1, max: 100 }), KCL_DEFAULTS.maxLeasesToStealAtOneTime),
  checkpointIntervalSeconds: optional(
    number({ min: 0, max: 3_600, unit: seconds }),
    seconds(DEFAULT_CHECKPOINT_INTERVAL_SECONDS),
  ),
  /** When a new processor's first checkpoint is due (see FIRST_CHECKPOINT_POLICIES). */
  firstCheckpoint: optional(oneOf(FIRST_CHECKPOINT_POLICIES), 'AFTER_INTERVAL'),
  /** Also checkpoint once this many user records were processed since the last checkpoint (0: only by time). */
  checkpointEveryRecords: optional(integer({ min: 0, max: 10_000_000 }), 0),
  /**
   * Time the application's code spends per user record. A worker processes one batch at a time (like a
   * single core), so a slow processor makes a busy worker fall behind and adding workers helps.
   */
  processingMillisPerRecord: optional(number({ min: 0, max: 1_000, unit: millis }), millis(0)),
});

/** A validated `kcl` consumer entry. */
export type KclConfig = Infer<typeof kclConsumerSchema>;
