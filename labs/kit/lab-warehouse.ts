/**
 * The cluster session 4's SQL labs run on: the workshop's single dc1.large node, its web logs in a
 * simulated S3 bucket, and the role COPY uses — attached, trusting Redshift and allowed to read the
 * bucket — with the real SQL engine and COPY from sim/redshift. sql.js comes through `sqlJsPort`
 * (sql-js-port.ts), which the host (the derive worker, Node's tests) loads before a SQL lab derives.
 */
import { millis, type Millis } from '../../sim/core/index.ts';
import { createIamState, createRole, putRolePolicy, type IamState } from '../../sim/iam/index.ts';
import { openWarehouse, type LoadLog, type RedshiftDatabase } from '../../sim/redshift/index.ts';
import { createBucket, createS3State, putObject, type S3State } from '../../sim/s3/index.ts';
import type { ProcessedLogObject } from '../../sim/weblogs/index.ts';
import { sqlJsPort } from './sql-js-port.ts';
import { COPY_ROLE_ARN, WAREHOUSE_BUCKET } from './web-log-warehouse.ts';

/** The afternoon of the workshop day: the simulation clock the labs' SQL reads (GETDATE()). */
export const LAB_NOW: Millis = millis(Date.UTC(2016, 5, 10, 16, 15));

const ROLE_NAME = COPY_ROLE_ARN.slice(COPY_ROLE_ARN.lastIndexOf('/') + 1);

const TRUST_REDSHIFT = JSON.stringify({
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' },
});

const READ_BUCKET = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${WAREHOUSE_BUCKET}` },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${WAREHOUSE_BUCKET}/*` },
  ],
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`The lab's warehouse could not be set up: ${result.error.message}`);
  return result.value;
}

/** The account with the COPY role: trusts Redshift, may list and read the bucket. */
function copyRoleAccount(): IamState {
  const created = unwrap(
    createRole(
      createIamState(),
      { RoleName: ROLE_NAME, AssumeRolePolicyDocument: TRUST_REDSHIFT },
      millis(0),
    ),
  );
  return unwrap(
    putRolePolicy(created.state, {
      RoleName: ROLE_NAME,
      PolicyName: 'read-weblogs',
      PolicyDocument: READ_BUCKET,
    }),
  );
}

/** The demo cluster's database, the bucket COPY reads, and the log behind stl_load_errors/stl_load_commits. */
export interface LabWarehouse {
  readonly db: RedshiftDatabase;
  readonly s3: S3State;
  readonly loadLog: LoadLog;
}

/** Writes `objects` into the bucket, replacing objects with the same keys (the EMR step run again). */
export function putLogObjects(s3: S3State, objects: readonly ProcessedLogObject[]): void {
  for (const object of objects) {
    unwrap(putObject(s3, { Bucket: WAREHOUSE_BUCKET, Key: object.key, Body: object.body }, millis(0)));
  }
}

/** A fresh, empty database on the demo cluster, with `objects` in the bucket for COPY to read. */
export function openLabWarehouse(objects: readonly ProcessedLogObject[]): LabWarehouse {
  const s3 = createS3State(millis(0));
  unwrap(createBucket(s3, { Bucket: WAREHOUSE_BUCKET }, millis(0)));
  putLogObjects(s3, objects);
  const { database: db, loadLog } = openWarehouse({
    sql: sqlJsPort.get(),
    cluster: { nodeType: 'dc1.large', nodes: 1, slicesPerNode: 2 },
    now: () => LAB_NOW,
    era: '2016',
    databaseName: 'demo',
    s3,
    iam: copyRoleAccount(),
    attachedRoles: [COPY_ROLE_ARN],
    caller: { region: 'us-east-1', clusterIdentifier: 'demo', dbUser: 'master' },
  });
  return { db, s3, loadLog };
}
