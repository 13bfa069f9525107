import { readFileSync } from 'node:fs';
import { millis } from '../../sim/core/index.ts';
import { attachRolePolicy, createIamState, createRole } from '../../sim/iam/index.ts';
import {
  advanceClusters,
  clusterShape,
  createCluster,
  createClusterState,
} from '../../sim/redshift/index.ts';
import { createBucket, createS3State, putObject } from '../../sim/s3/index.ts';
import { loadSqlJs, openSessionDatabase } from '../../bin/cli/sql-engine.ts';
import {
  ACCESSLOGS_DDL,
  BENCH_BUCKET,
  BENCH_PREFIX,
  unpackObjects,
  WORKSHOP_QUERIES,
} from './redshift-data.ts';

/**
 * Loads the benchmark's gzip objects (read from standard input) with the workshop's COPY into the
 * workshop's cluster (one dc1.large), on the database `bdlab sql` opens, and runs the three test queries, alone in this process, then prints
 * one line of JSON: the times, the rows, the query results (to be checked against native SQLite) and the
 * process's peak resident memory. redshift.bench.ts starts it in a fresh Node process so that the memory
 * is the engine's with a million rows, not the generator's or the native comparison's.
 */

/** What the process prints. */
export interface RedshiftProcessFigures {
  readonly rowsLoaded: number;
  readonly copyMs: number;
  readonly copyError: string | null;
  readonly queries: readonly {
    readonly ms: readonly number[];
    readonly rows: unknown[][] | null;
    readonly error: string | null;
  }[];
  readonly maxRssBytes: number;
}

const objects = unpackObjects(readFileSync(0));
const start = millis(Date.UTC(2016, 5, 14, 14, 0, 0));
const s3 = createS3State(start);
createBucket(s3, { Bucket: BENCH_BUCKET }, start);
for (const o of objects) putObject(s3, { Bucket: BENCH_BUCKET, Key: o.key, Body: o.body }, start);
const ROLE = 'arn:aws:iam::123456789012:role/redshift-copy';
const trust = JSON.stringify({
  Statement: { Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' },
});
const role = createRole(
  createIamState(),
  { RoleName: 'redshift-copy', AssumeRolePolicyDocument: trust },
  start,
);
if (!role.ok) throw new Error(role.error.message);
const iam = attachRolePolicy(role.value.state, {
  RoleName: 'redshift-copy',
  PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
});
if (!iam.ok) throw new Error(iam.error.message);
// The workshop's cluster (shared/seed): one dc1.large, with the role associated.
const made = createCluster(
  createClusterState('2016'),
  {
    ClusterIdentifier: 'demo',
    DBName: 'demo',
    NodeType: 'dc1.large',
    ClusterType: 'single-node',
    MasterUsername: 'master',
    MasterUserPassword: 'Workshop2016',
    Port: 8192,
    IamRoles: [ROLE],
  },
  start,
);
if (!made.ok) throw new Error(made.error.message);
const now = made.value.cluster.availableAt;
const cluster = advanceClusters(made.value.state, now).clusters.demo!;
const db = openSessionDatabase(await loadSqlJs(), {
  s3,
  iam: iam.value,
  cluster,
  shape: clusterShape(cluster),
  now,
  era: '2016',
});
const created = db.execute(ACCESSLOGS_DDL)[0]!;
if (created.status !== 'ok') throw new Error(created.error!.message);
// The workshop's COPY (shared/seed, "Loading Data into Amazon Redshift"), with the bucket and role filled in.
const copyStart = performance.now();
const copy = db.execute(
  `COPY accesslogs FROM 's3://${BENCH_BUCKET}/${BENCH_PREFIX}' CREDENTIALS 'aws_iam_role=${ROLE}' DELIMITER '\\t' MAXERROR 0 GZIP;`,
)[0]!;
const copyMs = performance.now() - copyStart;
const queries = WORKSHOP_QUERIES.map(({ sql: text }) => {
  const ms: number[] = [];
  let last = null as ReturnType<typeof db.execute>[number] | null;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    last = db.execute(text)[0]!;
    ms.push(performance.now() - start);
  }
  return { ms, rows: last!.rows, error: last!.error?.message ?? null };
});
const figures: RedshiftProcessFigures = {
  rowsLoaded: copy.rowsLoaded ?? 0,
  copyMs,
  copyError: copy.error?.message ?? null,
  queries,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
};
console.log(JSON.stringify(figures));
