/**
 * The Redshift and IAM commands the app can show: the create-cluster form with the workshop's values and
 * the values a learner may type (in both eras), the cluster's describe, delete and psql commands, and the
 * role COPY uses. Gathered by collect-commands.ts with the streaming console's.
 */
import { millis, type Era } from '../../sim/core/index.ts';
import {
  advanceClusters,
  createCluster,
  createClusterState,
  type CreateClusterInput,
} from '../../sim/redshift/index.ts';
import {
  addIamRolesCommand,
  attachRolePolicyCommand,
  createClusterCommand,
  createRoleCommand,
  deleteClusterCommand,
  describeClustersCommand,
  psqlCommand,
  putRolePolicyCommand,
} from '../../ui/shared/redshift-commands.ts';
import type { ShownCommand } from './collect-commands.ts';

/** The session's create-cluster (shared/seed, "Data Analysis with Amazon Redshift"), with a real password. */
export const WORKSHOP_CLUSTER: CreateClusterInput = {
  ClusterIdentifier: 'demo',
  DBName: 'demo',
  NodeType: 'dc1.large',
  ClusterType: 'single-node',
  MasterUsername: 'master',
  MasterUserPassword: 'Workshop2016',
  PubliclyAccessible: true,
  Port: 8192,
};

const ROLE_ARN = 'arn:aws:iam::123456789012:role/redshift-copy';

/** What a learner may put in the create-cluster form, per era: good values and values AWS refuses. */
export function clusterFormInputs(era: Era): { where: string; input: CreateClusterInput }[] {
  const nodeType = era === '2016' ? 'dc1.large' : 'dc2.large';
  const base = { ...WORKSHOP_CLUSTER, NodeType: nodeType };
  const variants: [string, Partial<CreateClusterInput>][] = [
    ['workshop', {}],
    ['multi-node', { ClusterType: 'multi-node', NumberOfNodes: 4 }],
    [
      'large type',
      {
        NodeType: era === '2016' ? 'ds2.8xlarge' : 'ra3.4xlarge',
        ClusterType: 'multi-node',
        NumberOfNodes: 2,
      },
    ],
    ['encrypted with a key', { Encrypted: true, KmsKeyId: 'alias/redshift-demo' }],
    ['not encrypted, private', { Encrypted: false, PubliclyAccessible: false }],
    ['with a role', { IamRoles: [ROLE_ARN] }],
    [
      'defaults',
      { DBName: undefined, Port: undefined, ClusterType: undefined, PubliclyAccessible: undefined },
    ],
    ['password with shell characters', { MasterUserPassword: 'Pa$$w0rd!`*' }],
    ['password with a space', { MasterUserPassword: 'Work shop2016' }],
    ['short password', { MasterUserPassword: 'Ab1' }],
    ['uppercase identifier', { ClusterIdentifier: 'Demo' }],
    ['single-node with a node count', { NumberOfNodes: 1 }],
    ['multi-node with one node', { ClusterType: 'multi-node', NumberOfNodes: 1 }],
    ['other era’s node type', { NodeType: era === '2016' ? 'dc2.large' : 'dc1.large' }],
    ['port out of range', { Port: 80 }],
  ];
  return variants.map(([label, patch]) => ({
    where: `create-cluster form (${era}), ${label}`,
    input: { ...base, ...patch },
  }));
}

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});
const READ_LOGS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bdlab-weblogs' },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: "arn:aws:s3:::bdlab-weblogs/it's/*" },
  ],
});

/** Every Redshift and IAM command the app can show. */
export function redshiftCommands(): ShownCommand[] {
  const shown: ShownCommand[] = [];
  for (const era of ['2016', 'current'] as const) {
    for (const { where, input } of clusterFormInputs(era)) {
      shown.push({ where, command: createClusterCommand(input, era) });
      const made = createCluster(createClusterState(era), input, millis(0));
      if (!made.ok) continue;
      const creating = made.value.cluster;
      const available = advanceClusters(made.value.state, millis(3_600_000)).clusters[
        creating.ClusterIdentifier
      ]!;
      shown.push({
        where: `${where}, describe`,
        command: describeClustersCommand(creating.ClusterIdentifier),
      });
      shown.push({ where: `${where}, psql while creating`, command: psqlCommand(creating) });
      shown.push({ where: `${where}, psql`, command: psqlCommand(available) });
      for (const [label, remove] of [
        ['skip snapshot', { SkipFinalClusterSnapshot: true }],
        ['final snapshot', { FinalClusterSnapshotIdentifier: `${creating.ClusterIdentifier}-final` }],
        ['neither', {}],
      ] as const) {
        const input = { ClusterIdentifier: creating.ClusterIdentifier, ...remove };
        shown.push({ where: `${where}, delete (${label})`, command: deleteClusterCommand(input, available) });
        shown.push({
          where: `${where}, delete while creating (${label})`,
          command: deleteClusterCommand(input, creating),
        });
      }
      shown.push({
        where: `${where}, associate role`,
        command: addIamRolesCommand(creating.ClusterIdentifier, [ROLE_ARN]),
      });
    }
  }
  shown.push({ where: 'all clusters', command: describeClustersCommand() });
  shown.push({ where: 'COPY role, create', command: createRoleCommand('redshift-copy', TRUST) });
  shown.push({
    where: 'COPY role, create with a bad name',
    command: createRoleCommand('redshift copy', TRUST),
  });
  shown.push({
    where: 'COPY role, create with a permission policy as trust',
    command: createRoleCommand('redshift-copy', READ_LOGS),
  });
  shown.push({
    where: 'COPY role, inline policy',
    command: putRolePolicyCommand('redshift-copy', 's3-read', READ_LOGS),
  });
  shown.push({
    where: 'COPY role, inline policy that is broken',
    command: putRolePolicyCommand('redshift-copy', 's3-read', '{"Statement": [}'),
  });
  shown.push({
    where: 'COPY role, managed policy',
    command: attachRolePolicyCommand('redshift-copy', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'),
  });
  return shown;
}
