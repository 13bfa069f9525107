import type { ConsumerContext } from '../consumers/index.ts';
import { shardReadStats } from '../consumers/index.ts';
import { newCursor, pollShard, type CursorStart } from '../consumers/index.ts';
import { millis } from '../core/index.ts';
import type { KinesisRecord } from '../kinesis/index.ts';
import { deaggregate, hasAggregationMagic } from '../kpl/index.ts';
import { KCL_DEFAULTS, type KclConfig } from './config.ts';
import { checkpointLease, findLease, syncShards } from './lease-table.ts';
import { fillsSkippedRange, passOverToTip } from './skipped.ts';
import {
  logLeaseEvent,
  MAX_ORDER_CHECKED_KEYS,
  type KclAppState,
  type KclWorker,
  type RecordProcessor,
} from './state.ts';

type Ctx = ConsumerContext<KclConfig, KclAppState>;

/** The timer that drives one record processor. */
export interface PollTimer {
  readonly [key: string]: string | number;
  readonly timer: 'poll';
  readonly workerId: string;
  readonly shardId: string;
  readonly processor: number;
}

/** A new record processor for a shard the worker has just taken; its first step runs at once. */
export function startProcessor(ctx: Ctx, worker: KclWorker, shardId: string): void {
  const processor: RecordProcessor = {
    shardId,
    id: ctx.state.nextProcessorId++,
    status: 'BLOCKED_ON_PARENT_SHARDS',
    cursor: null,
    startedFrom: null,
    nextCheckpointAt: ctx.now,
    recordsSinceCheckpoint: 0,
    uncheckpointed: null,
  };
  worker.processors[shardId] = processor;
  setPoll(ctx, worker, processor, ctx.now);
}

function setPoll(ctx: Ctx, worker: KclWorker, processor: RecordProcessor, at: number): void {
  const timer: PollTimer = {
    timer: 'poll',
    workerId: worker.workerId,
    shardId: processor.shardId,
    processor: processor.id,
  };
  ctx.setTimer(millis(at), timer);
}

function cursorStart(checkpoint: string): CursorStart {
  if (checkpoint === 'TRIM_HORIZON' || checkpoint === 'LATEST') return { type: checkpoint };
  return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: checkpoint };
}

/**
 * BlockOnParentShardTask then InitializeTask: the processor waits until every parent shard's lease is at
 * SHARD_END (or gone, once finished and cleaned up), checking every parentShardPollIntervalMillis; then it
 * starts reading after the lease's checkpoint. Returns false while still blocked.
 */
function initialize(ctx: Ctx, worker: KclWorker, processor: RecordProcessor): boolean {
  const lease = findLease(ctx.state, processor.shardId);
  if (lease === undefined) return false;
  const waiting = lease.parentShardIds.filter((p) => {
    const parent = findLease(ctx.state, p);
    return parent !== undefined && parent.checkpoint !== 'SHARD_END';
  });
  if (waiting.length > 0) {
    logLeaseEvent(ctx.state, {
      at: ctx.now,
      event: 'blockedOnParent',
      workerId: worker.workerId,
      shardId: processor.shardId,
    });
    return false;
  }
  processor.startedFrom = lease.checkpoint;
  if (lease.checkpoint === 'SHARD_END') {
    processor.status = 'SHARD_END';
    return true;
  }
  processor.status = 'PROCESSING';
  processor.cursor = newCursor(processor.shardId, cursorStart(lease.checkpoint));
  // The policy's clock starts when the processor is initialized (the samples set it in `initialize`).
  processor.nextCheckpointAt =
    ctx.config.firstCheckpoint === 'FIRST_BATCH'
      ? ctx.now
      : ctx.now + ctx.config.checkpointIntervalSeconds * 1000;
  logLeaseEvent(ctx.state, {
    at: ctx.now,
    event: 'initialized',
    workerId: worker.workerId,
    shardId: processor.shardId,
    position: lease.checkpoint,
  });
  return true;
}

/**
 * The record processor's checkpoint policy, as AWS's samples write it: after a batch, checkpoint when the
 * interval has passed since the last checkpoint (or since `initialize`), or — when the application sets
 * checkpointEveryRecords — once that many user records were processed since the last one.
 */
function checkpointDue(config: KclConfig, processor: RecordProcessor, now: number): boolean {
  if (processor.uncheckpointed === null) return false;
  const everyRecords = config.checkpointEveryRecords;
  if (everyRecords > 0 && processor.recordsSinceCheckpoint >= everyRecords) return true;
  return now >= processor.nextCheckpointAt;
}

/**
 * Hands a batch to the application's code: de-aggregates KPL records (AWS-FACTS §2.1), counts user
 * records, spots re-deliveries (Kinesis records at or before the furthest one already processed in the
 * shard) and checks per-key order. The order check compares sequence numbers across shards, which is sound
 * in this simulator because its sequence numbers are fixed-length digit strings that start with the
 * arrival time (sim/kinesis/sequence.ts): a child shard's records all arrive after its parent closed.
 */
function processBatch(
  ctx: Ctx,
  worker: KclWorker,
  shardId: string,
  records: readonly KinesisRecord[],
): number {
  const app = ctx.state;
  const stats = app.stats;
  const keys = app.keyPositions;
  const upTo = app.processedUpTo[shardId];
  let delivered = 0;
  for (const record of records) {
    const sequenceNumber = record.SequenceNumber;
    let partitionKeys: readonly string[];
    if (hasAggregationMagic(record.Data)) {
      const users = deaggregate(record);
      if (!users.ok) {
        stats.deaggregationErrors++;
        continue;
      }
      if (users.value[0]?.aggregated === true) stats.aggregatedKinesisRecords++;
      partitionKeys = users.value.map((u) => u.PartitionKey);
    } else partitionKeys = [record.PartitionKey];
    delivered += partitionKeys.length;
    if (upTo !== undefined && sequenceNumber <= upTo) {
      if (!fillsSkippedRange(app, shardId, sequenceNumber, partitionKeys.length)) {
        stats.duplicateUserRecords += partitionKeys.length;
        stats.duplicatesByCause[app.lastHandover[shardId] ?? 'failover'] += partitionKeys.length;
        continue;
      }
    }
    for (const key of partitionKeys) {
      const last = keys[key];
      if (last !== undefined) {
        if (sequenceNumber < last) stats.outOfOrderUserRecords++;
        else keys[key] = sequenceNumber;
      } else if (app.keysChecked < MAX_ORDER_CHECKED_KEYS) {
        keys[key] = sequenceNumber;
        app.keysChecked++;
      }
    }
  }
  const last = records[records.length - 1];
  if (last !== undefined && (upTo === undefined || last.SequenceNumber > upTo)) {
    app.processedUpTo[shardId] = last.SequenceNumber;
  }
  stats.userRecordsDelivered += delivered;
  shardReadStats(app.reads, shardId).recordsProcessed += delivered;
  worker.recordsProcessed += delivered;
  return delivered;
}

/** SHARD_END: checkpoint it, then sync shards so the children get their leases (the KCL's ShutdownTask). */
function finishShard(ctx: Ctx, worker: KclWorker, processor: RecordProcessor): void {
  if (checkpointLease(ctx.state, worker, processor.shardId, 'SHARD_END', ctx.now)) {
    logLeaseEvent(ctx.state, {
      at: ctx.now,
      event: 'shardEnd',
      workerId: worker.workerId,
      shardId: processor.shardId,
    });
  }
  processor.status = 'SHARD_END';
  processor.uncheckpointed = null;
  syncShards(ctx.state, ctx.kinesis, ctx.config.stream, ctx.config.initialPosition, ctx.now);
}

/**
 * One step of a record processor, every idleTimeBetweenReadsMillis (or later while the worker is busy
 * with earlier batches): GetRecords through the shared Kinesis model, process, checkpoint when due. A
 * processor at SHARD_END keeps syncing shards until its finished lease is cleaned up.
 */
export function stepProcessor(ctx: Ctx, worker: KclWorker, processor: RecordProcessor): void {
  const { config, state: app, now } = ctx;
  const idle = now + config.idleTimeBetweenReadsMillis;
  if (processor.status === 'BLOCKED_ON_PARENT_SHARDS' && !initialize(ctx, worker, processor)) {
    setPoll(ctx, worker, processor, now + KCL_DEFAULTS.parentShardPollIntervalMillis);
    return;
  }
  if (processor.status === 'SHARD_END') {
    syncShards(app, ctx.kinesis, config.stream, config.initialPosition, now);
    if (findLease(app, processor.shardId) === undefined) {
      delete worker.processors[processor.shardId];
      delete worker.held[processor.shardId];
      return;
    }
    setPoll(ctx, worker, processor, idle);
    return;
  }
  const cursor = processor.cursor!;
  const atLatest = cursor.iterator === null && cursor.start.type === 'LATEST';
  const outcome = pollShard(
    {
      kinesis: ctx.kinesis,
      now,
      metrics: ctx.metrics,
      streamName: config.stream,
      consumerName: config.name,
      reads: app.reads,
      limit: config.maxRecords,
    },
    cursor,
  );
  if (atLatest && cursor.iterator !== null) {
    passOverToTip(app, ctx.kinesis, config.stream, worker.workerId, processor.shardId, now);
  }
  if (outcome.status === 'error' && outcome.error.code === 'ResourceNotFoundException') {
    finishShard(ctx, worker, processor);
  }
  let next = idle;
  if (outcome.status === 'records') {
    const delivered = processBatch(ctx, worker, processor.shardId, outcome.records);
    const last = outcome.records[outcome.records.length - 1];
    if (last !== undefined) processor.uncheckpointed = last.SequenceNumber;
    processor.recordsSinceCheckpoint += delivered;
    const done = Math.max(now, worker.busyUntil) + delivered * config.processingMillisPerRecord;
    worker.busyUntil = done;
    next = Math.max(idle, done);
    if (outcome.shardEnded) finishShard(ctx, worker, processor);
    else if (checkpointDue(config, processor, now)) {
      checkpointLease(app, worker, processor.shardId, processor.uncheckpointed!, now);
      processor.uncheckpointed = null;
      processor.recordsSinceCheckpoint = 0;
      processor.nextCheckpointAt = now + config.checkpointIntervalSeconds * 1000;
    }
  }
  setPoll(ctx, worker, processor, next);
}
