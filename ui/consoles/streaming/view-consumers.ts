/**
 * The consumer part of a console frame: each consumer application with its lag over time (the largest
 * MillisBehindLatest over its shards, per period) and its kind's own figures — the KCL lease table and
 * workers, Lambda invocations, Spark batches.
 */
import type { MetricStore } from '../../../sim/core/index.ts';
import { formatCount, formatDuration } from '../../../sim/core/index.ts';
import type { ConsumerStateBase } from '../../../sim/consumers/index.ts';
import type { ConsumerEntry, ConsumersState } from '../../../sim/consumers/index.ts';
import { lagMetricId } from '../../../sim/consumers/index.ts';
import type { KclConfig } from '../../../sim/kcl/index.ts';
import { describeCheckpointPolicy } from '../../../sim/kcl/index.ts';
import type { KclAppState } from '../../../sim/kcl/index.ts';
import type { LambdaConsumerState } from '../../../sim/lambda-consumer/index.ts';
import { sparkConsumerView } from '../../../sim/spark-streaming/index.ts';
import type { SparkConsumerState } from '../../../sim/spark-streaming/index.ts';
import type { ConsumerView, LeaseView, SeriesWindow, SummaryFact } from './console-view.ts';
import { seriesWindow } from './series-window.ts';

/** Element-wise maximum of windows that share their start and period. */
function maxWindow(windows: readonly SeriesWindow[], fallback: SeriesWindow): SeriesWindow {
  if (windows.length === 0) return fallback;
  const values = windows[0]!.values.map((_, i) => Math.max(...windows.map((w) => w.values[i] ?? 0)));
  return { startMs: windows[0]!.startMs, periodMs: windows[0]!.periodMs, values };
}

function lagWindow(entry: ConsumerEntry, metrics: MetricStore, nowMs: number): SeriesWindow {
  const shardIds = new Set(Object.keys(entry.state.reads.shards));
  // A KCL shard nobody has read yet (a child waiting for its parent) has a lag too: the sampler's.
  if (entry.config.type === 'kcl')
    for (const id of Object.keys((entry.state as KclAppState).behindTipMillis)) shardIds.add(id);
  const windows = [...shardIds].map((shardId) =>
    seriesWindow(metrics, lagMetricId(entry.config.name, shardId), nowMs, 'maximum'),
  );
  return maxWindow(windows, seriesWindow(metrics, lagMetricId(entry.config.name, ''), nowMs, 'maximum'));
}

function readTotals(state: ConsumerStateBase) {
  let recordsProcessed = 0;
  let readThrottles = 0;
  let behind = 0;
  for (const stats of Object.values(state.reads.shards)) {
    recordsProcessed += stats.recordsProcessed;
    readThrottles += stats.readThrottles;
    behind = Math.max(behind, stats.millisBehindLatest);
  }
  return { recordsProcessed, readThrottles, behind };
}

const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : formatDuration(ms / 1000));

function leaseViews(app: KclAppState): LeaseView[] {
  // One set, not a search of every lease per parent: that was quadratic in the shard count.
  const finished = new Set(app.finishedShards);
  for (const lease of app.leases) if (lease.checkpoint === 'SHARD_END') finished.add(lease.leaseKey);
  const done = (shardId: string) => finished.has(shardId);
  const running = new Map(app.workers.filter((w) => w.status === 'RUNNING').map((w) => [w.workerId, w]));
  return app.leases.map((lease) => ({
    leaseKey: lease.leaseKey,
    leaseOwner: lease.leaseOwner,
    leaseCounter: lease.leaseCounter,
    checkpoint: lease.checkpoint,
    parentShardIds: [...lease.parentShardIds],
    waitingForParents: lease.parentShardIds.some((parent) => !done(parent)),
    ownerRunning: lease.leaseOwner === null ? null : running.has(lease.leaseOwner),
    startedFrom: running.get(lease.leaseOwner ?? '')?.processors[lease.leaseKey]?.startedFrom ?? null,
    behindTipMs:
      app.behindTipMillis[lease.leaseKey] ?? app.reads.shards[lease.leaseKey]?.millisBehindLatest ?? 0,
    recordsSkipped: app.skippedByShard[lease.leaseKey] ?? 0,
  }));
}

/** The KCL's own facts: checkpoints, and what the lease moves did to the records. */
function kclFacts(app: KclAppState, config: KclConfig): SummaryFact[] {
  const { stats } = app;
  const byCause = stats.duplicatesByCause;
  const facts: SummaryFact[] = [
    {
      label: 'Checkpoint policy',
      value: describeCheckpointPolicy({
        intervalSeconds: config.checkpointIntervalSeconds,
        firstCheckpoint: config.firstCheckpoint,
        everyRecords: config.checkpointEveryRecords,
      }),
    },
    { label: 'Checkpoints written', value: formatCount(stats.checkpoints) },
    { label: 'Leases stolen', value: formatCount(stats.leasesStolen) },
    {
      label: 'Records skipped (never processed)',
      value: formatCount(stats.userRecordsSkipped),
      warning: stats.userRecordsSkipped > 0,
    },
    {
      label: 'Processed twice after a failover',
      value: formatCount(byCause.failover),
      warning: byCause.failover > 0,
    },
    {
      label: 'Processed twice after a lease was stolen',
      value: formatCount(byCause.leaseStolen),
      warning: byCause.leaseStolen > 0,
    },
  ];
  if (byCause.workerRestart > 0) {
    facts.push({
      label: 'Processed twice after a worker restarted',
      value: formatCount(byCause.workerRestart),
      warning: true,
    });
  }
  return facts;
}

function consumerView(entry: ConsumerEntry, metrics: MetricStore, nowMs: number): ConsumerView {
  const totals = readTotals(entry.state);
  if (entry.config.type === 'kcl') {
    // Also the shards nobody reads now: a crashed owner's, one waiting to be taken or for its parents.
    const app = entry.state as KclAppState;
    for (const behind of Object.values(app.behindTipMillis)) totals.behind = Math.max(totals.behind, behind);
  }
  const common: SummaryFact[] = [
    { label: 'Behind the tip', value: seconds(totals.behind), warning: totals.behind >= 10_000 },
    {
      label: 'Throttled GetRecords calls',
      value: formatCount(totals.readThrottles),
      warning: totals.readThrottles > 0,
    },
  ];
  const base = {
    name: entry.config.name,
    stream: entry.config.stream,
    iteratorAgeMs: lagWindow(entry, metrics, nowMs),
    recordsProcessed: totals.recordsProcessed,
  };
  if (entry.config.type === 'kcl') {
    const app = entry.state as KclAppState;
    return {
      ...base,
      kind: 'kcl',
      workers: app.workers.map((w) => ({
        workerId: w.workerId,
        alive: w.status === 'RUNNING',
        leasesHeld: Object.keys(w.held).length,
      })),
      leases: leaseViews(app),
      facts: [...common, ...kclFacts(app, entry.config as KclConfig)],
    };
  }
  if (entry.config.type === 'lambda') {
    const lambda = entry.state as unknown as LambdaConsumerState;
    let invocations = 0;
    let failed = 0;
    for (const poller of lambda.pollers) {
      invocations += poller.totals.invocations;
      failed += poller.totals.failedInvocations;
    }
    return {
      ...base,
      kind: 'lambda',
      batchSize: lambda.config.batchSize,
      invocations,
      facts: [
        ...common,
        { label: 'Invocations', value: formatCount(invocations) },
        { label: 'Failed invocations', value: formatCount(failed), warning: failed > 0 },
      ],
    };
  }
  return sparkView(entry, base, common, nowMs);
}

/** Batches charted for a Spark application (its most recent ones). */
const SPARK_BATCHES = 60;

/**
 * A Spark Streaming consumer: one value per batch (the window's period is the batch interval), the
 * processing time of each finished batch and the scheduling delay of every batch so far.
 */
function sparkView(
  entry: ConsumerEntry,
  base: Pick<ConsumerView, 'name' | 'stream' | 'iteratorAgeMs' | 'recordsProcessed'>,
  common: readonly SummaryFact[],
  nowMs: number,
): ConsumerView {
  const spark = sparkConsumerView(entry.state as unknown as SparkConsumerState, nowMs, SPARK_BATCHES);
  const window = (pick: (b: (typeof spark.batches)[number]) => number): SeriesWindow => ({
    startMs: spark.batches[0]?.batchTimeMs ?? nowMs,
    periodMs: spark.batchIntervalMs,
    values: spark.batches.map(pick),
  });
  const last = spark.batches.at(-1);
  return {
    ...base,
    kind: 'spark',
    batchIntervalSeconds: spark.batchIntervalMs / 1000,
    processingTimeMs: window((b) => b.processingMs ?? 0),
    schedulingDelayMs: window((b) => b.schedulingDelayMs),
    facts: [
      ...common,
      { label: 'Batches', value: formatCount(spark.totals.batches) },
      { label: 'Batches waiting', value: formatCount(spark.queuedBatches), warning: spark.queuedBatches > 1 },
      {
        label: 'Last scheduling delay',
        value: last === undefined ? '—' : seconds(last.schedulingDelayMs),
        warning: !spark.keepingUp,
      },
      { label: 'Cores for processing', value: `${spark.processingCores} of ${spark.cores}` },
    ],
  };
}

/** Every consumer of the run, in scenario order (none when the run has no consumers component). */
export function consumerViews(consumers: unknown, metrics: MetricStore, nowMs: number): ConsumerView[] {
  const entries = (consumers as ConsumersState | undefined)?.consumers ?? [];
  return entries.map((entry) => consumerView(entry, metrics, nowMs));
}
