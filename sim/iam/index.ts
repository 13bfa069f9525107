/** The simulated IAM: roles, trust and permission policies, and the decisions COPY and UNLOAD need. */
export { parseArn, parseRoleArn, policyArnOf, roleArnOf, type Arn, type RoleArn } from './arn.ts';
export {
  conditionHolds,
  evaluatePolicies,
  matchesWildcard,
  type AuthorizationRequest,
  type Decision,
  type DecidingStatement,
  type NamedPolicy,
} from './evaluate.ts';
export { AWS_MANAGED_POLICIES, type AwsManagedPolicy } from './managed-policies.ts';
export {
  MAX_PATH,
  MAX_POLICY_NAME,
  MAX_ROLE_NAME,
  validateIamPath,
  validatePolicyName,
  validateRoleName,
} from './names.ts';
export {
  parsePolicyDocument,
  policySize,
  type ConditionClause,
  type PatternList,
  type PolicyDocument,
  type PolicyKind,
  type PolicyStatement,
  type PrincipalElement,
} from './policy-document.ts';
export {
  dbUserArn,
  REDSHIFT_SERVICE_PRINCIPAL,
  redshiftMayAssume,
  redshiftMayRead,
  redshiftMayWrite,
  type AccessCheck,
  type RedshiftAccess,
  type RedshiftCaller,
  type S3ReadRequest,
  type S3WriteRequest,
} from './redshift-access.ts';
export {
  attachRolePolicy,
  createIamState,
  createPolicy,
  createRole,
  deleteRolePolicy,
  detachRolePolicy,
  EXAMPLE_ACCOUNT_ID,
  getRole,
  IAM_QUOTAS,
  permissionPolicies,
  putRolePolicy,
  roleFromArn,
  updateAssumeRolePolicy,
  type CustomerManagedPolicy,
  type IamRole,
  type IamState,
  type StoredPolicy,
} from './state.ts';
