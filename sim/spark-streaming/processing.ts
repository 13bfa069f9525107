import type { SparkConsumerConfig } from './config.ts';

/** Cores left for processing once every receiver holds its core (never negative). */
export function processingCores(config: Pick<SparkConsumerConfig, 'cores' | 'receivers'>): number {
  return Math.max(0, config.cores - config.receivers);
}

/**
 * Tasks in one batch: each receiver that received data cuts it into one block per block interval, and each
 * block is one task, so about ⌈batch interval ÷ block interval⌉ tasks per receiver (see
 * `SPARK_STREAMING_FACTS.defaultBlockIntervalMs`).
 */
export function tasksPerBatch(
  config: Pick<SparkConsumerConfig, 'batchIntervalSeconds' | 'blockIntervalMs'>,
  receiversWithData: number,
): number {
  const blocks = Math.ceil((config.batchIntervalSeconds * 1000) / config.blockIntervalMs);
  return receiversWithData * blocks;
}

/** How one batch is processed under the model. */
export interface BatchProcessing {
  readonly tasks: number;
  /** Tasks running at once: min(processing cores, tasks); 0 when no core is left for processing. */
  readonly parallelism: number;
  /** Processing time, or null when the batch can never run (no core left after the receivers). */
  readonly processingMs: number | null;
}

/**
 * The processing time model, stated: `batchOverheadMs + records × perRecordMs ÷ parallelism` with
 * parallelism = min(cores − receivers, tasks). An empty batch still pays the overhead (Spark runs the job).
 * Not a Spark or AWS figure: the per-record cost and overhead are the learner's (or the defaults').
 */
export function batchProcessing(
  config: Pick<
    SparkConsumerConfig,
    'cores' | 'receivers' | 'batchIntervalSeconds' | 'blockIntervalMs' | 'batchOverheadMs' | 'perRecordMs'
  >,
  records: number,
  receiversWithData: number,
): BatchProcessing {
  const cores = processingCores(config);
  const tasks = tasksPerBatch(config, receiversWithData);
  if (cores === 0) return { tasks, parallelism: 0, processingMs: null };
  const parallelism = Math.max(1, Math.min(cores, tasks));
  return {
    tasks,
    parallelism,
    processingMs: config.batchOverheadMs + (records * config.perRecordMs) / parallelism,
  };
}

/** When a batch runs: queued behind the previous batch (one job at a time). */
export interface BatchSchedule {
  readonly startMs: number | null;
  readonly endMs: number | null;
  /** Time the batch waited in the queue: start − batch time. Null while it can never start. */
  readonly schedulingDelayMs: number | null;
  /** Scheduling delay + processing time. */
  readonly totalDelayMs: number | null;
}

/**
 * Schedules a batch generated at `batchTimeMs` on an executor free from `executorFreeAtMs` (null: never,
 * because no core is left for processing). With one job at a time, a batch starts when both it exists and
 * the previous batch has finished; so while processing time stays under the batch interval the scheduling
 * delay stays 0, and once it exceeds the interval every batch waits longer than the one before — without
 * bound, as the Spark Streaming Programming Guide warns ("Setting the Right Batch Interval").
 */
export function scheduleBatch(
  batchTimeMs: number,
  processingMs: number | null,
  executorFreeAtMs: number | null,
): BatchSchedule {
  if (processingMs === null || executorFreeAtMs === null) {
    return { startMs: null, endMs: null, schedulingDelayMs: null, totalDelayMs: null };
  }
  const startMs = Math.max(batchTimeMs, executorFreeAtMs);
  const endMs = startMs + processingMs;
  return { startMs, endMs, schedulingDelayMs: startMs - batchTimeMs, totalDelayMs: endMs - batchTimeMs };
}
