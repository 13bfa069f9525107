import { shardReadStats } from '../consumers/index.ts';
import type { MetricId, MetricStore } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { batchProcessing, scheduleBatch } from './processing.ts';
import {
  intervalMs,
  openBatch,
  RETAINED_BATCHES,
  type SparkBatch,
  type SparkConsumerState,
} from './state.ts';
import { windowFiresAt, windowResult } from './windows.ts';

/** Metric ids of an application's batches (namespace of Spark's own StreamingListener figures). */
export function sparkMetricId(name: string, metricName: string): MetricId {
  return { namespace: 'BDLab/SparkStreaming', metricName, dimensions: { Application: name } };
}

function longestWindowMs(state: SparkConsumerState): number {
  let longest = 0;
  for (const w of state.config.windows) longest = Math.max(longest, Math.round(w.lengthSeconds * 1000));
  return longest;
}

/**
 * Generates the batch that was being filled (its interval is over): schedules it behind the previous one,
 * computes the window counts due at its time on the real records received, and opens the next batch.
 */
function generateBatch(state: SparkConsumerState, metrics?: MetricStore): SparkBatch {
  const { config } = state;
  const open = state.open;
  const processing = batchProcessing(config, open.records, open.receiversWithData.length);
  const schedule = scheduleBatch(open.batchTimeMs, processing.processingMs, state.executorFreeAtMs);
  state.executorFreeAtMs = schedule.endMs;
  if (config.windows.length > 0) state.keyHistory.push(open.keyCounts);
  const oldest = open.batchTimeMs - longestWindowMs(state);
  while (state.keyHistory.length > 0 && state.keyHistory[0]!.batchTimeMs <= oldest) state.keyHistory.shift();
  const windowResults = config.windows.flatMap((w, i) =>
    windowFiresAt(w, config.batchIntervalSeconds, open.batchTimeMs)
      ? [windowResult(i, w, state.keyHistory, open.batchTimeMs, config.topKeys)]
      : [],
  );
  const batch: SparkBatch = {
    batchTimeMs: open.batchTimeMs,
    records: open.records,
    bytes: open.bytes,
    tasks: processing.tasks,
    parallelism: processing.parallelism,
    processingMs: processing.processingMs,
    ...schedule,
    windowResults,
  };
  state.batches.push(batch);
  if (open.shardRecords.length > 0) {
    state.pendingCredits.push({ endMs: schedule.endMs, shardRecords: open.shardRecords });
  }
  if (state.batches.length > RETAINED_BATCHES) state.batches.shift();
  const t = state.totals;
  t.batches++;
  t.records += batch.records;
  t.bytes += batch.bytes;
  t.maxProcessingMs = Math.max(t.maxProcessingMs, batch.processingMs ?? 0);
  t.maxSchedulingDelayMs = Math.max(t.maxSchedulingDelayMs, batch.schedulingDelayMs ?? 0);
  if (metrics !== undefined) {
    const at = millis(open.batchTimeMs);
    metrics.put(sparkMetricId(config.name, 'BatchRecords'), at, batch.records, 'Count');
    if (batch.processingMs !== null) {
      metrics.put(sparkMetricId(config.name, 'ProcessingTime'), at, batch.processingMs, 'Milliseconds');
      metrics.put(
        sparkMetricId(config.name, 'SchedulingDelay'),
        at,
        batch.schedulingDelayMs!,
        'Milliseconds',
      );
    }
  }
  state.open = openBatch(config, open.batchTimeMs + intervalMs(config));
  return batch;
}

/**
 * Generates every batch whose interval ended at or before `now` (a batch at time T holds what the
 * receivers got in [T − interval, T)). Call it before adding records received at `now`, so the result is
 * the same whichever of a poll and a batch timer at the same instant runs first.
 */
export function generateDueBatches(
  state: SparkConsumerState,
  now: number,
  metrics?: MetricStore,
): SparkBatch[] {
  const generated: SparkBatch[] = [];
  while (state.open.batchTimeMs <= now) generated.push(generateBatch(state, metrics));
  creditProcessed(state, now);
  return generated;
}

/**
 * Credits the records of every batch whose job has ended by `now` as processed, per shard (the consumers'
 * common `recordsProcessed`); a batch that can never run is never credited.
 */
export function creditProcessed(state: SparkConsumerState, now: number): void {
  while (state.pendingCredits.length > 0) {
    const first = state.pendingCredits[0]!;
    if (first.endMs === null || first.endMs > now) return;
    for (const { shardId, records } of first.shardRecords)
      shardReadStats(state.reads, shardId).recordsProcessed += records;
    state.pendingCredits.shift();
  }
}

/**
 * The scheduling delay a batch has at `now`: its final value once it has started, or how long it has
 * been waiting so far (a batch that can never start waits for ever).
 */
export function currentSchedulingDelayMs(batch: SparkBatch, now: number): number {
  if (batch.startMs !== null && batch.startMs <= now) return batch.schedulingDelayMs!;
  return Math.max(0, now - batch.batchTimeMs);
}

/** Batches generated but not finished at `now` (queued or running). */
export function queuedBatches(state: SparkConsumerState, now: number): number {
  let queued = 0;
  for (let i = state.batches.length - 1; i >= 0; i--) {
    const end = state.batches[i]!.endMs;
    if (end !== null && end <= now) break;
    queued++;
  }
  return queued;
}
