import { describe, expect, it } from 'vitest';
import { millis } from '../../core/index.ts';
import { advanceClusters, createCluster, createClusterState } from './clusters.ts';
import { modifyClusterIamRoles } from './iam-roles.ts';

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const made = createCluster(
  createClusterState('2016'),
  {
    ClusterIdentifier: 'demo',
    NodeType: 'dc1.large',
    MasterUsername: 'master',
    MasterUserPassword: 'Workshop2016',
    IamRoles: [role('a')],
  },
  millis(0),
);
if (!made.ok) throw new Error(made.error.message);
const creating = made.value.state;
const available = advanceClusters(creating, millis(3_600_000));

describe('ModifyClusterIamRoles', () => {
  it('adds and removes roles of an available cluster', () => {
    const changed = modifyClusterIamRoles(available, {
      ClusterIdentifier: 'demo',
      AddIamRoles: [role('b')],
      RemoveIamRoles: [role('a')],
    });
    expect(changed.ok && changed.value.cluster.IamRoles).toEqual([
      { IamRoleArn: role('b'), ApplyStatus: 'in-sync' },
    ]);
    const again = modifyClusterIamRoles(available, { ClusterIdentifier: 'demo', AddIamRoles: [role('a')] });
    expect(again.ok && again.value.cluster.IamRoles).toHaveLength(1);
  });

  it('refuses a missing or creating cluster, a role it does not have, a malformed ARN and more than the era allows', () => {
    expect(modifyClusterIamRoles(available, { ClusterIdentifier: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'ClusterNotFound' },
    });
    expect(
      modifyClusterIamRoles(creating, { ClusterIdentifier: 'demo', AddIamRoles: [role('b')] }),
    ).toMatchObject({ ok: false, error: { code: 'InvalidClusterState' } });
    expect(
      modifyClusterIamRoles(available, { ClusterIdentifier: 'demo', RemoveIamRoles: [role('z')] }),
    ).toMatchObject({ ok: false, error: { code: 'InvalidParameterValue', path: 'RemoveIamRoles' } });
    expect(
      modifyClusterIamRoles(available, { ClusterIdentifier: 'demo', AddIamRoles: ['copy-role'] }),
    ).toMatchObject({ ok: false, error: { path: 'AddIamRoles' } });
    const ten = Array.from({ length: 10 }, (_, i) => role(`r${i}`));
    expect(modifyClusterIamRoles(available, { ClusterIdentifier: 'demo', AddIamRoles: ten })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/at most 10 IAM roles; this would give demo 11/) },
    });
  });
});
