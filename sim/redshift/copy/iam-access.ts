import {
  redshiftMayRead,
  redshiftMayWrite,
  type IamState,
  type RedshiftAccess,
  type RedshiftCaller,
} from '../../iam/index.ts';
import type { AccessDecision, S3Access } from './context.ts';

function decision(access: RedshiftAccess): AccessDecision {
  return access.ok
    ? { ok: true }
    : { ok: false, code: access.code, message: access.message, hint: access.hint };
}

/**
 * COPY's and UNLOAD's IAM checks for one cluster, decided by sim/iam: the roles associated with the cluster
 * and the database user Redshift names in its refusal (`User arn:aws:redshift:…:dbuser:cluster/user is not
 * authorized to assume IAM Role …`).
 */
export function s3AccessFromIam(
  iam: IamState,
  associatedRoles: readonly string[],
  caller: RedshiftCaller,
): S3Access {
  return {
    mayRead: (roleArn, bucket, prefix, keys) =>
      decision(redshiftMayRead(iam, { roleArn, associatedRoles, caller, bucket, prefix, keys })),
    mayWrite: (roleArn, bucket, keys) =>
      decision(redshiftMayWrite(iam, { roleArn, associatedRoles, caller, bucket, keys })),
  };
}
