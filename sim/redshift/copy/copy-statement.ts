import { readAuthorization, type Authorization } from './authorization.ts';
import { readCopyParameters, type CopyParameters } from './copy-parameters.ts';
import { parseS3Uri, type S3Location } from './s3-uri.ts';
import { TokenCursor, isStatementError, type SqlToken, type StatementError } from './tokens.ts';

/** A COPY statement, parsed and checked: everything the load needs and nothing it must guess. */
export interface CopyCommand {
  /** The target table, lower-cased (a `public.` schema is accepted and dropped). */
  readonly table: string;
  /** The column list, lower-cased, or null for every column in table order. */
  readonly columns: readonly string[] | null;
  readonly source: S3Location;
  readonly authorization: Authorization;
  readonly parameters: CopyParameters;
}

/**
 * Parses `COPY table [(col, …)] FROM 's3://bucket/prefix' authorization [parameter [argument] …]` from the
 * statement's tokens. The authorization (IAM_ROLE / CREDENTIALS) may stand anywhere among the parameters,
 * as Redshift allows. Returns Redshift's message for a statement it would refuse.
 */
export function parseCopy(
  tokens: readonly SqlToken[],
  statementLength: number,
): CopyCommand | StatementError {
  const cursor = new TokenCursor(tokens, statementLength);
  if (!cursor.acceptWord('COPY')) return cursor.syntaxError();
  const table = tableName(cursor);
  if (isStatementError(table)) return table;
  let columns: string[] | null = null;
  if (cursor.acceptSymbol('(')) {
    columns = [];
    do {
      const column = cursor.identifier();
      if (isStatementError(column)) return column;
      if (columns.includes(column)) {
        return { code: '42701', message: `column "${column}" specified more than once` };
      }
      columns.push(column);
    } while (cursor.acceptSymbol(','));
    if (!cursor.acceptSymbol(')')) return cursor.syntaxError();
  }
  if (!cursor.acceptWord('FROM')) return cursor.syntaxError();
  const from = cursor.string();
  if (isStatementError(from)) return from;
  const source = parseS3Uri(from.value, from.start);
  if (isStatementError(source)) return source;

  let authorization: Authorization | null = null;
  const rest: SqlToken[] = [];
  while (!cursor.atEnd()) {
    const auth = readAuthorization(cursor, authorization);
    if (isStatementError(auth)) return auth;
    if (auth) {
      authorization = auth;
      continue;
    }
    rest.push(cursor.next()!);
  }
  const parameters = readCopyParameters(new TokenCursor(rest, statementLength));
  if (isStatementError(parameters)) return parameters;
  if (!authorization) {
    return {
      code: '8001',
      message:
        "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or " +
        "'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'",
      hint: "Add IAM_ROLE 'arn:aws:iam::<account>:role/<name>' (a role attached to the cluster) to the COPY.",
    };
  }
  return { table, columns, source, authorization, parameters };
}

/** `name` or `public.name`; Redshift's other schemas are not modelled. */
export function tableName(cursor: TokenCursor): string | StatementError {
  const first = cursor.identifier();
  if (isStatementError(first)) return first;
  if (!cursor.acceptSymbol('.')) return first;
  const second = cursor.identifier();
  if (isStatementError(second)) return second;
  if (first !== 'public') {
    return { code: '3F000', message: `schema "${first}" does not exist` };
  }
  return second;
}
