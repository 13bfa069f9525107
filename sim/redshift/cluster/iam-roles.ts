import { fail, ok } from '../../core/index.ts';
import type { RedshiftCluster, RedshiftClusterState } from './clusters.ts';
import { clusterError } from './errors.ts';
import { checkIamRoles, MAX_IAM_ROLES, type Checked } from './parameters.ts';

/** ModifyClusterIamRoles' input, by the API's names. */
export interface ModifyClusterIamRolesInput {
  readonly ClusterIdentifier: string;
  readonly AddIamRoles?: readonly string[];
  readonly RemoveIamRoles?: readonly string[];
}

/**
 * ModifyClusterIamRoles: associates roles with an available cluster (so COPY and UNLOAD may name them)
 * or removes them. The change applies at once here; AWS shows ApplyStatus `adding` for a moment first.
 */
export function modifyClusterIamRoles(
  state: RedshiftClusterState,
  input: ModifyClusterIamRolesInput,
): Checked<{ readonly state: RedshiftClusterState; readonly cluster: RedshiftCluster }> {
  const cluster = state.clusters[input.ClusterIdentifier];
  if (!cluster) {
    return fail(
      clusterError('ClusterNotFound', `Cluster ${input.ClusterIdentifier} not found.`, 'ClusterIdentifier'),
    );
  }
  if (cluster.ClusterStatus !== 'available') {
    return fail(
      clusterError(
        'InvalidClusterState',
        `Cluster ${cluster.ClusterIdentifier} is ${cluster.ClusterStatus}; its roles can change once it is available.`,
        'ClusterIdentifier',
      ),
    );
  }
  const add = checkIamRoles(input.AddIamRoles, state.era);
  if (!add.ok) return fail({ ...add.error, path: 'AddIamRoles' });
  const current = cluster.IamRoles.map((r) => r.IamRoleArn);
  for (const arn of input.RemoveIamRoles ?? []) {
    if (!current.includes(arn)) {
      return fail(
        clusterError(
          'InvalidParameterValue',
          `The role ${arn} is not associated with cluster ${cluster.ClusterIdentifier}, so it cannot be removed.`,
          'RemoveIamRoles',
        ),
      );
    }
  }
  const kept = current.filter((arn) => !(input.RemoveIamRoles ?? []).includes(arn));
  const roles = [...kept, ...add.value.filter((arn) => !kept.includes(arn))];
  if (roles.length > MAX_IAM_ROLES[state.era]) {
    return fail(
      clusterError(
        'InvalidParameterValue',
        `A cluster can have at most ${MAX_IAM_ROLES[state.era]} IAM roles; this would give ${cluster.ClusterIdentifier} ${roles.length}.`,
        'AddIamRoles',
      ),
    );
  }
  const changed: RedshiftCluster = {
    ...cluster,
    IamRoles: roles.map((arn) => ({ IamRoleArn: arn, ApplyStatus: 'in-sync' as const })),
  };
  return ok({
    state: { ...state, clusters: { ...state.clusters, [cluster.ClusterIdentifier]: changed } },
    cluster: changed,
  });
}
