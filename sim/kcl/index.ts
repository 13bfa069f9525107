/**
 * The Kinesis Client Library (1.x, as in 2016) as a consumer kind: workers, a lease table, one record
 * processor per leased shard, lease renewal, failover and balancing, parents before children after a
 * reshard, KPL de-aggregation and checkpoints.
 */
export {
  DEFAULT_CHECKPOINT_INTERVAL_SECONDS,
  KCL_DEFAULTS,
  KCL_DEFAULTS_SOURCE,
  kclConsumerSchema,
  leaseRenewalIntervalMillis,
  leaseTakingIntervalMillis,
  MAX_KCL_WORKERS,
  type KclConfig,
} from './config.ts';
export { addWorker, crashWorker } from './actions.ts';
export { initialKclState, kclConsumerKind } from './kind.ts';
export { takeLeases, type LeaseTakerOptions, type TakeResult } from './lease-taker.ts';
export type {
  Checkpoint,
  DuplicateCause,
  KclAppState,
  KclStats,
  KclWorker,
  Lease,
  LeaseEvent,
  ProcessorStatus,
} from './state.ts';
export {
  buildLeaseTableView,
  describeCheckpointPolicy,
  leaseTableView,
  type LeaseRowView,
  type LeaseTableView,
  type WorkerView,
} from './view.ts';
