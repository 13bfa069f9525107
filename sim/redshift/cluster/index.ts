/** Redshift clusters: create, describe, delete, lifecycle on the virtual clock, cost and storage meters. */
export {
  advanceClusters,
  clusterShape,
  createCluster,
  createClusterState,
  deleteCluster,
  describeClusters,
  NODE_QUOTA,
  type BillingPeriod,
  type ClusterNode,
  type ClusterStatus,
  type CreateClusterInput,
  type DeleteClusterInput,
  type FinalSnapshot,
  type RedshiftCluster,
  type RedshiftClusterState,
} from './clusters.ts';
export { clusterError, type ClusterError, type ClusterErrorCode } from './errors.ts';
export { CLUSTER_DURATIONS, creatingDuration, deletingDuration } from './lifecycle.ts';
export {
  clusterUsdPerHour,
  redshiftCost,
  storageUse,
  type ClusterCostLine,
  type RedshiftCost,
  type StorageUse,
} from './meter.ts';
export {
  checkDbName,
  checkIdentifier,
  checkMasterUsername,
  checkMasterUserPassword,
  checkNodeCount,
  checkNodeType,
  checkPort,
  DEFAULT_ENCRYPTED,
  DEFAULT_PORT,
  DEFAULT_PUBLICLY_ACCESSIBLE,
  MAX_IAM_ROLES,
  WORKSHOP_PORT,
} from './parameters.ts';
export { isReservedWord, REDSHIFT_RESERVED_WORDS } from './reserved-words.ts';
