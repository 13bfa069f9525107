/**
 * What the streaming console shows, as plain data: the simulation worker builds one `ConsoleView` per
 * animation frame and posts it to the page (structured clone), and every panel receives a slice of it as
 * props. Nothing here is live simulation state: windows are bounded so a frame stays small at any speed.
 *
 * Conventions: times are virtual-clock milliseconds (`…Ms`), sizes are bytes, money is US dollars, hash keys
 * are decimal strings (they are 128-bit integers and do not fit a number). Series windows hold one value per
 * metric period, oldest first.
 */

import type { Era } from '../../../sim/core/index.ts';
import type { RealCommand } from '../../shared/cli-commands.ts';

export { CONSOLE_SPEEDS } from '../shell/clock.ts';
export type { ClockView, ConsoleSpeed, MomentView } from '../shell/clock.ts';
import type { ClockView } from '../shell/clock.ts';

/**
 * A metric's recent datapoints: `values[i]` is the period starting at `startMs + i × periodMs`. Periods with
 * no datapoint hold 0 (CloudWatch would show a gap; for the counts plotted here no datapoint means none).
 */
export interface SeriesWindow {
  readonly startMs: number;
  readonly periodMs: number;
  readonly values: readonly number[];
}

/** The per-shard limits the charts draw as lines (from the era's price book, AWS-FACTS rows 1–4). */
export interface ShardLimitsView {
  /** Row 1: 1 MiB/s write per shard. */
  readonly writeBytesPerSecond: number;
  /** Row 2: 1,000 records/s write per shard. */
  readonly writeRecordsPerSecond: number;
  /** Row 3: 2 MiB/s read per shard, shared by every consumer application. */
  readonly readBytesPerSecond: number;
  /** Row 4: 5 GetRecords calls/s per shard. */
  readonly readCallsPerSecond: number;
}

/** One shard as the shard map, the ingress charts, the heatmap and the lineage show it. */
export interface ShardView {
  readonly shardId: string;
  readonly parentShardId: string | null;
  readonly adjacentParentShardId: string | null;
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  /** Where the range starts and ends on the hash key space drawn as a bar, as fractions of 2^128. */
  readonly startFraction: number;
  readonly endFraction: number;
  readonly status: 'OPEN' | 'CLOSED';
  readonly openedAtMs: number;
  readonly closedAtMs: number | null;
  /** CloudWatch IncomingBytes per period (Sum). */
  readonly incomingBytes: SeriesWindow;
  /** CloudWatch IncomingRecords per period (Sum). */
  readonly incomingRecords: SeriesWindow;
  /** CloudWatch WriteProvisionedThroughputExceeded per period (Sum: put attempts refused, resends included). */
  readonly writeThrottled: SeriesWindow;
  /** CloudWatch ReadProvisionedThroughputExceeded per period (Sum: GetRecords calls refused). */
  readonly readThrottled: SeriesWindow;
  /** Running totals since the shard opened. */
  readonly totals: {
    readonly incomingRecords: number;
    readonly incomingBytes: number;
    /** Put attempts refused (a record resent and refused again counts twice). */
    readonly attemptsThrottled: number;
  };
}

/** Where one partition key (or a group of keys) lands on the hash key space. */
export interface KeyLanding {
  /** The partition key, or a label for a group (`16-hex random keys`). */
  readonly label: string;
  /** The key's MD5 hash key as a decimal string. */
  readonly hashKey: string;
  /** `hashKey / 2^128`, for placing the mark on the bar. */
  readonly fraction: number;
  /** The open shard whose range contains it. */
  readonly shardId: string;
  /** Share of the producer's records that use this key (0–1). */
  readonly share: number;
}

/** One parent → child link after SplitShard, MergeShards or UpdateShardCount. */
export interface LineageEdge {
  readonly parentShardId: string;
  readonly childShardId: string;
  readonly operation: 'SplitShard' | 'MergeShards' | 'UpdateShardCount';
  readonly atMs: number;
}

/**
 * What the producers writing to a stream offered over the whole run so far. Records count each user record
 * once; attempts count every refused put, so attemptsThrottled ≥ recordsThrottled.
 */
export interface StreamWrites {
  readonly recordsOffered: number;
  readonly recordsAccepted: number;
  /** Distinct records refused at least once. */
  readonly recordsThrottled: number;
  /** Put attempts refused (through the KPL: each user record inside a refused aggregate). */
  readonly attemptsThrottled: number;
  /** Records given up after their last refused attempt: lost. */
  readonly recordsDropped: number;
}

/** One Kinesis stream. */
export interface StreamView {
  readonly name: string;
  readonly status: 'ACTIVE' | 'UPDATING';
  readonly retentionHours: number;
  readonly openShardCount: number;
  readonly writes: StreamWrites;
  /**
   * Every shard not yet expired, open and closed, in creation order — or, for a stream of more than
   * `MAX_SHARD_VIEWS` shards, the busiest open ones and those a marked key lands on (see `omitted`).
   */
  readonly shards: readonly ShardView[];
  /** Present when `shards` lists only some of the stream's shards: what the others add up to. */
  readonly omitted?: OmittedShardsView;
  readonly limits: ShardLimitsView;
  /** Marks for the shard map: the hottest keys of each producer writing to this stream. */
  readonly keyLandings: readonly KeyLanding[];
  readonly lineage: readonly LineageEdge[];
  /** How the producers choose keys, as the "change key strategy" action shows it (`zipf over 100 keys, s=1.2`). */
  readonly keyStrategies: readonly { readonly producer: string; readonly description: string }[];
  /** Whose Kinesis API the run follows, and whether its scenario lets UpdateShardCount run in 2016 (for the real commands). */
  readonly api: { readonly era: Era; readonly allowUpdateShardCount: boolean };
}

/** The shards a frame does not list one by one, summed. */
export interface OmittedShardsView {
  readonly shards: number;
  readonly openShards: number;
  readonly incomingRecords: number;
  readonly incomingBytes: number;
  /** Put attempts refused (a record resent and refused again counts twice). */
  readonly attemptsThrottled: number;
}

/** A KCL worker (one process of the application). */
export interface KclWorkerView {
  readonly workerId: string;
  readonly alive: boolean;
  readonly leasesHeld: number;
}

/** One row of a KCL application's lease table (the DynamoDB table the KCL keeps). */
export interface LeaseView {
  /** The shard id: the lease key. */
  readonly leaseKey: string;
  /** Worker that holds the lease, or null when nobody does. */
  readonly leaseOwner: string | null;
  /** Incremented by the owner on every renewal; a counter that stops moving lets others take the lease. */
  readonly leaseCounter: number;
  /** Sequence number processed up to, or `TRIM_HORIZON`, `LATEST`, `SHARD_END`. */
  readonly checkpoint: string;
  readonly parentShardIds: readonly string[];
  /** True while the shard's parents are not yet drained (the KCL processes parents before children). */
  readonly waitingForParents: boolean;
  /**
   * Whether the owner is a running worker. A crashed worker's lease stays in its name, unprocessed, until
   * another worker sees it expire and takes it (false); null when nobody owns it yet.
   */
  readonly ownerRunning: boolean | null;
  /** Where the owner's record processor resumed: the lease's checkpoint when it started (null before). */
  readonly startedFrom: string | null;
  /** How far behind the tip the shard is (ms), also while nobody reads it. */
  readonly behindTipMs: number;
  /** User records of this shard never processed: passed over by a new owner that started at LATEST. */
  readonly recordsSkipped: number;
}

/** One fact of a consumer summary, shown as a labelled value. */
export interface SummaryFact {
  readonly label: string;
  /** Already formatted for the learner (`1.4 s`, `312 records`). */
  readonly value: string;
  /** True when the value signals trouble (falling behind, growing delay). */
  readonly warning?: boolean;
}

/** Fields every consumer application view has. */
interface ConsumerViewBase {
  readonly name: string;
  readonly stream: string;
  /** GetRecords.IteratorAgeMilliseconds per period (Maximum): how far behind the consumer reads. */
  readonly iteratorAgeMs: SeriesWindow;
  readonly recordsProcessed: number;
  /** Kind-specific facts for the summary card. */
  readonly facts: readonly SummaryFact[];
}

/** A KCL application: its workers and lease table. */
export interface KclConsumerView extends ConsumerViewBase {
  readonly kind: 'kcl';
  readonly workers: readonly KclWorkerView[];
  readonly leases: readonly LeaseView[];
}

/** A Lambda function with a Kinesis event source mapping. */
export interface LambdaConsumerView extends ConsumerViewBase {
  readonly kind: 'lambda';
  readonly batchSize: number;
  readonly invocations: number;
}

/** A Spark Streaming application reading the stream with Kinesis receivers. */
export interface SparkConsumerView extends ConsumerViewBase {
  readonly kind: 'spark';
  readonly batchIntervalSeconds: number;
  /** Processing time of each recent batch (ms), one value per batch. */
  readonly processingTimeMs: SeriesWindow;
  /** Scheduling delay of each recent batch (ms): grows without bound when processing outlasts the interval. */
  readonly schedulingDelayMs: SeriesWindow;
}

/** Any consumer application. */
export type ConsumerView = KclConsumerView | LambdaConsumerView | SparkConsumerView;

/** One Firehose delivery stream: its buffer filling up against its buffering hints. */
export interface DeliveryStreamView {
  readonly name: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly compression: string;
  /** BufferingHints: SizeInMBs in bytes and IntervalInSeconds; delivery happens when the first is reached. */
  readonly bufferingHints: { readonly sizeBytes: number; readonly intervalSeconds: number };
  /** What waits in the buffer now; `ageMs` is the age of its oldest record, null when empty. */
  readonly buffer: { readonly bytes: number; readonly records: number; readonly ageMs: number | null };
  readonly incomingRecords: number;
  readonly incomingBytes: number;
  /** Record entries refused for throughput: put attempts, a resend refused again counting twice. */
  readonly attemptsThrottled: number;
  /** The most recent deliveries, newest first (bounded). */
  readonly deliveries: readonly DeliveryView[];
  readonly deliveryCount: number;
  /** The last delivery failure, shown until a delivery succeeds. */
  readonly deliveryError: string | null;
}

/** One object a delivery stream wrote to S3. */
export interface DeliveryView {
  readonly key: string;
  readonly records: number;
  readonly bytes: number;
  readonly compressedBytes: number;
  readonly deliveredAtMs: number;
  readonly trigger: 'size' | 'interval';
}

/** One S3 object in the browser list. */
export interface S3ObjectView {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly lastModifiedMs: number;
  readonly contentEncoding: string | null;
  readonly etag: string;
}

/** The S3 browser list: the newest objects (bounded) and the totals over all of them. */
export interface S3View {
  readonly objects: readonly S3ObjectView[];
  readonly objectCount: number;
  readonly storedBytes: number;
}

/** An object's content, fetched on request (not part of every frame). */
export interface ObjectBodyView {
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
  readonly contentEncoding: string | null;
  /** Bytes stored in S3. */
  readonly storedBytes: number;
  /** Bytes after decompression. */
  readonly decodedBytes: number;
  /** The decoded content as UTF-8 text, cut at a preview limit. */
  readonly text: string;
  readonly truncated: boolean;
}

/** One line of the cost meter. */
export interface CostLineView {
  readonly label: string;
  readonly dollars: number;
  /** Where the price comes from: the price-book entry and its AWS-FACTS source tag. */
  readonly source: string;
  /** The billed quantity, in one phrase (`0.083 shard-hours`). */
  readonly detail: string;
  /** Where the model approximates this line (prorating, rounding), or null. */
  readonly approximation: string | null;
}

/** The cost meter: what the run has cost so far. */
export interface CostView {
  readonly lines: readonly CostLineView[];
  readonly totalDollars: number;
  /** The price book in use (`2016 (us-east-1)`). */
  readonly priceBook: string;
  /** Lines the price book has no sourced price for, with the reason (never shown as $0). */
  readonly unpriced: readonly { readonly label: string; readonly reason: string }[];
}

/** One console action or timed scenario action, with the AWS CLI call that does the same in a real account. */
export interface ActionLogEntry {
  readonly atMs: number;
  /** What was done, in words (`Split shardId-000000000000 at the middle of its range`). */
  readonly label: string;
  /** The equivalent `aws …` command, or why there is none (refused, or not in the era). */
  readonly cliCommand: RealCommand;
  readonly outcome: 'ok' | 'error';
  /** The AWS error code and sentence when it failed. */
  readonly message: string | null;
  /** True for actions the scenario scheduled, false for the learner's own. */
  readonly scheduled: boolean;
}

/** Which level of detail the run uses (record or rate) and why. */
export interface LevelView {
  readonly requested: 'auto' | 'record' | 'rate';
  readonly used: 'record' | 'rate';
  readonly reason: string;
}

/** Everything the console shows in one frame. */
export interface ConsoleView {
  /** Name of the scenario being run (built-in title or `Custom scenario`). */
  readonly scenarioName: string;
  readonly era: Era;
  readonly level: LevelView;
  readonly clock: ClockView;
  readonly streams: readonly StreamView[];
  readonly consumers: readonly ConsumerView[];
  readonly firehose: readonly DeliveryStreamView[];
  readonly s3: S3View;
  readonly cost: CostView;
  /** The most recent actions, newest first (bounded). */
  readonly actions: readonly ActionLogEntry[];
  /** Where the model approximates AWS, said plainly (shown under the panels). */
  readonly notes: readonly string[];
}
