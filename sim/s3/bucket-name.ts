import { fail, ok, type Result, type SimError } from '../core/index.ts';

const invalid = (name: string, why: string): SimError => ({
  code: 'InvalidBucketName',
  message: `The bucket name "${name}" is not valid: ${why}`,
  path: 'Bucket',
});

/**
 * Checks a bucket name against S3's naming rules for new buckets (DNS-compatible names): 3–63
 * characters; lowercase letters, digits, dots and hyphens; starts and ends with a letter or digit; no two
 * adjacent dots; not shaped like an IP address. The error says which rule failed and how to fix it.
 */
export function validateBucketName(name: string): Result<string> {
  if (name.length < 3 || name.length > 63) {
    return fail(invalid(name, `use 3 to 63 characters (it has ${name.length}).`));
  }
  const bad = /[^a-z0-9.-]/.exec(name);
  if (bad) {
    return fail(
      invalid(
        name,
        `"${bad[0]}" is not allowed; use only lowercase letters, digits, dots (.) and hyphens (-).`,
      ),
    );
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
    return fail(invalid(name, 'it must begin and end with a lowercase letter or a digit.'));
  }
  if (name.includes('..')) return fail(invalid(name, 'two dots may not be next to each other.'));
  if (name.includes('.-') || name.includes('-.')) {
    return fail(invalid(name, 'a dot may not be next to a hyphen.'));
  }
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) {
    return fail(invalid(name, 'it may not be formatted as an IP address (such as 192.168.5.4).'));
  }
  return ok(name);
}
