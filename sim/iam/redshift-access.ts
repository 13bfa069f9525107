import { parseRoleArn } from './arn.ts';
import { evaluatePolicies, type Decision } from './evaluate.ts';
import { permissionPolicies, type IamRole, type IamState } from './state.ts';

/**
 * May Redshift use a role for COPY or UNLOAD? Redshift asks in this order (Redshift Database Developer
 * Guide, "Role-based access control" and "Authorizing COPY, UNLOAD … to access other AWS resources"):
 * the role must be associated with the cluster and trust `redshift.amazonaws.com` to call sts:AssumeRole
 * (Redshift passes the database user's ARN as sts:ExternalId); then S3 checks the role's permission
 * policies — COPY lists the prefix (s3:ListBucket on the bucket, with s3:prefix) and reads each object
 * (s3:GetObject), UNLOAD writes each object (s3:PutObject). A refusal carries Redshift's own text
 * (error 8001 "… is not authorized to assume IAM Role …", or S3's AccessDenied as COPY prints it) and a
 * hint in the learner's words.
 *
 * Not modelled: bucket policies and ACLs (the simulated account owns its buckets), role chaining, and
 * cross-account roles (a role of another account is refused as not assumable).
 */

/** The cluster and database user a COPY runs as: Redshift names them in its refusal. */
export interface RedshiftCaller {
  readonly region: string;
  readonly clusterIdentifier: string;
  readonly dbUser: string;
}

/** Which check refused. */
export type AccessCheck =
  | 'role ARN'
  | 'associated with the cluster'
  | 'role exists'
  | 'trust policy'
  | 's3:ListBucket'
  | 's3:GetObject'
  | 's3:PutObject';

/** Redshift's answer: the role to use, or the refusal. */
export type RedshiftAccess =
  | { readonly ok: true; readonly role: IamRole }
  | {
      readonly ok: false;
      readonly check: AccessCheck;
      /** Redshift's error code: `8001` for credentials, `AccessDenied` for S3. */
      readonly code: string;
      /** Redshift's own text, as COPY prints it. */
      readonly message: string;
      /** What to change, in the learner's words. */
      readonly hint: string;
      /** IAM's decision, for the S3 and trust checks. */
      readonly decision?: Decision;
    };

/** The service principal Redshift assumes roles as. */
export const REDSHIFT_SERVICE_PRINCIPAL = 'redshift.amazonaws.com';

/** The database user's ARN, as Redshift names it: `arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER`. */
export function dbUserArn(accountId: string, caller: RedshiftCaller): string {
  return `arn:aws:redshift:${caller.region}:${accountId}:dbuser:${caller.clusterIdentifier}/${caller.dbUser}`;
}

/** May Redshift assume `roleArn` for this cluster? */
export function redshiftMayAssume(
  iam: IamState,
  roleArn: string,
  associatedRoles: readonly string[],
  caller: RedshiftCaller,
): RedshiftAccess {
  const user = dbUserArn(iam.accountId, caller);
  const refuse = (check: AccessCheck, hint: string, decision?: Decision): RedshiftAccess => ({
    ok: false,
    check,
    code: '8001',
    message: `User ${user} is not authorized to assume IAM Role ${roleArn}`,
    hint,
    ...(decision ? { decision } : {}),
  });
  const parsed = parseRoleArn(roleArn);
  if (!parsed.ok) return refuse('role ARN', parsed.error.message);
  if (!associatedRoles.includes(roleArn)) {
    const listed = associatedRoles.length === 0 ? 'no roles' : associatedRoles.join(', ');
    return refuse(
      'associated with the cluster',
      `The role is not associated with cluster ${caller.clusterIdentifier} (it has ${listed}). Associate it when you create the cluster (IamRoles) or later (ModifyClusterIamRoles).`,
    );
  }
  const role = iam.roles[parsed.value.roleName.toLowerCase()];
  if (!role || parsed.value.accountId !== iam.accountId || role.Path !== parsed.value.path) {
    return refuse(
      'role exists',
      `Account ${iam.accountId} has no role ${parsed.value.path}${parsed.value.roleName}. Create it (IAM CreateRole) or correct the ARN.`,
    );
  }
  const decision = evaluatePolicies(
    [{ name: `trust policy of ${role.RoleName}`, document: role.AssumeRolePolicyDocument.document }],
    {
      action: 'sts:AssumeRole',
      principal: { Service: REDSHIFT_SERVICE_PRINCIPAL },
      context: { 'sts:ExternalId': user },
    },
  );
  if (decision.decision !== 'Allow') {
    return refuse(
      'trust policy',
      decision.decision === 'ExplicitDeny'
        ? `Statement ${decision.statement.index} of the role's trust policy denies sts:AssumeRole to Redshift.`
        : `The role's trust policy does not let ${REDSHIFT_SERVICE_PRINCIPAL} call sts:AssumeRole. Its trust policy needs a statement {"Effect": "Allow", "Principal": {"Service": "${REDSHIFT_SERVICE_PRINCIPAL}"}, "Action": "sts:AssumeRole"} (IAM UpdateAssumeRolePolicy).`,
      decision,
    );
  }
  return { ok: true, role };
}

const S3_ACCESS_DENIED = 'S3ServiceException:Access Denied,Status 403,Error AccessDenied';

function s3Check(
  iam: IamState,
  role: IamRole,
  check: 's3:ListBucket' | 's3:GetObject' | 's3:PutObject',
  resource: string,
  context: Readonly<Record<string, string>>,
): RedshiftAccess | undefined {
  const decision = evaluatePolicies(permissionPolicies(iam, role), { action: check, resource, context });
  if (decision.decision === 'Allow') return undefined;
  const why =
    decision.decision === 'ExplicitDeny'
      ? `${decision.statement.policy} denies ${check} on ${resource} (statement ${decision.statement.index}${decision.statement.sid ? `, "${decision.statement.sid}"` : ''}); an explicit Deny wins over every Allow.`
      : `No policy of role ${role.RoleName} allows ${check} on ${resource}. Add a statement that allows it (IAM PutRolePolicy), or attach AmazonS3ReadOnlyAccess for COPY (AttachRolePolicy).`;
  return { ok: false, check, code: 'AccessDenied', message: S3_ACCESS_DENIED, hint: why, decision };
}

/** What COPY reads: the prefix it lists and the keys it then gets. */
export interface S3ReadRequest {
  readonly roleArn: string;
  readonly associatedRoles: readonly string[];
  readonly caller: RedshiftCaller;
  readonly bucket: string;
  readonly prefix: string;
  /** The keys under the prefix COPY will read (each needs s3:GetObject). */
  readonly keys: readonly string[];
}

/** May COPY read these objects with this role? */
export function redshiftMayRead(iam: IamState, request: S3ReadRequest): RedshiftAccess {
  const assumed = redshiftMayAssume(iam, request.roleArn, request.associatedRoles, request.caller);
  if (!assumed.ok) return assumed;
  const listed = s3Check(iam, assumed.role, 's3:ListBucket', `arn:aws:s3:::${request.bucket}`, {
    's3:prefix': request.prefix,
  });
  if (listed) return listed;
  for (const key of request.keys) {
    const got = s3Check(iam, assumed.role, 's3:GetObject', `arn:aws:s3:::${request.bucket}/${key}`, {});
    if (got) return got;
  }
  return assumed;
}

/** What UNLOAD writes. */
export interface S3WriteRequest {
  readonly roleArn: string;
  readonly associatedRoles: readonly string[];
  readonly caller: RedshiftCaller;
  readonly bucket: string;
  readonly keys: readonly string[];
}

/** May UNLOAD write these objects with this role? */
export function redshiftMayWrite(iam: IamState, request: S3WriteRequest): RedshiftAccess {
  const assumed = redshiftMayAssume(iam, request.roleArn, request.associatedRoles, request.caller);
  if (!assumed.ok) return assumed;
  for (const key of request.keys) {
    const put = s3Check(iam, assumed.role, 's3:PutObject', `arn:aws:s3:::${request.bucket}/${key}`, {});
    if (put) return put;
  }
  return assumed;
}
