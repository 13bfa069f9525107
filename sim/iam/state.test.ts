import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { parseRoleArn } from './arn.ts';
import {
  attachRolePolicy,
  createIamState,
  createPolicy,
  createRole,
  deleteRolePolicy,
  detachRolePolicy,
  getRole,
  IAM_QUOTAS,
  putRolePolicy,
  roleFromArn,
  type IamState,
} from './state.ts';

const TRUST =
  '{"Statement": {"Effect": "Allow", "Principal": {"Service": "redshift.amazonaws.com"}, "Action": "sts:AssumeRole"}}';
const READ = '{"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}';

function withRole(name = 'redshift-copy'): IamState {
  const created = createRole(
    createIamState(),
    { RoleName: name, AssumeRolePolicyDocument: TRUST },
    millis(5),
  );
  if (!created.ok) throw new Error(created.error.message);
  return created.value.state;
}

describe('IAM roles', () => {
  it('creates a role with IAM’s ARN and finds it by name without regard to case, and by ARN', () => {
    const state = withRole('RedshiftCopy');
    const role = getRole(state, 'redshiftcopy');
    expect(role.ok && role.value.Arn).toBe('arn:aws:iam::123456789012:role/RedshiftCopy');
    expect(role.ok && role.value.RoleId).toMatch(/^AROA[0-9A-Z]{17}$/);
    expect(roleFromArn(state, 'arn:aws:iam::123456789012:role/RedshiftCopy').ok).toBe(true);
    expect(roleFromArn(state, 'arn:aws:iam::999999999999:role/RedshiftCopy')).toMatchObject({
      ok: false,
      error: { code: 'NoSuchEntity' },
    });
  });

  it('refuses a second role of the same name in any case, a bad name and a malformed trust policy', () => {
    const state = withRole('demo');
    expect(createRole(state, { RoleName: 'DEMO', AssumeRolePolicyDocument: TRUST }, millis(0))).toMatchObject(
      {
        ok: false,
        error: {
          code: 'EntityAlreadyExists',
          message: expect.stringMatching(/^Role with name DEMO already exists\./),
        },
      },
    );
    expect(
      createRole(state, { RoleName: 'my role', AssumeRolePolicyDocument: TRUST }, millis(0)),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'ValidationError',
        message: expect.stringMatching(
          /^1 validation error detected: Value 'my role' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\w\+=,\.@-\]\+\. " " is not allowed/,
        ),
      },
    });
    expect(
      createRole(state, { RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: TRUST }, millis(0)),
    ).toMatchObject({
      ok: false,
      error: { code: 'ValidationError', path: 'RoleName' },
    });
    expect(createRole(state, { RoleName: 'other', AssumeRolePolicyDocument: READ }, millis(0))).toMatchObject(
      {
        ok: false,
        error: {
          code: 'MalformedPolicyDocument',
          path: 'AssumeRolePolicyDocument: Statement.Resource',
          message: expect.stringMatching(/^Has prohibited field Resource/),
        },
      },
    );
    expect(
      createRole(state, { RoleName: 'p', Path: 'service-role', AssumeRolePolicyDocument: TRUST }, millis(0)),
    ).toMatchObject({
      ok: false,
      error: { code: 'ValidationError', path: 'Path' },
    });
  });

  it('keeps a role’s path in its ARN and finds it only under that path', () => {
    const created = createRole(
      createIamState(),
      { RoleName: 'copy', Path: '/service-role/', AssumeRolePolicyDocument: TRUST },
      millis(0),
    );
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.role.Arn).toBe('arn:aws:iam::123456789012:role/service-role/copy');
    const parsed = parseRoleArn(created.value.role.Arn);
    expect(parsed.ok && parsed.value).toMatchObject({ path: '/service-role/', roleName: 'copy' });
    expect(roleFromArn(created.value.state, 'arn:aws:iam::123456789012:role/copy').ok).toBe(false);
  });

  it('enforces the trust policy and inline policy quotas, not counting white space', () => {
    const padded = TRUST.replace('"Allow"', `"Allow", "Sid": "${'x'.repeat(IAM_QUOTAS.trustPolicyChars)}"`);
    expect(
      createRole(createIamState(), { RoleName: 'big', AssumeRolePolicyDocument: padded }, millis(0)),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'LimitExceeded',
        message: expect.stringMatching(/^Cannot exceed quota for ACLSizePerRole: 2048/),
      },
    });
    const spaced = TRUST.replace(/ /g, ' '.repeat(200));
    expect(
      createRole(createIamState(), { RoleName: 'spaced', AssumeRolePolicyDocument: spaced }, millis(0)).ok,
    ).toBe(true);
    let state = withRole();
    const big = READ.replace('"Allow"', `"Allow", "Sid": "${'y'.repeat(6000)}"`);
    const first = putRolePolicy(state, { RoleName: 'redshift-copy', PolicyName: 'a', PolicyDocument: big });
    if (!first.ok) throw new Error(first.error.message);
    state = first.value;
    expect(
      putRolePolicy(state, { RoleName: 'redshift-copy', PolicyName: 'b', PolicyDocument: big }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'LimitExceeded',
        message: expect.stringMatching(/^Maximum policy size of 10240 bytes exceeded for role redshift-copy/),
      },
    });
    expect(
      putRolePolicy(state, { RoleName: 'redshift-copy', PolicyName: 'a', PolicyDocument: READ }).ok,
    ).toBe(true);
  });

  it('puts, replaces and deletes inline policies; refuses a missing role or policy', () => {
    const put = putRolePolicy(withRole(), {
      RoleName: 'redshift-copy',
      PolicyName: 's3-read',
      PolicyDocument: READ,
    });
    if (!put.ok) throw new Error(put.error.message);
    expect(
      Object.keys(
        getRole(put.value, 'redshift-copy').ok ? put.value.roles['redshift-copy']!.inlinePolicies : {},
      ),
    ).toEqual(['s3-read']);
    expect(
      putRolePolicy(put.value, { RoleName: 'nobody', PolicyName: 'x', PolicyDocument: READ }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'NoSuchEntity',
        message: expect.stringMatching(/^The role with name nobody cannot be found\./),
      },
    });
    expect(deleteRolePolicy(put.value, { RoleName: 'redshift-copy', PolicyName: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NoSuchEntity' },
    });
    const deleted = deleteRolePolicy(put.value, { RoleName: 'redshift-copy', PolicyName: 's3-read' });
    expect(deleted.ok && deleted.value.roles['redshift-copy']!.inlinePolicies).toEqual({});
  });

  it('attaches AWS and customer managed policies, refuses unknown ones and more than the quota', () => {
    const created = createPolicy(withRole(), { PolicyName: 'logs-read', PolicyDocument: READ });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.policy.Arn).toBe('arn:aws:iam::123456789012:policy/logs-read');
    expect(
      createPolicy(created.value.state, { PolicyName: 'LOGS-READ', PolicyDocument: READ }),
    ).toMatchObject({ ok: false, error: { code: 'EntityAlreadyExists' } });
    let state = created.value.state;
    for (const arn of [created.value.policy.Arn, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']) {
      const attached = attachRolePolicy(state, { RoleName: 'redshift-copy', PolicyArn: arn });
      if (!attached.ok) throw new Error(attached.error.message);
      state = attached.value;
    }
    expect(
      attachRolePolicy(state, {
        RoleName: 'redshift-copy',
        PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnly',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'NoSuchEntity',
        message: expect.stringMatching(
          /^Policy arn:aws:iam::aws:policy\/AmazonS3ReadOnly does not exist or is not attachable\./,
        ),
      },
    });
    for (let i = 0; i < IAM_QUOTAS.managedPoliciesPerRole - 2; i++) {
      const more = createPolicy(state, { PolicyName: `p${i}`, PolicyDocument: READ });
      if (!more.ok) throw new Error(more.error.message);
      const attached = attachRolePolicy(more.value.state, {
        RoleName: 'redshift-copy',
        PolicyArn: more.value.policy.Arn,
      });
      if (!attached.ok) throw new Error(attached.error.message);
      state = attached.value;
    }
    expect(
      attachRolePolicy(state, {
        RoleName: 'redshift-copy',
        PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'LimitExceeded',
        message: expect.stringMatching(/^Cannot exceed quota for PoliciesPerRole: 10/),
      },
    });
    const detached = detachRolePolicy(state, {
      RoleName: 'redshift-copy',
      PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    });
    expect(detached.ok && detached.value.roles['redshift-copy']!.AttachedPolicyArns).toHaveLength(9);
  });
});
