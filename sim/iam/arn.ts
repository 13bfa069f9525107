import { fail, ok, type Result, type SimError } from '../core/index.ts';

/**
 * Amazon Resource Names: `arn:partition:service:region:account-id:resource`. IAM roles are global, so a
 * role's ARN has no region: `arn:aws:iam::123456789012:role/path/name`.
 */

/** The six parts of an ARN, as written. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  /** Everything after the fifth colon, such as `role/demo` or `bucket/key` (it may hold colons). */
  readonly resource: string;
}

/** An IAM role ARN, split into the parts IAM names. */
export interface RoleArn extends Arn {
  /** `/` or `/division/`: the path between `role` and the name. */
  readonly path: string;
  readonly roleName: string;
}

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];

const malformed = (text: string, why: string): SimError => ({
  code: 'InvalidArn',
  message: `"${text}" is not a valid ARN: ${why} An ARN reads arn:aws:SERVICE:REGION:ACCOUNT-ID:RESOURCE, such as arn:aws:iam::123456789012:role/redshift-copy.`,
  path: 'Arn',
});

/** Splits an ARN into its parts, or says which part is missing or wrong. */
export function parseArn(text: string): Result<Arn> {
  const parts = text.split(':');
  if (parts[0] !== 'arn') return fail(malformed(text, 'it must begin with "arn:".'));
  if (parts.length < 6) {
    return fail(malformed(text, `it has ${parts.length} colon-separated parts; an ARN has at least 6.`));
  }
  const [, partition, service, region, accountId] = parts as [string, string, string, string, string];
  if (!PARTITIONS.includes(partition)) {
    return fail(malformed(text, `"${partition}" is not a partition (aws, aws-cn or aws-us-gov).`));
  }
  if (service === '') return fail(malformed(text, 'the service part (such as iam or s3) is empty.'));
  return ok({ partition, service, region, accountId, resource: parts.slice(5).join(':') });
}

/** Reads an IAM role ARN (`arn:aws:iam::ACCOUNT:role/[path/]name`), or says why it is not one. */
export function parseRoleArn(text: string): Result<RoleArn> {
  const parsed = parseArn(text);
  if (!parsed.ok) return parsed;
  const arn = parsed.value;
  if (arn.service !== 'iam') {
    return fail(malformed(text, `it names the service "${arn.service}"; a role ARN names iam.`));
  }
  if (arn.region !== '') {
    return fail(malformed(text, `IAM is global, so a role ARN has no region (found "${arn.region}").`));
  }
  if (!/^\d{12}$/.test(arn.accountId)) {
    return fail(malformed(text, `the account id "${arn.accountId}" is not 12 digits.`));
  }
  if (!arn.resource.startsWith('role/')) {
    return fail(malformed(text, `the resource "${arn.resource}" does not begin with "role/".`));
  }
  const rest = arn.resource.slice('role/'.length);
  const slash = rest.lastIndexOf('/');
  const roleName = rest.slice(slash + 1);
  if (roleName === '') return fail(malformed(text, 'the role name after "role/" is empty.'));
  return ok({ ...arn, path: slash === -1 ? '/' : `/${rest.slice(0, slash + 1)}`, roleName });
}

/** The ARN IAM gives a role. */
export function roleArnOf(accountId: string, path: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role${path}${roleName}`;
}

/** The ARN IAM gives a customer managed policy. */
export function policyArnOf(accountId: string, path: string, policyName: string): string {
  return `arn:aws:iam::${accountId}:policy${path}${policyName}`;
}
