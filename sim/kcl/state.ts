import type { ConsumerStateBase } from '../consumers/index.ts';
import type { ShardCursor } from '../consumers/index.ts';

/** A lease's checkpoint: where its shard's processing has got to. */
export type Checkpoint = 'TRIM_HORIZON' | 'LATEST' | 'SHARD_END' | (string & {});

/**
 * One row of the application's lease table (in AWS a DynamoDB table named after the application), with
 * the attribute names the KCL uses (AWS-FACTS §2.2).
 */
export interface Lease {
  /** The shard id. */
  readonly leaseKey: string;
  /** The worker holding the lease, or null for a lease no worker has taken yet. */
  leaseOwner: string | null;
  /** Incremented on every renewal and take: a counter that stops moving means a dead owner. */
  leaseCounter: number;
  /** TRIM_HORIZON, LATEST, SHARD_END (the shard was finished) or the last checkpointed sequence number. */
  checkpoint: Checkpoint;
  /** Position inside a KPL aggregate (0 when a whole Kinesis record was checkpointed). */
  checkpointSubSequenceNumber: number;
  ownerSwitchesSinceCheckpoint: number;
  /** Parent shards, which must reach SHARD_END before this shard is processed. */
  readonly parentShardIds: readonly string[];
  /** Clock time the counter last changed (for the board; workers judge expiry from their own scans). */
  lastCounterChangeAt: number;
}

/** What a worker's lease taker remembers of a lease: the counter it last saw, and when it saw it change. */
export interface SeenLease {
  readonly counter: number;
  /** Scan time the counter was first seen at this value; null for a new lease nobody owns (never renewed). */
  readonly at: number | null;
}

/** Where a record processor is in its life. */
export type ProcessorStatus = 'BLOCKED_ON_PARENT_SHARDS' | 'PROCESSING' | 'SHARD_END';

/** The record processor a worker runs for one leased shard. */
export interface RecordProcessor {
  readonly shardId: string;
  /** Unique per processor, so timers of a processor that is gone are ignored. */
  readonly id: number;
  status: ProcessorStatus;
  /** Position in the shard once processing has started. */
  cursor: ShardCursor | null;
  /** The lease's checkpoint when the processor started: where it resumed (null while blocked on parents). */
  startedFrom: Checkpoint | null;
  /** Clock time from which the checkpoint policy's interval is due (see `checkpointDue`). */
  nextCheckpointAt: number;
  /** User records processed since the last checkpoint (for a policy of every N records). */
  recordsSinceCheckpoint: number;
  /** Sequence number of the last record processed and not yet checkpointed. */
  uncheckpointed: string | null;
}

/**
 * Why a shard's records reached a record processor a second time: the lease was taken from a worker that
 * stopped renewing it (a failover), stolen from a live worker to balance the load, or the worker itself
 * restarted and took its own leases back. In each case the new processor resumes after the last checkpoint
 * (AWS: kinesis-record-processor-duplicates.md, "Consumer Retries").
 */
export type DuplicateCause = 'failover' | 'leaseStolen' | 'workerRestart';

/**
 * Records a processor passed over: it started at LATEST (the lease had no checkpoint yet) while records the
 * application had never processed were waiting. A zombie processor (one that lost the lease but has not
 * noticed yet) may still fill part of the range; what it does not fill is never processed.
 */
export interface SkippedRange {
  /** Sequence number of the last record processed before the range (exclusive start). */
  readonly after: string;
  /** Sequence number of the last record of the range (inclusive end): the tip when LATEST was asked for. */
  readonly upTo: string;
  /** User records of the range not processed (yet). */
  userRecords: number;
}

/** One worker (a process running the KCL): the leases it believes it holds and their processors. */
export interface KclWorker {
  readonly workerId: string;
  status: 'RUNNING' | 'CRASHED';
  /** False until the worker's first lease-taking scan (scenario workers start within the first second). */
  launched: boolean;
  /** Incremented at each crash and restart, so timers of an earlier life are ignored. */
  incarnation: number;
  startedAt: number;
  crashedAt: number | null;
  /** Leases held, with the lease counter this worker last wrote. */
  held: Record<string, number>;
  /** The lease taker's memory of every lease it scanned. */
  seen: Record<string, SeenLease>;
  processors: Record<string, RecordProcessor>;
  /** The worker processes one batch at a time; it is busy until this time. */
  busyUntil: number;
  recordsProcessed: number;
}

/** Something that happened to a lease or worker, for the board's log. */
export type LeaseEvent = {
  readonly at: number;
  readonly event:
    | 'workerStarted'
    | 'workerCrashed'
    | 'leaseCreated'
    | 'leaseTaken'
    | 'leaseStolen'
    | 'leaseLost'
    | 'shardEnd'
    | 'leaseDeleted'
    | 'blockedOnParent'
    | 'initialized'
    | 'recordsSkipped';
  readonly workerId: string | null;
  readonly shardId: string | null;
  /** The previous owner, for a taken or stolen lease (null otherwise). */
  readonly from: string | null;
  /** For `initialized`: the checkpoint the processor resumed after (TRIM_HORIZON, LATEST or a sequence number). */
  readonly position: Checkpoint | null;
  /** For `recordsSkipped`: how many user records the processor passed over. */
  readonly records: number | null;
};

/** Counters of the application, for the report. */
export type KclStats = {
  /** User records handed to processors (after de-aggregation), re-deliveries included. */
  userRecordsDelivered: number;
  /** User records delivered a second time (from the last checkpoint, after the lease moved), all causes. */
  duplicateUserRecords: number;
  /** The same, by why the lease moved: failover, lease stolen to balance, worker restart. */
  duplicatesByCause: Record<DuplicateCause, number>;
  /**
   * User records never processed: passed over by a processor that started at LATEST because the lease had
   * no checkpoint (InitialPositionInStream applies only to a lease without one), less any a zombie filled.
   */
  userRecordsSkipped: number;
  /** Kinesis records that were KPL aggregates. */
  aggregatedKinesisRecords: number;
  deaggregationErrors: number;
  /** User records of one partition key processed before an earlier record of that key. */
  outOfOrderUserRecords: number;
  checkpoints: number;
  /** Checkpoints refused because the lease had moved to another worker. */
  failedCheckpoints: number;
  leasesTaken: number;
  leasesStolen: number;
  leasesLost: number;
};

/** Most partition keys whose order is checked (the check keeps one position per key). */
export const MAX_ORDER_CHECKED_KEYS = 10_000;
/** How many lease events the log keeps. */
export const MAX_LEASE_EVENTS = 200;

/** A KCL application's whole state (plain JSON). */
export interface KclAppState extends ConsumerStateBase {
  /** The lease table, in creation order. */
  readonly leases: Lease[];
  readonly workers: KclWorker[];
  /** Shards whose finished leases were deleted (cleanupLeasesUponShardCompletion): never leased again. */
  readonly finishedShards: string[];
  nextProcessorId: number;
  nextWorkerNumber: number;
  /**
   * Sequence number of the furthest Kinesis record processed in each shard, or passed over (the records
   * before the application's first LATEST position, or skipped): a record at or before it that comes again
   * (from the last checkpoint after the lease moved) is a duplicate, unless it fills a skipped range. An
   * empty string marks a shard first read at LATEST while it was empty.
   */
  readonly processedUpTo: Record<string, string>;
  /** Why each shard's lease last changed hands, to say why its duplicates came. */
  readonly lastHandover: Record<string, DuplicateCause>;
  /** Ranges passed over in each shard and not (yet) filled. */
  readonly skipped: Record<string, SkippedRange[]>;
  /** User records never processed, by shard (the board's per-lease figure). */
  readonly skippedByShard: Record<string, number>;
  /**
   * How far behind the tip each leased shard is, sampled every second: MillisBehindLatest of the last
   * GetRecords while a processor reads the shard, otherwise the age of the oldest record not processed
   * yet (what GetRecords will report when a worker reads it again). 0 for a LATEST lease nobody started.
   */
  readonly behindTipMillis: Record<string, number>;
  /**
   * Sequence number of the latest record processed for each checked partition key. User records of one
   * KPL aggregate share it, and their order inside the aggregate is the order they were added.
   */
  readonly keyPositions: Record<string, string>;
  keysChecked: number;
  readonly stats: KclStats;
  /** The most recent lease events, oldest first. */
  readonly events: LeaseEvent[];
}

/** Adds an event to the application's log, dropping the oldest beyond MAX_LEASE_EVENTS. */
export function logLeaseEvent(
  app: KclAppState,
  event: Omit<LeaseEvent, 'from' | 'position' | 'records'> &
    Partial<Pick<LeaseEvent, 'from' | 'position' | 'records'>>,
): void {
  app.events.push({
    ...event,
    from: event.from ?? null,
    position: event.position ?? null,
    records: event.records ?? null,
  });
  if (app.events.length > MAX_LEASE_EVENTS) app.events.splice(0, app.events.length - MAX_LEASE_EVENTS);
}
