/**
 * "Show the real command" for Redshift and the IAM role COPY uses: the AWS CLI call of each cluster action
 * and the psql line that connects, as a learner would type them against a real account. Each is built from
 * words and quoted for a POSIX shell (as in cli-commands.ts); a call the simulator refuses is shown as
 * refused with the simulator's reason, so the command never promises what AWS would not do.
 * `test/cli-commands/` checks every command against AWS's API models (and the installed AWS CLI).
 */
import {
  createCluster,
  createClusterState,
  type CreateClusterInput,
  type DeleteClusterInput,
  type RedshiftCluster,
} from '../../sim/redshift/index.ts';
import { millis, type Era } from '../../sim/core/index.ts';
import { parsePolicyDocument, validatePolicyName, validateRoleName } from '../../sim/iam/index.ts';
import { shellTokens, type ShellPart } from '../consoles/streaming/shell-words.ts';
import type { RealCommand } from './cli-commands.ts';

function run(parts: readonly ShellPart[], note: string): RealCommand {
  const tokens = shellTokens(parts);
  return { kind: 'run', text: tokens.join(' '), tokens, parts, note };
}

const refused = (code: string, message: string): RealCommand => ({
  kind: 'refused',
  reason: `${code}: ${message}`,
});

/** `--flag value` pairs and bare boolean flags, in the order given; undefined values are left out. */
type Option = readonly [string, string | number | boolean | readonly string[] | undefined];

function optionWords(options: readonly Option[]): string[] {
  return options.flatMap(([flag, value]): string[] => {
    if (value === undefined) return [];
    if (typeof value === 'boolean') return [value ? flag : flag.replace(/^--/, '--no-')];
    if (Array.isArray(value)) return value.length === 0 ? [] : [flag, ...value];
    const text = String(value);
    // A value that begins with "-" is joined to its flag, or the CLI would read it as the next option.
    return text.startsWith('-') ? [`${flag}=${text}`] : [flag, text];
  });
}

/** CreateCluster as the console's form (or a lab) submits it, or why Redshift would refuse it. */
export function createClusterCommand(input: CreateClusterInput, era: Era): RealCommand {
  const checked = createCluster(createClusterState(era), input, millis(0));
  if (!checked.ok) return refused(checked.error.code, checked.error.message);
  const words = optionWords([
    ['--cluster-identifier', input.ClusterIdentifier],
    ['--db-name', input.DBName],
    ['--node-type', input.NodeType],
    ['--cluster-type', input.ClusterType],
    ['--number-of-nodes', input.NumberOfNodes],
    ['--master-username', input.MasterUsername],
    ['--master-user-password', input.MasterUserPassword],
    ['--publicly-accessible', input.PubliclyAccessible],
    ['--port', input.Port],
    ['--encrypted', input.Encrypted],
    ['--kms-key-id', input.KmsKeyId],
    ['--iam-roles', input.IamRoles],
  ]);
  const cluster = checked.value.cluster;
  return run(
    [['aws', 'redshift', 'create-cluster', ...words]],
    `Starts ${cluster.ClusterIdentifier}: ${cluster.NumberOfNodes} × ${cluster.NodeType} (${cluster.ClusterNodes.flatMap((n) => n.slices).length} slices)` +
      `${cluster.ClusterType === 'multi-node' ? ' plus a leader node, which is not billed' : ', one node that is leader and compute'}. ` +
      'The cluster is "creating" for some minutes; describe-clusters shows its status and, once available, its endpoint. ' +
      'The password is on the command line as you typed it: your shell keeps it in its history.',
  );
}

/** DescribeClusters: one cluster, or all of them. */
export function describeClustersCommand(clusterIdentifier?: string): RealCommand {
  return run(
    [['aws', 'redshift', 'describe-clusters', ...optionWords([['--cluster-identifier', clusterIdentifier]])]],
    'Shows ClusterStatus (creating, available, deleting), the Endpoint (Address and Port) once available, the nodes and the IAM roles.',
  );
}

/** DeleteCluster, with or without a final snapshot; the simulator's rules decide whether it is refused. */
export function deleteClusterCommand(
  input: DeleteClusterInput,
  cluster: RedshiftCluster | undefined,
): RealCommand {
  if (cluster === undefined)
    return refused('ClusterNotFound', `Cluster ${input.ClusterIdentifier} not found.`);
  const skip = input.SkipFinalClusterSnapshot ?? false;
  if (skip === (input.FinalClusterSnapshotIdentifier !== undefined)) {
    return refused(
      'InvalidParameterCombination',
      skip
        ? 'FinalClusterSnapshotIdentifier must not be specified when SkipFinalClusterSnapshot is true.'
        : 'FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is specified.',
    );
  }
  if (cluster.ClusterStatus !== 'available') {
    return refused(
      'InvalidClusterState',
      `Cluster ${cluster.ClusterIdentifier} is ${cluster.ClusterStatus}, not available.`,
    );
  }
  return run(
    [
      [
        'aws',
        'redshift',
        'delete-cluster',
        ...optionWords([
          ['--cluster-identifier', input.ClusterIdentifier],
          ['--skip-final-cluster-snapshot', skip ? true : undefined],
          ['--final-cluster-snapshot-identifier', input.FinalClusterSnapshotIdentifier],
        ]),
      ],
    ],
    skip
      ? 'Deletes the cluster and its data for good: no final snapshot is taken. Billing stops once it is gone.'
      : 'Takes a final snapshot (kept, and billed as backup storage, until you delete it), then deletes the cluster.',
  );
}

/** ModifyClusterIamRoles: associates roles with a cluster so COPY and UNLOAD may use them. */
export function addIamRolesCommand(clusterIdentifier: string, roleArns: readonly string[]): RealCommand {
  return run(
    [
      [
        'aws',
        'redshift',
        'modify-cluster-iam-roles',
        ...optionWords([
          ['--cluster-identifier', clusterIdentifier],
          ['--add-iam-roles', roleArns],
        ]),
      ],
    ],
    "Associates the roles with the cluster; COPY … IAM_ROLE (or CREDENTIALS 'aws_iam_role=…') may then name them.",
  );
}

/** The psql line that connects to an available cluster, as the workshop connects (psql -h … -p … -U … DB). */
export function psqlCommand(cluster: RedshiftCluster): RealCommand {
  if (cluster.Endpoint === null) {
    return refused(
      'InvalidClusterState',
      `Cluster ${cluster.ClusterIdentifier} has no endpoint while it is ${cluster.ClusterStatus}; psql can connect once it is available.`,
    );
  }
  return run(
    [
      [
        'psql',
        '-h',
        cluster.Endpoint.Address,
        '-p',
        String(cluster.Endpoint.Port),
        '-U',
        cluster.MasterUsername,
        cluster.DBName,
      ],
    ],
    'Asks for the master user password. The cluster’s security group (or VPC) must let your address in on this port' +
      `${cluster.PubliclyAccessible ? '' : ', and this cluster is not publicly accessible: connect from inside its VPC'}. ` +
      'Any PostgreSQL 8.x client works, or a JDBC/ODBC tool with Redshift’s driver.',
  );
}

/** CreateRole with a trust policy, given inline as JSON (the workshop passes file://policy.json). */
export function createRoleCommand(roleName: string, trustPolicy: string): RealCommand {
  const name = validateRoleName(roleName);
  if (!name.ok) return refused(name.error.code, name.error.message);
  const policy = parsePolicyDocument(trustPolicy, 'trust');
  if (!policy.ok) return refused(policy.error.code, policy.error.message);
  return run(
    [
      [
        'aws',
        'iam',
        'create-role',
        ...optionWords([
          ['--role-name', roleName],
          ['--assume-role-policy-document', JSON.stringify(JSON.parse(trustPolicy))],
        ]),
      ],
    ],
    'The output’s Role.Arn is what the cluster’s IamRoles and COPY’s IAM_ROLE name. The workshop keeps the policy in a file and passes file://policy.json.',
  );
}

/** PutRolePolicy: an inline permission policy of a role. */
export function putRolePolicyCommand(roleName: string, policyName: string, document: string): RealCommand {
  for (const check of [validateRoleName(roleName), validatePolicyName(policyName)]) {
    if (!check.ok) return refused(check.error.code, check.error.message);
  }
  const policy = parsePolicyDocument(document, 'permissions');
  if (!policy.ok) return refused(policy.error.code, policy.error.message);
  return run(
    [
      [
        'aws',
        'iam',
        'put-role-policy',
        ...optionWords([
          ['--role-name', roleName],
          ['--policy-name', policyName],
          ['--policy-document', JSON.stringify(JSON.parse(document))],
        ]),
      ],
    ],
    'COPY needs s3:ListBucket on the bucket (arn:aws:s3:::BUCKET) and s3:GetObject on its objects (arn:aws:s3:::BUCKET/*); UNLOAD needs s3:PutObject.',
  );
}

/** AttachRolePolicy: a managed policy, such as AWS's AmazonS3ReadOnlyAccess. */
export function attachRolePolicyCommand(roleName: string, policyArn: string): RealCommand {
  const name = validateRoleName(roleName);
  if (!name.ok) return refused(name.error.code, name.error.message);
  return run(
    [
      [
        'aws',
        'iam',
        'attach-role-policy',
        ...optionWords([
          ['--role-name', roleName],
          ['--policy-arn', policyArn],
        ]),
      ],
    ],
    'Attaches a managed policy; AmazonS3ReadOnlyAccess lets COPY read every bucket of the account.',
  );
}
