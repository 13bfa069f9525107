import { readAuthorization, type Authorization } from './authorization.ts';
import { unescapeCharacter } from './copy-parameters.ts';
import { parseS3Uri, type S3Location } from './s3-uri.ts';
import {
  TokenCursor,
  isStatementError,
  shownAsWritten,
  type SqlToken,
  type StatementError,
} from './tokens.ts';

/** An UNLOAD statement, parsed and checked. */
export interface UnloadCommand {
  /** The SELECT inside the quotes, with `''` read as `'`. */
  readonly query: string;
  /** Where the files go: the key prefix each file name starts with. */
  readonly destination: S3Location;
  readonly authorization: Authorization;
  readonly delimiter: string;
  readonly gzip: boolean;
  /** ON (the default): one file per slice; OFF: one file written serially. */
  readonly parallel: boolean;
  readonly header: boolean;
  readonly addQuotes: boolean;
  readonly escape: boolean;
  /** What a NULL becomes in the files; an empty field by default. */
  readonly nullAs: string;
  readonly allowOverwrite: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NOT_SIMULATED = new Set([
  'MANIFEST',
  'ENCRYPTED',
  'KMS_KEY_ID',
  'MAXFILESIZE',
  'FIXEDWIDTH',
  'BZIP2',
  'ZSTD',
  'PARTITION',
  'FORMAT',
  'CSV',
  'JSON',
  'PARQUET',
  'EXTENSION',
  'ROWGROUPSIZE',
  'CLEANPATH',
]);

/**
 * Parses `UNLOAD ('select …') TO 's3://bucket/prefix' authorization [DELIMITER [AS] 'c'] [GZIP]
 * [PARALLEL [ON|OFF|TRUE|FALSE]] [HEADER] [ADDQUOTES] [ESCAPE] [NULL [AS] 'text'] [ALLOWOVERWRITE]`.
 */
export function parseUnload(
  tokens: readonly SqlToken[],
  statementLength: number,
): UnloadCommand | StatementError {
  const cursor = new TokenCursor(tokens, statementLength);
  if (!cursor.acceptWord('UNLOAD')) return cursor.syntaxError();
  if (!cursor.acceptSymbol('(')) return cursor.syntaxError();
  const query = cursor.string();
  if (isStatementError(query)) return query;
  if (!cursor.acceptSymbol(')')) return cursor.syntaxError();
  if (!cursor.acceptWord('TO')) return cursor.syntaxError();
  const to = cursor.string();
  if (isStatementError(to)) return to;
  const destination = parseS3Uri(to.value, to.start);
  if (isStatementError(destination)) return destination;
  const u: Mutable<Omit<UnloadCommand, 'authorization'>> & { authorization: Authorization | null } = {
    query: query.value,
    destination,
    authorization: null,
    delimiter: '|',
    gzip: false,
    parallel: true,
    header: false,
    addQuotes: false,
    escape: false,
    nullAs: '',
    allowOverwrite: false,
  };
  const seen = new Set<string>();
  while (!cursor.atEnd()) {
    const auth = readAuthorization(cursor, u.authorization);
    if (isStatementError(auth)) return auth;
    if (auth) {
      u.authorization = auth;
      continue;
    }
    const token = cursor.next()!;
    if (token.kind !== 'word') return syntaxAt(token);
    const name = token.value.toUpperCase();
    if (seen.has(name))
      return { code: '42601', message: 'conflicting or redundant options', position: token.start };
    seen.add(name);
    const error = readOption(name, token, cursor, u);
    if (error) return error;
  }
  if (!u.authorization) {
    return {
      code: '8001',
      message:
        "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or " +
        "'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'",
      hint: "Add IAM_ROLE 'arn:aws:iam::<account>:role/<name>' (a role attached to the cluster) to the UNLOAD.",
    };
  }
  return { ...u, authorization: u.authorization };
}

function readOption(
  name: string,
  token: SqlToken,
  cursor: TokenCursor,
  u: Mutable<Omit<UnloadCommand, 'authorization'>>,
): StatementError | null {
  switch (name) {
    case 'DELIMITER':
    case 'NULL': {
      cursor.acceptWord('AS');
      const value = cursor.string();
      if (isStatementError(value)) return value;
      if (name === 'NULL') {
        u.nullAs = value.value;
        return null;
      }
      const delimiter = unescapeCharacter(value.value);
      if (delimiter.length !== 1) {
        return {
          code: '22023',
          message: 'UNLOAD delimiter must be a single one-byte character',
          position: value.start,
        };
      }
      u.delimiter = delimiter;
      return null;
    }
    case 'GZIP':
      u.gzip = true;
      return null;
    case 'PARALLEL':
      if (cursor.acceptWord('OFF') || cursor.acceptWord('FALSE')) u.parallel = false;
      else if (!cursor.acceptWord('ON')) cursor.acceptWord('TRUE');
      return null;
    case 'HEADER':
      u.header = true;
      return null;
    case 'ADDQUOTES':
      u.addQuotes = true;
      return null;
    case 'ESCAPE':
      u.escape = true;
      return null;
    case 'ALLOWOVERWRITE':
      u.allowOverwrite = true;
      return null;
    default:
      if (NOT_SIMULATED.has(name)) {
        return {
          code: '0A000',
          message: `UNLOAD parameter ${name} is not supported by this simulation yet.`,
          position: token.start,
          hint: 'The simulation unloads delimited text, plain or GZIP, to Amazon S3.',
        };
      }
      return syntaxAt(token);
  }
}

function syntaxAt(token: SqlToken): StatementError {
  return {
    code: '42601',
    message: `syntax error at or near "${shownAsWritten(token)}"`,
    position: token.start,
  };
}
