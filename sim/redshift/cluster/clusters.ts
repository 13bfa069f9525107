import { fail, md5Hex, millis, ok, type Era, type Millis } from '../../core/index.ts';
import { findRedshiftNodeType } from '../../catalog/index.ts';
import { clusterError, type ClusterError } from './errors.ts';
import { creatingDuration, deletingDuration } from './lifecycle.ts';
import {
  checkDbName,
  checkEncryption,
  checkIamRoles,
  checkIdentifier,
  checkMasterUsername,
  checkMasterUserPassword,
  checkNodeCount,
  checkNodeType,
  checkPort,
  DEFAULT_PUBLICLY_ACCESSIBLE,
  type Checked,
} from './parameters.ts';

/**
 * Redshift clusters of one account and region: CreateCluster, DescribeClusters, DeleteCluster with the
 * API's parameter names, and `advanceClusters` moving them through `creating` → `available` and
 * `deleting` → gone on the virtual clock. A single-node cluster has one node that is leader and compute
 * (NodeRole SHARED); a multi-node cluster adds a leader node, which is not billed.
 */

/** CreateCluster's input, by the API's names (the CLI's flags are these in kebab case). */
export interface CreateClusterInput {
  readonly ClusterIdentifier: string;
  readonly NodeType: string;
  readonly MasterUsername: string;
  readonly MasterUserPassword?: string;
  readonly DBName?: string;
  readonly ClusterType?: string;
  readonly NumberOfNodes?: number;
  readonly Port?: number;
  readonly PubliclyAccessible?: boolean;
  readonly Encrypted?: boolean;
  readonly KmsKeyId?: string;
  readonly IamRoles?: readonly string[];
}

/** A cluster's status, as DescribeClusters reports it. */
export type ClusterStatus = 'creating' | 'available' | 'deleting';

/** One node: leader, compute, or both on a single-node cluster; with its slices. */
export interface ClusterNode {
  readonly NodeRole: 'SHARED' | 'LEADER' | `COMPUTE-${number}`;
  /** The slices on this node, numbered across the cluster; none on a leader node. */
  readonly slices: readonly number[];
}

/** A cluster as DescribeClusters returns it, plus what the simulation keeps about its lifecycle. */
export interface RedshiftCluster {
  readonly ClusterIdentifier: string;
  readonly NodeType: string;
  readonly ClusterType: 'single-node' | 'multi-node';
  readonly ClusterStatus: ClusterStatus;
  readonly NumberOfNodes: number;
  readonly DBName: string;
  readonly MasterUsername: string;
  /** The address to connect to; null until the cluster is available. */
  readonly Endpoint: { readonly Address: string; readonly Port: number } | null;
  readonly Port: number;
  readonly ClusterCreateTime: Millis;
  readonly PubliclyAccessible: boolean;
  readonly Encrypted: boolean;
  /** The KMS key; null for Redshift's default key (or when not encrypted). */
  readonly KmsKeyId: string | null;
  readonly IamRoles: readonly { readonly IamRoleArn: string; readonly ApplyStatus: 'in-sync' }[];
  readonly ClusterNodes: readonly ClusterNode[];
  /** When `creating` ends (modelled). */
  readonly availableAt: Millis;
  /** When `deleting` ends (modelled); null unless deleting. */
  readonly deletedAt: Millis | null;
}

/** A final snapshot DeleteCluster took. */
export interface FinalSnapshot {
  readonly SnapshotIdentifier: string;
  readonly ClusterIdentifier: string;
  readonly SnapshotCreateTime: Millis;
  readonly NodeType: string;
  readonly NumberOfNodes: number;
}

/**
 * A span of billed node-hours: from the moment the cluster is available until it is gone ("billing
 * commences … as soon as the data warehouse cluster is available … until the cluster terminates", Redshift
 * FAQ); `until` is null while it runs.
 */
export interface BillingPeriod {
  readonly ClusterIdentifier: string;
  readonly NodeType: string;
  readonly nodes: number;
  readonly from: Millis;
  readonly until: Millis | null;
}

/** The clusters of one account and region, in one era. */
export interface RedshiftClusterState {
  readonly era: Era;
  readonly region: string;
  readonly accountId: string;
  readonly clusters: Readonly<Record<string, RedshiftCluster>>;
  readonly snapshots: Readonly<Record<string, FinalSnapshot>>;
  readonly billing: readonly BillingPeriod[];
}

/** The account's node quota (Management Guide, "Quotas and limits": 200 nodes per account and region). */
export const NODE_QUOTA = 200;

/** No clusters yet. */
export function createClusterState(
  era: Era,
  region = 'us-east-1',
  accountId = '123456789012',
): RedshiftClusterState {
  return { era, region, accountId, clusters: {}, snapshots: {}, billing: [] };
}

function nodesOf(
  clusterType: 'single-node' | 'multi-node',
  nodes: number,
  slicesPerNode: number,
): ClusterNode[] {
  if (clusterType === 'single-node') {
    return [{ NodeRole: 'SHARED', slices: Array.from({ length: slicesPerNode }, (_, s) => s) }];
  }
  const compute = Array.from({ length: nodes }, (_, n) => ({
    NodeRole: `COMPUTE-${n}` as const,
    slices: Array.from({ length: slicesPerNode }, (_, s) => n * slicesPerNode + s),
  }));
  return [{ NodeRole: 'LEADER', slices: [] }, ...compute];
}

/** The endpoint's host name: `ID.` + 12 characters the account and region fix + `.REGION.redshift.amazonaws.com`. */
function endpointAddress(state: RedshiftClusterState, id: string): string {
  const hash = md5Hex(new TextEncoder().encode(`${state.accountId}/${state.region}`));
  const suffix = BigInt(`0x${hash}`).toString(36).slice(0, 11).padStart(11, '0');
  return `${id}.c${suffix}.${state.region}.redshift.amazonaws.com`;
}

/** CreateCluster: checks every parameter, then starts the cluster in `creating`. */
export function createCluster(
  state: RedshiftClusterState,
  input: CreateClusterInput,
  now: Millis,
): Checked<{ readonly state: RedshiftClusterState; readonly cluster: RedshiftCluster }> {
  const id = checkIdentifier(input.ClusterIdentifier);
  if (!id.ok) return id;
  const node = checkNodeType(input.NodeType, state.era);
  if (!node.ok) return node;
  const count = checkNodeCount(input.ClusterType, input.NumberOfNodes, node.value);
  if (!count.ok) return count;
  const user = checkMasterUsername(input.MasterUsername);
  if (!user.ok) return user;
  const password = checkMasterUserPassword(input.MasterUserPassword);
  if (!password.ok) return password;
  const db = checkDbName(input.DBName);
  if (!db.ok) return db;
  const port = checkPort(input.Port, node.value);
  if (!port.ok) return port;
  const encryption = checkEncryption(input.Encrypted, input.KmsKeyId, state.era);
  if (!encryption.ok) return encryption;
  const roles = checkIamRoles(input.IamRoles, state.era);
  if (!roles.ok) return roles;
  if (state.clusters[id.value]) {
    return fail(
      clusterError(
        'ClusterAlreadyExists',
        `Cluster already exists: the account already has a cluster called ${id.value}. Pick another identifier, or delete that cluster first.`,
        'ClusterIdentifier',
      ),
    );
  }
  const inUse = Object.values(state.clusters).reduce((sum, c) => sum + c.NumberOfNodes, 0);
  if (inUse + count.value.nodes > NODE_QUOTA) {
    return fail(
      clusterError(
        'NumberOfNodesQuotaExceeded',
        `The operation would exceed the number of nodes allotted to the account: ${inUse} of ${NODE_QUOTA} are in use and this cluster needs ${count.value.nodes}. Delete a cluster or ask AWS for a higher quota.`,
        'NumberOfNodes',
      ),
    );
  }
  const cluster: RedshiftCluster = {
    ClusterIdentifier: id.value,
    NodeType: node.value.name,
    ClusterType: count.value.clusterType,
    ClusterStatus: 'creating',
    NumberOfNodes: count.value.nodes,
    DBName: db.value,
    MasterUsername: user.value,
    Endpoint: null,
    Port: port.value,
    ClusterCreateTime: now,
    PubliclyAccessible: input.PubliclyAccessible ?? DEFAULT_PUBLICLY_ACCESSIBLE[state.era],
    ...encryption.value,
    IamRoles: roles.value.map((arn) => ({ IamRoleArn: arn, ApplyStatus: 'in-sync' as const })),
    ClusterNodes: nodesOf(count.value.clusterType, count.value.nodes, node.value.slicesPerNode),
    availableAt: millis(now + creatingDuration(count.value.nodes)),
    deletedAt: null,
  };
  return ok({ state: { ...state, clusters: { ...state.clusters, [id.value]: cluster } }, cluster });
}

const notFound = (id: string): ClusterError =>
  clusterError(
    'ClusterNotFound',
    `Cluster ${id} not found. DescribeClusters without an identifier lists the clusters there are.`,
    'ClusterIdentifier',
  );

/** DescribeClusters: one cluster, or every cluster of the account. */
export function describeClusters(
  state: RedshiftClusterState,
  input: { readonly ClusterIdentifier?: string } = {},
): Checked<{ readonly Clusters: readonly RedshiftCluster[] }> {
  if (input.ClusterIdentifier === undefined) return ok({ Clusters: Object.values(state.clusters) });
  const cluster = state.clusters[input.ClusterIdentifier];
  return cluster ? ok({ Clusters: [cluster] }) : fail(notFound(input.ClusterIdentifier));
}

/** DeleteCluster's input. */
export interface DeleteClusterInput {
  readonly ClusterIdentifier: string;
  readonly SkipFinalClusterSnapshot?: boolean;
  readonly FinalClusterSnapshotIdentifier?: string;
}

/** DeleteCluster: an available cluster goes `deleting`, taking a final snapshot unless told to skip it. */
export function deleteCluster(
  state: RedshiftClusterState,
  input: DeleteClusterInput,
  now: Millis,
): Checked<{ readonly state: RedshiftClusterState; readonly cluster: RedshiftCluster }> {
  const cluster = state.clusters[input.ClusterIdentifier];
  if (!cluster) return fail(notFound(input.ClusterIdentifier));
  const skip = input.SkipFinalClusterSnapshot ?? false;
  const snapshotId = input.FinalClusterSnapshotIdentifier;
  if (!skip && snapshotId === undefined) {
    return fail(
      clusterError(
        'InvalidParameterCombination',
        'FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is specified. Add --skip-final-cluster-snapshot, or name the snapshot with --final-cluster-snapshot-identifier.',
        'FinalClusterSnapshotIdentifier',
      ),
    );
  }
  if (skip && snapshotId !== undefined) {
    return fail(
      clusterError(
        'InvalidParameterCombination',
        'FinalClusterSnapshotIdentifier must not be specified when SkipFinalClusterSnapshot is true. Keep one of the two.',
        'FinalClusterSnapshotIdentifier',
      ),
    );
  }
  if (snapshotId !== undefined) {
    const valid = checkIdentifier(snapshotId, 'FinalClusterSnapshotIdentifier');
    if (!valid.ok) return valid;
    if (state.snapshots[snapshotId]) {
      return fail(
        clusterError(
          'ClusterSnapshotAlreadyExists',
          `Cannot create the snapshot because a snapshot with the identifier ${snapshotId} already exists. Name the final snapshot differently.`,
          'FinalClusterSnapshotIdentifier',
        ),
      );
    }
  }
  if (cluster.ClusterStatus === 'creating') {
    return fail(
      clusterError(
        'InvalidClusterState',
        `There is an operation running on the Cluster. Please try to delete it at a later time. (${cluster.ClusterIdentifier} is still creating; it is available at ${new Date(cluster.availableAt).toISOString()} on the simulation clock.)`,
        'ClusterIdentifier',
      ),
    );
  }
  if (cluster.ClusterStatus === 'deleting') {
    return fail(
      clusterError(
        'InvalidClusterState',
        `Cluster ${cluster.ClusterIdentifier} is already being deleted.`,
        'ClusterIdentifier',
      ),
    );
  }
  const deleting: RedshiftCluster = {
    ...cluster,
    ClusterStatus: 'deleting',
    deletedAt: millis(now + deletingDuration(snapshotId !== undefined)),
  };
  const snapshots =
    snapshotId === undefined
      ? state.snapshots
      : {
          ...state.snapshots,
          [snapshotId]: {
            SnapshotIdentifier: snapshotId,
            ClusterIdentifier: cluster.ClusterIdentifier,
            SnapshotCreateTime: now,
            NodeType: cluster.NodeType,
            NumberOfNodes: cluster.NumberOfNodes,
          },
        };
  const billing = state.billing.map((period) =>
    period.ClusterIdentifier === cluster.ClusterIdentifier && period.until === null
      ? { ...period, until: deleting.deletedAt }
      : period,
  );
  return ok({
    state: {
      ...state,
      clusters: { ...state.clusters, [cluster.ClusterIdentifier]: deleting },
      snapshots,
      billing,
    },
    cluster: deleting,
  });
}

/**
 * Moves clusters along the virtual clock: `creating` becomes `available` (with its endpoint, and billing
 * starts) once its modelled duration has passed; `deleting` clusters disappear once theirs has.
 */
export function advanceClusters(state: RedshiftClusterState, now: Millis): RedshiftClusterState {
  let changed = false;
  const clusters: Record<string, RedshiftCluster> = {};
  const billing = [...state.billing];
  for (const cluster of Object.values(state.clusters)) {
    if (cluster.ClusterStatus === 'deleting' && cluster.deletedAt !== null && now >= cluster.deletedAt) {
      changed = true;
      continue;
    }
    if (cluster.ClusterStatus === 'creating' && now >= cluster.availableAt) {
      changed = true;
      clusters[cluster.ClusterIdentifier] = {
        ...cluster,
        ClusterStatus: 'available',
        Endpoint: { Address: endpointAddress(state, cluster.ClusterIdentifier), Port: cluster.Port },
      };
      billing.push({
        ClusterIdentifier: cluster.ClusterIdentifier,
        NodeType: cluster.NodeType,
        nodes: cluster.NumberOfNodes,
        from: cluster.availableAt,
        until: null,
      });
      continue;
    }
    clusters[cluster.ClusterIdentifier] = cluster;
  }
  return changed ? { ...state, clusters, billing } : state;
}

/**
 * What the SQL engine needs to know of a cluster's shape; the same shape as the database's ClusterShape
 * (sim/redshift/database), which owns the name.
 */
interface ShapeOfCluster {
  readonly nodeType: string;
  readonly nodes: number;
  readonly slicesPerNode: number;
}

/** A cluster's shape: compute nodes and slices per node from the catalogue. */
export function clusterShape(cluster: Pick<RedshiftCluster, 'NodeType' | 'NumberOfNodes'>): ShapeOfCluster {
  const node = findRedshiftNodeType(cluster.NodeType);
  if (node === undefined) throw new Error(`No node type ${cluster.NodeType} in the catalogue.`);
  return { nodeType: node.name, nodes: cluster.NumberOfNodes, slicesPerNode: node.slicesPerNode };
}
