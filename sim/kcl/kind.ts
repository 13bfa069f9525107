import { defineConsumerKind } from '../consumers/index.ts';
import { kclConsumerSchema, type KclConfig } from './config.ts';
import { syncShards } from './lease-table.ts';
import type { KclAppState } from './state.ts';
import { buildLeaseTableView } from './view.ts';
import { startBehindTipSampler } from './behind-tip.ts';
import { launchWorkersStaggered, newWorker, onKclTimer } from './worker.ts';

/** A fresh application: no leases yet, workers worker-1 … worker-N not started. */
export function initialKclState(config: KclConfig): KclAppState {
  return {
    reads: { shards: {} },
    leases: [],
    workers: Array.from({ length: config.workers }, (_, i) => newWorker(`worker-${i + 1}`, 0)),
    finishedShards: [],
    nextProcessorId: 1,
    nextWorkerNumber: config.workers + 1,
    processedUpTo: {},
    lastHandover: {},
    skipped: {},
    skippedByShard: {},
    behindTipMillis: {},
    keyPositions: {},
    keysChecked: 0,
    stats: {
      userRecordsDelivered: 0,
      duplicateUserRecords: 0,
      duplicatesByCause: { failover: 0, leaseStolen: 0, workerRestart: 0 },
      userRecordsSkipped: 0,
      aggregatedKinesisRecords: 0,
      deaggregationErrors: 0,
      outOfOrderUserRecords: 0,
      checkpoints: 0,
      failedCheckpoints: 0,
      leasesTaken: 0,
      leasesStolen: 0,
      leasesLost: 0,
    },
    events: [],
  };
}

/**
 * The `kcl` consumer type: a Kinesis Client Library 1.x application (the 2016 KCL) with its workers,
 * lease table and one record processor per leased shard.
 */
export const kclConsumerKind = defineConsumerKind<KclConfig, KclAppState>({
  type: 'kcl',
  title: 'KCL application',
  schema: kclConsumerSchema,
  initialState: (config) => initialKclState(config),
  start(ctx) {
    syncShards(ctx.state, ctx.kinesis, ctx.config.stream, ctx.config.initialPosition, ctx.now);
    launchWorkersStaggered(ctx);
    startBehindTipSampler(ctx);
  },
  onTimer: onKclTimer,
  details: (state, config, now) => {
    const board = buildLeaseTableView(state, config, now);
    return {
      workers: board.workers,
      leaseTable: board.leases,
      timing: board.timing,
      stats: board.stats,
      orderCheckedPartitionKeys: state.keysChecked,
    };
  },
  view: (state, config, now) => buildLeaseTableView(state, config, now),
});
