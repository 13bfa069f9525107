import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { millis, type Era, type Millis } from '../../sim/core/index.ts';
import {
  createIamState,
  createRole,
  parseRoleArn,
  putRolePolicy,
  REDSHIFT_SERVICE_PRINCIPAL,
  type IamState,
} from '../../sim/iam/index.ts';
import {
  advanceClusters,
  clusterShape,
  createCluster,
  createClusterState,
  type RedshiftCluster,
} from '../../sim/redshift/index.ts';
import { createBucket, createS3State, putObject, type S3State } from '../../sim/s3/index.ts';
import { DEFAULT_START_TIME } from '../../sim/streaming/index.ts';
import { UsageError } from './io.ts';
import type { SqlArgs } from './sql-args.ts';

/**
 * The fresh account a `bdlab sql` script runs in: S3 buckets filled from folders, IAM roles that trust
 * Redshift and may read those buckets, and an available cluster with the roles associated. The clock
 * starts at the era's default start time (the one scenarios use) plus the cluster's modelled creation.
 */
export interface SqlSession {
  readonly s3: S3State;
  readonly iam: IamState;
  readonly cluster: RedshiftCluster;
  readonly shape: { readonly nodeType: string; readonly nodes: number; readonly slicesPerNode: number };
  /** When the script starts on the simulation clock: GETDATE() reads it. */
  readonly now: Millis;
  readonly era: Era;
}

/** The node type `bdlab sql` uses when --node-type is not given: the workshop's, or today's smallest. */
export const DEFAULT_NODE_TYPE: Readonly<Record<Era, string>> = { '2016': 'dc1.large', current: 'dc2.large' };

/** Every file under `dir`, with its key (the path relative to `dir`, with `/`), in key order. */
function filesUnder(dir: string): { key: string; path: string }[] {
  const found: { key: string; path: string }[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) found.push({ key: relative(dir, path).split(sep).join('/'), path });
    }
  };
  walk(dir);
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function mountBuckets(args: SqlArgs, now: Millis): S3State {
  const s3 = createS3State(now);
  for (const { bucket, dir } of args.mounts) {
    const where = `--s3 ${bucket}=${dir}`;
    const made = createBucket(s3, { Bucket: bucket }, now);
    if (!made.ok) throw new UsageError(`${where}: ${made.error.message}`);
    let stat;
    try {
      stat = statSync(dir);
    } catch {
      throw new UsageError(
        `${where}: there is no folder ${dir}; give a folder whose files become the bucket's objects.`,
      );
    }
    if (!stat.isDirectory())
      throw new UsageError(`${where}: ${dir} is a file, not a folder; give the folder that holds it.`);
    for (const { key, path } of filesUnder(dir)) {
      const put = putObject(s3, { Bucket: bucket, Key: key, Body: new Uint8Array(readFileSync(path)) }, now);
      if (!put.ok) throw new UsageError(`${where}: ${path}: ${put.error.message}`);
    }
  }
  return s3;
}

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: REDSHIFT_SERVICE_PRINCIPAL }, Action: 'sts:AssumeRole' },
  ],
});

function createRoles(args: SqlArgs, now: Millis): IamState {
  const parsed = args.roles.map((arn) => {
    const role = parseRoleArn(arn);
    if (!role.ok) throw new UsageError(`--role ${arn}: ${role.error.message}`);
    return role.value;
  });
  const accounts = [...new Set(parsed.map((role) => role.accountId))];
  if (accounts.length > 1) {
    throw new UsageError(
      `--role: the roles name ${accounts.length} accounts (${accounts.join(', ')}); the script runs in one account, so give roles of one.`,
    );
  }
  let iam = createIamState(accounts[0]);
  const buckets = args.mounts.map((m) => m.bucket);
  const read = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: buckets.map((b) => `arn:aws:s3:::${b}`) },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: buckets.map((b) => `arn:aws:s3:::${b}/*`) },
    ],
  });
  for (const role of parsed) {
    const created = createRole(
      iam,
      { RoleName: role.roleName, Path: role.path, AssumeRolePolicyDocument: TRUST },
      now,
    );
    if (!created.ok) throw new UsageError(`--role ${role.resource}: ${created.error.message}`);
    iam = created.value.state;
    if (buckets.length === 0) continue;
    const put = putRolePolicy(iam, {
      RoleName: role.roleName,
      PolicyName: 'read-mounted-buckets',
      PolicyDocument: read,
    });
    if (!put.ok) throw new Error(put.error.message);
    iam = put.value;
  }
  return iam;
}

/** The flag a CreateCluster parameter came from, for errors. */
const FLAG_OF: Readonly<Record<string, string>> = {
  NodeType: '--node-type',
  NumberOfNodes: '--nodes',
  ClusterType: '--nodes',
  IamRoles: '--role',
};

/** Sets up S3, IAM and the cluster; a flag AWS would refuse is a UsageError with AWS's reason. */
export function openSqlSession(args: SqlArgs): SqlSession {
  const start = millis(Date.parse(DEFAULT_START_TIME[args.era]));
  const s3 = mountBuckets(args, start);
  const iam = createRoles(args, start);
  const nodeType = args.nodeType ?? DEFAULT_NODE_TYPE[args.era];
  const nodes = args.nodes ?? 1;
  const made = createCluster(
    createClusterState(args.era, 'us-east-1', iam.accountId),
    {
      ClusterIdentifier: 'bdlab',
      DBName: 'dev',
      NodeType: nodeType,
      ...(nodes === 1 ? { ClusterType: 'single-node' } : { ClusterType: 'multi-node', NumberOfNodes: nodes }),
      MasterUsername: 'master',
      MasterUserPassword: 'Bdlab2016',
      IamRoles: args.roles,
    },
    start,
  );
  if (!made.ok) {
    const flag = FLAG_OF[made.error.path ?? ''] ?? made.error.path ?? 'cluster';
    const given =
      flag === '--node-type'
        ? `${flag} ${nodeType}`
        : flag === '--nodes'
          ? `--nodes ${nodes} (${nodeType})`
          : flag;
    throw new UsageError(
      `${given}: ${made.error.code}: ${made.error.message} (era ${args.era}; --era changes it)`,
    );
  }
  const now = made.value.cluster.availableAt;
  const cluster = advanceClusters(made.value.state, now).clusters.bdlab!;
  return { s3, iam, cluster, shape: clusterShape(cluster), now, era: args.era };
}
