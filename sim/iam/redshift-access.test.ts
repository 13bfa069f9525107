import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { redshiftMayRead, redshiftMayWrite, type RedshiftCaller } from './redshift-access.ts';
import { attachRolePolicy, createIamState, createRole, putRolePolicy, type IamState } from './state.ts';

const caller: RedshiftCaller = { region: 'us-east-1', clusterIdentifier: 'demo', dbUser: 'master' };
const ROLE = 'arn:aws:iam::123456789012:role/redshift-copy';
const TRUST_REDSHIFT = JSON.stringify({
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' },
});

function account(trust = TRUST_REDSHIFT, permissions?: object): IamState {
  const created = createRole(
    createIamState(),
    { RoleName: 'redshift-copy', AssumeRolePolicyDocument: trust },
    millis(0),
  );
  if (!created.ok) throw new Error(created.error.message);
  if (permissions === undefined) return created.value.state;
  const put = putRolePolicy(created.value.state, {
    RoleName: 'redshift-copy',
    PolicyName: 's3-read',
    PolicyDocument: JSON.stringify(permissions),
  });
  if (!put.ok) throw new Error(put.error.message);
  return put.value;
}

const read = (iam: IamState, associated: readonly string[] = [ROLE], keys = ['access-log/part-0.gz']) =>
  redshiftMayRead(iam, {
    roleArn: ROLE,
    associatedRoles: associated,
    caller,
    bucket: 'logs',
    prefix: 'access-log',
    keys,
  });

const readLogs = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::logs' },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' },
  ],
};

describe('may Redshift read S3 with a role (COPY)', () => {
  it('allows a role that is associated, trusts Redshift and may list and get', () => {
    const access = read(account(TRUST_REDSHIFT, readLogs));
    expect(access.ok && access.role.RoleName).toBe('redshift-copy');
  });

  it('refuses with Redshift’s error 8001 text when the role is not associated with the cluster', () => {
    const access = read(account(TRUST_REDSHIFT, readLogs), []);
    expect(access).toMatchObject({
      ok: false,
      check: 'associated with the cluster',
      code: '8001',
      message: `User arn:aws:redshift:us-east-1:123456789012:dbuser:demo/master is not authorized to assume IAM Role ${ROLE}`,
    });
    if (!access.ok) expect(access.hint).toMatch(/ModifyClusterIamRoles/);
  });

  it('refuses a role that does not exist, one that trusts another service, and a malformed ARN', () => {
    expect(read(createIamState())).toMatchObject({ ok: false, check: 'role exists', code: '8001' });
    const firehoseTrust = TRUST_REDSHIFT.replace('redshift.amazonaws.com', 'firehose.amazonaws.com');
    expect(read(account(firehoseTrust, readLogs))).toMatchObject({
      ok: false,
      check: 'trust policy',
      code: '8001',
    });
    const bad = redshiftMayRead(account(TRUST_REDSHIFT, readLogs), {
      roleArn: 'redshift-copy',
      associatedRoles: ['redshift-copy'],
      caller,
      bucket: 'logs',
      prefix: '',
      keys: [],
    });
    expect(bad).toMatchObject({ ok: false, check: 'role ARN' });
  });

  it('honours an sts:ExternalId condition naming the database user, as Redshift’s guide shows', () => {
    const restricted = JSON.stringify({
      Statement: {
        Effect: 'Allow',
        Principal: { Service: 'redshift.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'sts:ExternalId': 'arn:aws:redshift:us-east-1:123456789012:dbuser:demo/master' },
        },
      },
    });
    expect(read(account(restricted, readLogs)).ok).toBe(true);
    const other = redshiftMayRead(account(restricted, readLogs), {
      roleArn: ROLE,
      associatedRoles: [ROLE],
      caller: { ...caller, dbUser: 'analyst' },
      bucket: 'logs',
      prefix: 'access-log',
      keys: [],
    });
    expect(other).toMatchObject({ ok: false, check: 'trust policy' });
  });

  it('refuses with S3’s AccessDenied when the role may get objects but not list the bucket', () => {
    const objectsOnly = {
      Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' },
    };
    const access = read(account(TRUST_REDSHIFT, objectsOnly));
    expect(access).toMatchObject({
      ok: false,
      check: 's3:ListBucket',
      code: 'AccessDenied',
      message: 'S3ServiceException:Access Denied,Status 403,Error AccessDenied',
    });
  });

  it('refuses a key an explicit Deny covers even though AmazonS3ReadOnlyAccess allows it', () => {
    const withDeny = account(TRUST_REDSHIFT, {
      Statement: {
        Sid: 'NoRaw',
        Effect: 'Deny',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::logs/access-log/raw/*',
      },
    });
    const attached = attachRolePolicy(withDeny, {
      RoleName: 'redshift-copy',
      PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    });
    if (!attached.ok) throw new Error(attached.error.message);
    expect(read(attached.value).ok).toBe(true);
    const denied = read(attached.value, [ROLE], ['access-log/part-0.gz', 'access-log/raw/part-1.gz']);
    expect(denied).toMatchObject({
      ok: false,
      check: 's3:GetObject',
      decision: { decision: 'ExplicitDeny' },
    });
    if (!denied.ok) expect(denied.hint).toMatch(/"NoRaw".*explicit Deny wins/);
  });

  it('lets UNLOAD write only with s3:PutObject, which a read-only policy does not give', () => {
    const readOnly = attachRolePolicy(account(), {
      RoleName: 'redshift-copy',
      PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    });
    if (!readOnly.ok) throw new Error(readOnly.error.message);
    const write = (iam: IamState) =>
      redshiftMayWrite(iam, {
        roleArn: ROLE,
        associatedRoles: [ROLE],
        caller,
        bucket: 'logs',
        keys: ['unload/0000_part_00'],
      });
    expect(write(readOnly.value)).toMatchObject({ ok: false, check: 's3:PutObject' });
    const full = attachRolePolicy(readOnly.value, {
      RoleName: 'redshift-copy',
      PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
    });
    expect(full.ok && write(full.value).ok).toBe(true);
  });
});
