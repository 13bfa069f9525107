import type { ConsumerStateBase } from '../consumers/index.ts';
import type { ShardCursor } from '../consumers/index.ts';
import { millis, type Millis } from '../core/index.ts';
import type { SparkConsumerConfig } from './config.ts';
import { countSpecOf, emptyKeyCounts, type BatchKeyCounts, type WindowResult } from './windows.ts';

/** A receiver's reading of one shard (the KCL record processor inside the receiver). */
export interface SparkShardReader {
  readonly shardId: string;
  readonly parentShardIds: readonly string[];
  /** Index of the receiver (0-based) that holds the shard's lease. */
  readonly receiver: number;
  status: 'WAITING_FOR_PARENTS' | 'READING' | 'FINISHED';
  readonly cursor: ShardCursor;
  nextPollAtMs: number;
  recordsReceived: number;
  throttledPolls: number;
}

/** The batch being filled: records received during [batchTimeMs − interval, batchTimeMs). */
export interface SparkOpenBatch {
  readonly batchTimeMs: number;
  records: number;
  bytes: number;
  /** Receivers that received data during the interval (their blocks become the batch's tasks). */
  readonly receiversWithData: number[];
  /** Records received per shard, credited as processed when the batch's job ends. */
  readonly shardRecords: ShardRecordCount[];
  readonly keyCounts: BatchKeyCounts;
}

/** Records of one shard in one batch. */
export interface ShardRecordCount {
  readonly shardId: string;
  records: number;
}

/** A generated batch whose records are not yet credited as processed (its job has not ended). */
export interface PendingCredit {
  /** When the batch's job ends; null when it can never run. */
  readonly endMs: number | null;
  readonly shardRecords: readonly ShardRecordCount[];
}

/** A generated batch, as the Spark UI's Streaming tab lists it. */
export interface SparkBatch {
  readonly batchTimeMs: number;
  readonly records: number;
  readonly bytes: number;
  readonly tasks: number;
  readonly parallelism: number;
  /** Null when no core is left for processing: the batch can never run. */
  readonly processingMs: number | null;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly schedulingDelayMs: number | null;
  readonly totalDelayMs: number | null;
  /** Window results due at this batch (computed on its records and the previous batches'). */
  readonly windowResults: readonly WindowResult[];
}

/** Running totals of the application. */
export interface SparkTotals {
  batches: number;
  records: number;
  bytes: number;
  throttledPolls: number;
  maxSchedulingDelayMs: number;
  maxProcessingMs: number;
}

/** Plain, JSON-serializable state of one Spark Streaming application on a Kinesis stream. */
export interface SparkConsumerState extends ConsumerStateBase {
  readonly kind: 'spark';
  readonly config: SparkConsumerConfig;
  readers: SparkShardReader[];
  /** The stream's `routeVersion` when shards were last discovered (-1: never). */
  seenRouteVersion: number;
  open: SparkOpenBatch;
  /** Per-batch key counts kept as long as the longest window needs them. */
  keyHistory: BatchKeyCounts[];
  /** The last `RETAINED_BATCHES` batches, oldest first. */
  batches: SparkBatch[];
  /** Generated batches whose job has not ended yet, oldest first. */
  pendingCredits: PendingCredit[];
  /** When the executor finishes the last queued batch; null when no core is left to process. */
  executorFreeAtMs: number | null;
  readonly totals: SparkTotals;
  error: string | null;
}

/** Batches kept for the console (older ones leave only their totals). */
export const RETAINED_BATCHES = 1000;

/** Count specs the application's windows need (each counted once per batch). */
export function countSpecs(config: SparkConsumerConfig): string[] {
  return [...new Set(config.windows.map(countSpecOf))];
}

/** An empty batch ending at `batchTimeMs`. */
export function openBatch(config: SparkConsumerConfig, batchTimeMs: number): SparkOpenBatch {
  return {
    batchTimeMs,
    records: 0,
    bytes: 0,
    receiversWithData: [],
    shardRecords: [],
    keyCounts: {
      batchTimeMs,
      bySpec: countSpecs(config).map((spec) => ({ spec, counts: emptyKeyCounts() })),
    },
  };
}

/** The batch interval in ms. */
export function intervalMs(config: SparkConsumerConfig): Millis {
  return millis(Math.round(config.batchIntervalSeconds * 1000));
}

/** An application that has not started reading; the first batch covers [0, interval). */
export function createSparkConsumerState(config: SparkConsumerConfig): SparkConsumerState {
  return {
    kind: 'spark',
    config,
    readers: [],
    seenRouteVersion: -1,
    open: openBatch(config, intervalMs(config)),
    keyHistory: [],
    batches: [],
    pendingCredits: [],
    executorFreeAtMs: config.cores > config.receivers ? 0 : null,
    totals: {
      batches: 0,
      records: 0,
      bytes: 0,
      throttledPolls: 0,
      maxSchedulingDelayMs: 0,
      maxProcessingMs: 0,
    },
    error: null,
    reads: { shards: {} },
  };
}
