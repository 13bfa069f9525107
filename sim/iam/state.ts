import { fail, md5Hex, ok, type Millis, type Result, type SimError } from '../core/index.ts';
import { parseRoleArn, policyArnOf, roleArnOf } from './arn.ts';
import type { NamedPolicy } from './evaluate.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import { validateIamPath, validatePolicyName, validateRoleName } from './names.ts';
import { parsePolicyDocument, policySize, type PolicyDocument, type PolicyKind } from './policy-document.ts';

/**
 * The IAM of one account: roles with a trust policy, inline policies and attached managed policies, and the
 * account's customer managed policies. Operations take the API's input names and return IAM's errors
 * (`EntityAlreadyExists`, `NoSuchEntity`, `MalformedPolicyDocument`, `LimitExceeded`, `ValidationError`).
 * Quotas are IAM's defaults (IAM User Guide, "IAM and AWS STS quotas"): a trust policy of 2,048 characters,
 * 10,240 characters of inline policy per role, 6,144 per managed policy, 10 managed policies per role —
 * white space not counted.
 */

/** A policy document as the learner wrote it, and as IAM read it. */
export interface StoredPolicy {
  readonly text: string;
  readonly document: PolicyDocument;
}

/** One role. */
export interface IamRole {
  readonly RoleName: string;
  readonly Path: string;
  readonly Arn: string;
  /** IAM's unique id: `AROA` and 17 characters (here derived from the ARN, so runs are deterministic). */
  readonly RoleId: string;
  readonly CreateDate: Millis;
  readonly Description: string;
  readonly AssumeRolePolicyDocument: StoredPolicy;
  /** Inline policies by name (PutRolePolicy). */
  readonly inlinePolicies: Readonly<Record<string, StoredPolicy>>;
  /** ARNs of attached managed policies, AWS's or the account's (AttachRolePolicy). */
  readonly AttachedPolicyArns: readonly string[];
}

/** A customer managed policy (CreatePolicy). */
export interface CustomerManagedPolicy {
  readonly PolicyName: string;
  readonly Path: string;
  readonly Arn: string;
  readonly policy: StoredPolicy;
}

/** The IAM of one account. */
export interface IamState {
  /** The 12-digit account id that ARNs carry. */
  readonly accountId: string;
  /** Roles by lower-case name: IAM names are unique without regard to case. */
  readonly roles: Readonly<Record<string, IamRole>>;
  readonly policies: Readonly<Record<string, CustomerManagedPolicy>>;
}

/** IAM's default quotas the model enforces. */
export const IAM_QUOTAS = {
  trustPolicyChars: 2048,
  inlinePolicyCharsPerRole: 10_240,
  managedPolicyChars: 6144,
  managedPoliciesPerRole: 10,
} as const;

/** The account id used when a scenario does not choose one (the one AWS's documentation uses). */
export const EXAMPLE_ACCOUNT_ID = '123456789012';

/** An account with no roles or policies. */
export function createIamState(accountId: string = EXAMPLE_ACCOUNT_ID): IamState {
  if (!/^\d{12}$/.test(accountId)) throw new Error(`An AWS account id is 12 digits, not "${accountId}".`);
  return { accountId, roles: {}, policies: {} };
}

const noSuchRole = (name: string): SimError => ({
  code: 'NoSuchEntity',
  message: `The role with name ${name} cannot be found. Create it first (CreateRole) or check the name.`,
  path: 'RoleName',
});

function readPolicy(text: string, kind: PolicyKind, path: string): Result<StoredPolicy> {
  const parsed = parsePolicyDocument(text, kind);
  if (!parsed.ok) {
    const where = parsed.error.path === undefined ? path : `${path}: ${parsed.error.path}`;
    return fail({ ...parsed.error, path: where });
  }
  return ok({ text, document: parsed.value });
}

function roleIdOf(arn: string): string {
  const hex = md5Hex(new TextEncoder().encode(arn));
  return `AROA${BigInt(`0x${hex}`).toString(36).toUpperCase().padStart(17, '0').slice(0, 17)}`;
}

/** CreateRole: a role with a trust policy (who may assume it). */
export function createRole(
  state: IamState,
  input: {
    readonly RoleName: string;
    readonly AssumeRolePolicyDocument: string;
    readonly Path?: string;
    readonly Description?: string;
  },
  now: Millis,
): Result<{ readonly state: IamState; readonly role: IamRole }> {
  const name = validateRoleName(input.RoleName);
  if (!name.ok) return name;
  const path = validateIamPath(input.Path ?? '/');
  if (!path.ok) return path;
  if (state.roles[input.RoleName.toLowerCase()]) {
    return fail({
      code: 'EntityAlreadyExists',
      message: `Role with name ${input.RoleName} already exists. Role names are unique in an account without regard to case; use the role or pick another name.`,
      path: 'RoleName',
    });
  }
  const size = policySize(input.AssumeRolePolicyDocument);
  if (size > IAM_QUOTAS.trustPolicyChars) {
    return fail({
      code: 'LimitExceeded',
      message: `Cannot exceed quota for ACLSizePerRole: ${IAM_QUOTAS.trustPolicyChars}. The trust policy has ${size} characters (white space not counted).`,
      path: 'AssumeRolePolicyDocument',
    });
  }
  const trust = readPolicy(input.AssumeRolePolicyDocument, 'trust', 'AssumeRolePolicyDocument');
  if (!trust.ok) return trust;
  const arn = roleArnOf(state.accountId, input.Path ?? '/', input.RoleName);
  const role: IamRole = {
    RoleName: input.RoleName,
    Path: input.Path ?? '/',
    Arn: arn,
    RoleId: roleIdOf(arn),
    CreateDate: now,
    Description: input.Description ?? '',
    AssumeRolePolicyDocument: trust.value,
    inlinePolicies: {},
    AttachedPolicyArns: [],
  };
  return ok({ state: { ...state, roles: { ...state.roles, [input.RoleName.toLowerCase()]: role } }, role });
}

/** GetRole by name (without regard to case). */
export function getRole(state: IamState, roleName: string): Result<IamRole> {
  const role = state.roles[roleName.toLowerCase()];
  return role ? ok(role) : fail(noSuchRole(roleName));
}

/** The role an ARN names in this account, or `NoSuchEntity` (also for another account's ARN). */
export function roleFromArn(state: IamState, arn: string): Result<IamRole> {
  const parsed = parseRoleArn(arn);
  if (!parsed.ok) return parsed;
  const role = state.roles[parsed.value.roleName.toLowerCase()];
  if (!role || parsed.value.accountId !== state.accountId || role.Path !== parsed.value.path) {
    return fail(noSuchRole(parsed.value.roleName));
  }
  return ok(role);
}

function withRole(state: IamState, role: IamRole): IamState {
  return { ...state, roles: { ...state.roles, [role.RoleName.toLowerCase()]: role } };
}

/** UpdateAssumeRolePolicy: replaces a role's trust policy. */
export function updateAssumeRolePolicy(
  state: IamState,
  input: { readonly RoleName: string; readonly PolicyDocument: string },
): Result<IamState> {
  const role = getRole(state, input.RoleName);
  if (!role.ok) return role;
  const trust = readPolicy(input.PolicyDocument, 'trust', 'PolicyDocument');
  if (!trust.ok) return trust;
  return ok(withRole(state, { ...role.value, AssumeRolePolicyDocument: trust.value }));
}

/** PutRolePolicy: adds or replaces an inline permission policy of a role. */
export function putRolePolicy(
  state: IamState,
  input: { readonly RoleName: string; readonly PolicyName: string; readonly PolicyDocument: string },
): Result<IamState> {
  const role = getRole(state, input.RoleName);
  if (!role.ok) return role;
  const name = validatePolicyName(input.PolicyName);
  if (!name.ok) return name;
  const policy = readPolicy(input.PolicyDocument, 'permissions', 'PolicyDocument');
  if (!policy.ok) return policy;
  const inlinePolicies = { ...role.value.inlinePolicies, [input.PolicyName]: policy.value };
  const total = Object.values(inlinePolicies).reduce((sum, p) => sum + policySize(p.text), 0);
  if (total > IAM_QUOTAS.inlinePolicyCharsPerRole) {
    return fail({
      code: 'LimitExceeded',
      message: `Maximum policy size of ${IAM_QUOTAS.inlinePolicyCharsPerRole} bytes exceeded for role ${role.value.RoleName}. Its inline policies would hold ${total} characters (white space not counted); use a managed policy instead.`,
      path: 'PolicyDocument',
    });
  }
  return ok(withRole(state, { ...role.value, inlinePolicies }));
}

/** DeleteRolePolicy: removes an inline policy. */
export function deleteRolePolicy(
  state: IamState,
  input: { readonly RoleName: string; readonly PolicyName: string },
): Result<IamState> {
  const role = getRole(state, input.RoleName);
  if (!role.ok) return role;
  if (!(input.PolicyName in role.value.inlinePolicies)) {
    return fail({
      code: 'NoSuchEntity',
      message: `The role policy with name ${input.PolicyName} cannot be found. Role ${role.value.RoleName} has ${Object.keys(role.value.inlinePolicies).join(', ') || 'no inline policies'}.`,
      path: 'PolicyName',
    });
  }
  const { [input.PolicyName]: _removed, ...inlinePolicies } = role.value.inlinePolicies;
  return ok(withRole(state, { ...role.value, inlinePolicies }));
}

/** CreatePolicy: a customer managed permission policy. */
export function createPolicy(
  state: IamState,
  input: { readonly PolicyName: string; readonly PolicyDocument: string; readonly Path?: string },
): Result<{ readonly state: IamState; readonly policy: CustomerManagedPolicy }> {
  const name = validatePolicyName(input.PolicyName);
  if (!name.ok) return name;
  const path = validateIamPath(input.Path ?? '/');
  if (!path.ok) return path;
  const arn = policyArnOf(state.accountId, input.Path ?? '/', input.PolicyName);
  if (
    Object.values(state.policies).some((p) => p.PolicyName.toLowerCase() === input.PolicyName.toLowerCase())
  ) {
    return fail({
      code: 'EntityAlreadyExists',
      message: `A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`,
      path: 'PolicyName',
    });
  }
  const size = policySize(input.PolicyDocument);
  if (size > IAM_QUOTAS.managedPolicyChars) {
    return fail({
      code: 'LimitExceeded',
      message: `Cannot exceed quota for PolicySize: ${IAM_QUOTAS.managedPolicyChars}. The policy has ${size} characters (white space not counted).`,
      path: 'PolicyDocument',
    });
  }
  const document = readPolicy(input.PolicyDocument, 'permissions', 'PolicyDocument');
  if (!document.ok) return document;
  const policy: CustomerManagedPolicy = {
    PolicyName: input.PolicyName,
    Path: input.Path ?? '/',
    Arn: arn,
    policy: document.value,
  };
  return ok({ state: { ...state, policies: { ...state.policies, [arn]: policy } }, policy });
}

/** The document of a managed policy (AWS's or the account's), or undefined. */
function managedPolicy(state: IamState, arn: string): StoredPolicy | undefined {
  const customer = state.policies[arn];
  if (customer) return customer.policy;
  const aws = AWS_MANAGED_POLICIES[arn];
  if (!aws) return undefined;
  const parsed = parsePolicyDocument(aws.document, 'permissions');
  if (!parsed.ok) throw new Error(`AWS managed policy ${arn} does not parse: ${parsed.error.message}`);
  return { text: aws.document, document: parsed.value };
}

/** AttachRolePolicy: attaches a managed policy to a role. */
export function attachRolePolicy(
  state: IamState,
  input: { readonly RoleName: string; readonly PolicyArn: string },
): Result<IamState> {
  const role = getRole(state, input.RoleName);
  if (!role.ok) return role;
  if (managedPolicy(state, input.PolicyArn) === undefined) {
    return fail({
      code: 'NoSuchEntity',
      message: `Policy ${input.PolicyArn} does not exist or is not attachable. AWS's own read policy is arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess; your own policies are arn:aws:iam::${state.accountId}:policy/NAME.`,
      path: 'PolicyArn',
    });
  }
  if (role.value.AttachedPolicyArns.includes(input.PolicyArn)) return ok(state);
  if (role.value.AttachedPolicyArns.length >= IAM_QUOTAS.managedPoliciesPerRole) {
    return fail({
      code: 'LimitExceeded',
      message: `Cannot exceed quota for PoliciesPerRole: ${IAM_QUOTAS.managedPoliciesPerRole}. Detach a policy from ${role.value.RoleName} first.`,
      path: 'PolicyArn',
    });
  }
  return ok(
    withRole(state, {
      ...role.value,
      AttachedPolicyArns: [...role.value.AttachedPolicyArns, input.PolicyArn],
    }),
  );
}

/** DetachRolePolicy: detaches a managed policy from a role. */
export function detachRolePolicy(
  state: IamState,
  input: { readonly RoleName: string; readonly PolicyArn: string },
): Result<IamState> {
  const role = getRole(state, input.RoleName);
  if (!role.ok) return role;
  if (!role.value.AttachedPolicyArns.includes(input.PolicyArn)) {
    return fail({
      code: 'NoSuchEntity',
      message: `Policy ${input.PolicyArn} was not found: it is not attached to role ${role.value.RoleName}.`,
      path: 'PolicyArn',
    });
  }
  return ok(
    withRole(state, {
      ...role.value,
      AttachedPolicyArns: role.value.AttachedPolicyArns.filter((a) => a !== input.PolicyArn),
    }),
  );
}

/** Every permission policy of a role (inline, then attached), named for explanations. */
export function permissionPolicies(state: IamState, role: IamRole): NamedPolicy[] {
  const inline = Object.entries(role.inlinePolicies).map(([name, p]) => ({
    name: `inline policy ${name}`,
    document: p.document,
  }));
  const attached = role.AttachedPolicyArns.flatMap((arn) => {
    const policy = managedPolicy(state, arn);
    return policy ? [{ name: arn, document: policy.document }] : [];
  });
  return [...inline, ...attached];
}
