import type { Millis } from '../core/index.ts';
import { currentSchedulingDelayMs, queuedBatches } from './batches.ts';
import { processingCores } from './processing.ts';
import { intervalMs, type SparkBatch, type SparkConsumerState, type SparkTotals } from './state.ts';
import { windowKind, type WindowResult } from './windows.ts';

/** Where a batch is at a given time. */
export type SparkBatchStatus = 'QUEUED' | 'PROCESSING' | 'DONE' | 'NO_CORES';

/** One batch as the console charts it (the Spark UI's Streaming tab columns). */
export interface SparkBatchView {
  readonly batchTimeMs: number;
  readonly records: number;
  readonly processingMs: number | null;
  /** Final once the batch started; until then, how long it has waited so far. */
  readonly schedulingDelayMs: number;
  readonly totalDelayMs: number | null;
  readonly status: SparkBatchStatus;
  /** Window counts due at this batch (empty for batches where no window slides). */
  readonly windowResults: readonly WindowResult[];
}

/** One configured window and its latest result. */
export interface SparkWindowView {
  readonly index: number;
  readonly kind: 'tumbling' | 'sliding';
  readonly lengthSeconds: number;
  readonly slideSeconds: number;
  readonly countBy: string;
  readonly latest: WindowResult | null;
}

/** Plain-data view of a Spark Streaming application for the console and the report. */
export interface SparkConsumerView {
  readonly kind: 'spark';
  readonly name: string;
  readonly stream: string;
  readonly batchIntervalMs: Millis;
  readonly receivers: number;
  readonly cores: number;
  /** Cores left for processing after each receiver holds one. */
  readonly processingCores: number;
  readonly blockIntervalMs: Millis;
  readonly model: { readonly batchOverheadMs: Millis; readonly perRecordMs: Millis; readonly note: string };
  readonly shards: readonly {
    readonly shardId: string;
    readonly receiver: number;
    readonly status: string;
    readonly recordsReceived: number;
    readonly throttledPolls: number;
  }[];
  /** The last batches, oldest first. */
  readonly batches: readonly SparkBatchView[];
  /** Batches generated but not finished. */
  readonly queuedBatches: number;
  /** True while the last batch's processing time is within the batch interval. */
  readonly keepingUp: boolean;
  readonly windows: readonly SparkWindowView[];
  readonly totals: SparkTotals;
  readonly error: string | null;
}

const MODEL_NOTE =
  'Processing time = overhead + records × per-record cost ÷ min(cores − receivers, tasks), one batch at a ' +
  'time: a model with assumed defaults, not a Spark or AWS figure. Each receiver holds one core.';

function statusAt(batch: SparkBatch, now: number): SparkBatchStatus {
  if (batch.startMs === null) return 'NO_CORES';
  if (batch.startMs > now) return 'QUEUED';
  return batch.endMs! > now ? 'PROCESSING' : 'DONE';
}

/** The console's view of a Spark application at `now`, with the last `batchCount` batches. */
export function sparkConsumerView(
  state: SparkConsumerState,
  now: number,
  batchCount = 120,
): SparkConsumerView {
  const { config } = state;
  const last = state.batches[state.batches.length - 1];
  const interval = intervalMs(config);
  return {
    kind: 'spark',
    name: config.name,
    stream: config.stream,
    batchIntervalMs: interval,
    receivers: config.receivers,
    cores: config.cores,
    processingCores: processingCores(config),
    blockIntervalMs: config.blockIntervalMs,
    model: { batchOverheadMs: config.batchOverheadMs, perRecordMs: config.perRecordMs, note: MODEL_NOTE },
    shards: state.readers.map((r) => ({
      shardId: r.shardId,
      receiver: r.receiver,
      status: r.status,
      recordsReceived: r.recordsReceived,
      throttledPolls: r.throttledPolls,
    })),
    batches: state.batches.slice(-batchCount).map((b) => ({
      batchTimeMs: b.batchTimeMs,
      records: b.records,
      processingMs: b.processingMs,
      schedulingDelayMs: currentSchedulingDelayMs(b, now),
      totalDelayMs: b.totalDelayMs,
      status: statusAt(b, now),
      windowResults: b.windowResults,
    })),
    queuedBatches: queuedBatches(state, now),
    keepingUp: last === undefined || (last.processingMs !== null && last.processingMs <= interval),
    windows: config.windows.map((w, index) => {
      let latest: WindowResult | null = null;
      for (let i = state.batches.length - 1; i >= 0 && latest === null; i--) {
        latest = state.batches[i]!.windowResults.find((r) => r.window === index) ?? null;
      }
      return {
        index,
        kind: windowKind(w, config.batchIntervalSeconds),
        lengthSeconds: w.lengthSeconds,
        slideSeconds: w.slideSeconds ?? config.batchIntervalSeconds,
        countBy: w.countBy === 'field' ? `field ${w.field ?? ''}` : 'partition key',
        latest,
      };
    }),
    totals: { ...state.totals },
    error: state.error,
  };
}
