import type { SimError } from '../../core/index.ts';

/**
 * The error codes CreateCluster, DescribeClusters and DeleteCluster answer with (Redshift API reference;
 * `test` compares them with the faults of AWS's API model).
 */
export type ClusterErrorCode =
  | 'ClusterAlreadyExists'
  | 'ClusterNotFound'
  | 'ClusterSnapshotAlreadyExists'
  | 'InvalidClusterState'
  | 'InvalidParameterCombination'
  | 'InvalidParameterValue'
  | 'MissingParameter'
  | 'NumberOfNodesPerClusterLimitExceeded'
  | 'NumberOfNodesQuotaExceeded';

/** A refusal of a cluster action: AWS's code, AWS's sentence where it has one, then the fix. */
export interface ClusterError extends SimError {
  readonly code: ClusterErrorCode;
  /** The API parameter at fault, such as `MasterUserPassword`. */
  readonly path?: string;
}

/** A refusal for `parameter`. */
export function clusterError(code: ClusterErrorCode, message: string, parameter?: string): ClusterError {
  return parameter === undefined ? { code, message } : { code, message, path: parameter };
}
