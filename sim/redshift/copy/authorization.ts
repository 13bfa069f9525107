import { isStatementError, type StatementError, type TokenCursor } from './tokens.ts';

/**
 * How COPY or UNLOAD is authorized. Role-based only: the simulated account has no access keys, so
 * ACCESS_KEY_ID / SECRET_ACCESS_KEY and key-based CREDENTIALS are refused with a sentence that says why.
 */
export type Authorization =
  | { readonly kind: 'role'; readonly roleArn: string; readonly via: 'IAM_ROLE' | 'CREDENTIALS' }
  /** `IAM_ROLE default`: the role set as the cluster's default. */
  | { readonly kind: 'default' };

const INVALID_CREDENTIALS =
  "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or " +
  "'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'";

const NO_KEYS_HINT =
  'This simulation has no access keys (and AWS recommends roles over keys): authorize with ' +
  "IAM_ROLE 'arn:aws:iam::<account>:role/<name>' using a role attached to the cluster.";

function conflicting(): StatementError {
  return {
    code: '42601',
    message: 'conflicting or redundant options',
    hint: 'Give one authorization: IAM_ROLE or CREDENTIALS, once.',
  };
}

/**
 * Reads one authorization clause under the cursor, if there is one. Returns null (consuming nothing) when the
 * next token starts something else; an error when the clause is malformed, repeated or key-based.
 */
export function readAuthorization(
  cursor: TokenCursor,
  already: Authorization | null,
): Authorization | null | StatementError {
  if (cursor.acceptWord('IAM_ROLE')) {
    if (already) return conflicting();
    if (cursor.acceptWord('DEFAULT')) return { kind: 'default' };
    const arn = cursor.string();
    if (isStatementError(arn)) return arn;
    return { kind: 'role', roleArn: arn.value.trim(), via: 'IAM_ROLE' };
  }
  if (cursor.acceptWord('CREDENTIALS') || cursor.acceptWord('WITH_CREDENTIALS')) {
    if (already) return conflicting();
    cursor.acceptWord('AS');
    const text = cursor.string();
    if (isStatementError(text)) return text;
    return credentialsString(text.value);
  }
  for (const keyword of ['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN']) {
    if (cursor.acceptWord(keyword)) {
      return {
        code: '0A000',
        message: `${keyword} is not available in this simulation.`,
        hint: NO_KEYS_HINT,
      };
    }
  }
  return null;
}

/** `'aws_iam_role=arn:…'`; key pairs are refused, anything else is Redshift's "Invalid credentials". */
function credentialsString(text: string): Authorization | StatementError {
  const pairs = text.split(';').filter((part) => part.trim() !== '');
  let roleArn: string | null = null;
  let keys = false;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) return { code: '8001', message: INVALID_CREDENTIALS };
    const name = pair.slice(0, eq).trim().toLowerCase();
    const value = pair.slice(eq + 1).trim();
    if (name === 'aws_iam_role') roleArn = value;
    else if (name === 'aws_access_key_id' || name === 'aws_secret_access_key' || name === 'token')
      keys = true;
    else return { code: '8001', message: INVALID_CREDENTIALS };
  }
  if (roleArn !== null && keys) return { code: '8001', message: INVALID_CREDENTIALS };
  if (keys)
    return {
      code: '0A000',
      message: 'Key-based credentials are not available in this simulation.',
      hint: NO_KEYS_HINT,
    };
  if (roleArn === null || roleArn === '') return { code: '8001', message: INVALID_CREDENTIALS };
  return { kind: 'role', roleArn, via: 'CREDENTIALS' };
}
