import { fail, ok, type Result, type SimError } from '../core/index.ts';

/**
 * IAM's rules for names and paths (IAM API reference, CreateRole / PutRolePolicy / CreatePolicy): role
 * names 1–64 characters, policy names 1–128, both from `[\w+=,.@-]`; paths `/` or `/…/` of printable
 * ASCII, at most 512 characters. IAM answers a broken rule with `ValidationError` and the sentence below
 * ("1 validation error detected: Value … at 'roleName' failed to satisfy constraint: …"); the learner's
 * fix is added after it.
 */

const NAME_PATTERN = '[\\w+=,.@-]+';
const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007e]+\/)$/;

/** The longest role name IAM accepts. */
export const MAX_ROLE_NAME = 64;
/** The longest policy name IAM accepts. */
export const MAX_POLICY_NAME = 128;
/** The longest path IAM accepts. */
export const MAX_PATH = 512;

function validation(value: string, member: string, constraint: string, fix: string, path: string): SimError {
  return {
    code: 'ValidationError',
    message: `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}. ${fix}`,
    path,
  };
}

function checkName(value: string, member: string, max: number, path: string): Result<string> {
  if (value.length < 1 || value.length > max) {
    return fail(
      validation(
        value,
        member,
        `Member must have length ${value.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`,
        `Use 1 to ${max} characters (it has ${value.length}).`,
        path,
      ),
    );
  }
  if (!NAME.test(value)) {
    const bad = [...value].find((char) => !NAME.test(char)) ?? '';
    return fail(
      validation(
        value,
        member,
        `Member must satisfy regular expression pattern: ${NAME_PATTERN}`,
        `"${bad}" is not allowed: use letters, digits and + = , . @ _ - only.`,
        path,
      ),
    );
  }
  return ok(value);
}

/** Checks a role name (CreateRole's RoleName). */
export function validateRoleName(name: string): Result<string> {
  return checkName(name, 'roleName', MAX_ROLE_NAME, 'RoleName');
}

/** Checks an inline or managed policy name (PutRolePolicy's / CreatePolicy's PolicyName). */
export function validatePolicyName(name: string): Result<string> {
  return checkName(name, 'policyName', MAX_POLICY_NAME, 'PolicyName');
}

/** Checks a path (`/` or `/division/team/`); the default is `/`. */
export function validateIamPath(path: string): Result<string> {
  if (path.length > MAX_PATH || !PATH.test(path)) {
    return fail(
      validation(
        path,
        'path',
        path.length > MAX_PATH
          ? `Member must have length less than or equal to ${MAX_PATH}`
          : 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
        'A path is "/" or begins and ends with "/", such as /service-role/, with printable characters and no spaces.',
        'Path',
      ),
    );
  }
  return ok(path);
}
