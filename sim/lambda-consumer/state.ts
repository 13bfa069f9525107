import type { ConsumerStateBase } from '../consumers/index.ts';
import type { ShardCursor } from '../consumers/index.ts';
import type { Era } from '../core/index.ts';
import type { LambdaConsumerConfig } from './config.ts';

/**
 * What the event source mapping is doing with one shard:
 * - `WAITING_FOR_PARENTS`: a child shard after a reshard, held until its parents are read to the end;
 * - `POLLING`: waiting for its next GetRecords;
 * - `INVOKING`: a batch is in the function (one at a time per shard, row 43);
 * - `FINISHED`: a closed shard read to its end, or a shard that expired.
 */
export type LambdaShardStatus = 'WAITING_FOR_PARENTS' | 'POLLING' | 'INVOKING' | 'FINISHED';

/** The batch currently in the function. */
export interface LambdaInFlightBatch {
  readonly firstSequenceNumber: string;
  readonly firstArrivalMs: number;
  readonly lastSequenceNumber: string;
  readonly lastOrdinal: number;
  /** Kinesis records in the batch (a KPL aggregate counts once). */
  readonly records: number;
  /** Records the function handles: user records when it de-aggregates, else `records`. */
  readonly handledRecords: number;
  readonly bytes: number;
  readonly startedAtMs: number;
  readonly endsAtMs: number;
  readonly durationMs: number;
  /** Decided when the batch is handed to the function (error window or poison record). */
  readonly fails: boolean;
  /** More records are waiting (MillisBehindLatest > 0 or a full batch): poll again as soon as it returns. */
  readonly backlog: boolean;
  /** The shard is closed and this batch reaches its end. */
  readonly endOfShard: boolean;
}

/** One poll as the console lists it. */
export interface LambdaPollSample {
  readonly atMs: number;
  /** Records handed to the function (0 for an empty poll). */
  readonly batchSize: number;
  readonly iteratorAgeMs: number;
  readonly outcome: 'EMPTY' | 'OK' | 'FUNCTION_ERROR' | 'THROTTLED';
}

/** Running totals of one shard (and, summed, of the consumer). */
export interface LambdaTotals {
  polls: number;
  emptyPolls: number;
  throttledPolls: number;
  invocations: number;
  failedInvocations: number;
  /** Records the function handled successfully (user records when it de-aggregates). */
  recordsProcessed: number;
  bytesProcessed: number;
  /** Records trimmed by retention before the function could process them successfully. */
  recordsExpired: number;
  durationMs: number;
  billedDurationMs: number;
  gbSeconds: number;
  maxIteratorAgeMs: number;
  /** Records seen out of sequence-number order within the shard (the model guarantees 0). */
  outOfOrder: number;
}

/** The event source mapping's state for one shard. */
export interface LambdaShardPoller {
  readonly shardId: string;
  readonly parentShardIds: readonly string[];
  status: LambdaShardStatus;
  /** Where the next GetRecords reads (iterator, or where a new iterator starts). */
  readonly cursor: ShardCursor;
  /** Sequence number of the last record the function processed successfully. */
  checkpoint: string | null;
  /** First record of the batch being retried after a function error, or null. */
  retryFrom: string | null;
  /** Ordinal the next record should have; a gap means records expired unprocessed. */
  nextExpectedOrdinal: number | null;
  nextWakeAtMs: number;
  lastPollAtMs: number | null;
  inFlight: LambdaInFlightBatch | null;
  /** Failed attempts of the current batch in a row. */
  consecutiveFailures: number;
  /** Age of the newest record of the last batch when it was read (GetRecords.IteratorAgeMilliseconds). */
  iteratorAgeMs: number;
  /** The last polls, newest last (at most `RECENT_POLLS`). */
  recent: LambdaPollSample[];
  readonly totals: LambdaTotals;
}

/** Plain, JSON-serializable state of one Lambda consumer (function + event source mapping). */
export interface LambdaConsumerState extends ConsumerStateBase {
  readonly kind: 'lambda';
  readonly config: LambdaConsumerConfig;
  /** Billing rules in force (set from the Kinesis model's era when the consumer starts). */
  era: Era;
  /** One poller per shard the mapping has seen, in discovery order. */
  pollers: LambdaShardPoller[];
  /** The stream's `routeVersion` when shards were last discovered (-1: never). */
  seenRouteVersion: number;
  /** Set when the stream cannot be read at all (for example it does not exist). */
  error: string | null;
}

/** Polls kept per shard for the console. */
export const RECENT_POLLS = 30;

/** Zeroed totals. */
export function emptyTotals(): LambdaTotals {
  return {
    polls: 0,
    emptyPolls: 0,
    throttledPolls: 0,
    invocations: 0,
    failedInvocations: 0,
    recordsProcessed: 0,
    bytesProcessed: 0,
    recordsExpired: 0,
    durationMs: 0,
    billedDurationMs: 0,
    gbSeconds: 0,
    maxIteratorAgeMs: 0,
    outOfOrder: 0,
  };
}

/** A consumer that has not polled yet; `discoverShards` adds its shards. */
export function createLambdaConsumerState(
  config: LambdaConsumerConfig,
  era: Era = '2016',
): LambdaConsumerState {
  return {
    kind: 'lambda',
    config,
    era,
    pollers: [],
    seenRouteVersion: -1,
    error: null,
    reads: { shards: {} },
  };
}

/** The consumer's totals summed over its shards. */
export function lambdaTotals(state: LambdaConsumerState): LambdaTotals {
  const sum = emptyTotals();
  for (const poller of state.pollers) {
    const t = poller.totals;
    for (const key of Object.keys(sum) as (keyof LambdaTotals)[]) {
      sum[key] = key === 'maxIteratorAgeMs' ? Math.max(sum[key], t[key]) : sum[key] + t[key];
    }
  }
  return sum;
}
