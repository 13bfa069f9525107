import { gzipSync } from 'fflate';
import { millis, type Millis } from '../../core/index.ts';
import { putObject } from '../../s3/index.ts';
import type { CopyContext, SelectResult } from './context.ts';
import { LOAD_MODEL } from './load-time.ts';
import { isStatementError, type SqlToken, type StatementError } from './tokens.ts';
import { parseUnload, type UnloadCommand } from './unload-statement.ts';

/** What an UNLOAD statement did. */
export interface UnloadOutcome {
  readonly status: 'ok' | 'error';
  readonly error: StatementError | null;
  readonly rowsUnloaded: number;
  /** The keys written, in order. */
  readonly keys: readonly string[];
  readonly messages: readonly string[];
  /** Modelled: the slices write in parallel, so the busiest slice's bytes set the time (see LOAD_MODEL). */
  readonly modelledMillis: Millis;
}

function failed(error: StatementError): UnloadOutcome {
  return { status: 'error', error, rowsUnloaded: 0, keys: [], messages: [], modelledMillis: millis(0) };
}

const encoder = new TextEncoder();

/**
 * Runs `UNLOAD ('select …') TO 's3://…' …`: the query runs, then its rows are written as delimited text,
 * one file per slice with PARALLEL ON (`<prefix>0000_part_00`, `<prefix>0001_part_00` …, `.gz` with GZIP)
 * or one file `<prefix>000` with PARALLEL OFF. Which rows a slice writes is modelled: the result is cut
 * into equal consecutive runs, one per slice (the SELECT's result carries no slice of origin).
 */
export function runUnload(
  ctx: CopyContext,
  tokens: readonly SqlToken[],
  statementLength: number,
): UnloadOutcome {
  const command = parseUnload(tokens, statementLength);
  if (isStatementError(command)) return failed(command);
  return executeUnload(ctx, command);
}

/** Runs a parsed UNLOAD. */
export function executeUnload(ctx: CopyContext, command: UnloadCommand): UnloadOutcome {
  const s3 = ctx.s3;
  const { bucket, prefix } = command.destination;
  if (!s3 || !s3.buckets[bucket]) {
    return failed({
      code: 'XX000',
      message: 'S3ServiceException:The specified bucket does not exist,Status 404,Error NoSuchBucket',
    });
  }
  let roleArn: string;
  if (command.authorization.kind === 'role') roleArn = command.authorization.roleArn;
  else if (ctx.defaultRoleArn !== null) roleArn = ctx.defaultRoleArn;
  else return failed({ code: 'XX000', message: 'Default IAM role is not set for the cluster.' });
  const sliceCount = ctx.cluster.nodes * ctx.cluster.slicesPerNode;
  const parts = command.parallel ? sliceCount : 1;
  const names = Array.from(
    { length: parts },
    (_, part) =>
      `${prefix}${command.parallel ? `${String(part).padStart(4, '0')}_part_00` : '000'}${command.gzip ? '.gz' : ''}`,
  );
  const access = ctx.access.mayWrite(roleArn, bucket, names);
  if (!access.ok) return failed({ code: access.code, message: access.message, hint: access.hint });
  if (!command.allowOverwrite && s3.buckets[bucket]!.sortedKeys.some((key) => key.startsWith(prefix))) {
    return failed({
      code: 'XX000',
      message:
        'Specified unload destination on S3 is not empty. Consider using a different bucket / prefix, ' +
        'manually removing the target files in S3, or using the ALLOWOVERWRITE option.',
      hint: `Objects already start with "${prefix}" in bucket "${bucket}"; nothing was written.`,
    });
  }
  const result = ctx.select(command.query);
  if (isStatementError(result)) return failed(result);
  const keys: string[] = [];
  let busiest = 0;
  const now = ctx.now();
  for (let part = 0; part < parts; part++) {
    const from = Math.floor((result.rows.length * part) / parts);
    const to = Math.floor((result.rows.length * (part + 1)) / parts);
    const text = encoder.encode(fileText(command, result, from, to));
    const body = command.gzip ? gzipSync(text, { mtime: 0 }) : text;
    const key = names[part]!;
    const put = putObject(
      s3,
      {
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'binary/octet-stream',
        ...(command.gzip ? { ContentEncoding: 'gzip' } : {}),
      },
      now,
    );
    if (!put.ok) return failed({ code: 'XX000', message: put.error.message });
    keys.push(key);
    busiest = Math.max(
      busiest,
      (text.length / LOAD_MODEL.parseBytesPerSecondPerSlice) * 1000 + LOAD_MODEL.perFileMillis,
    );
  }
  return {
    status: 'ok',
    error: null,
    rowsUnloaded: result.rows.length,
    keys,
    messages: [`UNLOAD completed, ${result.rows.length} record(s) unloaded successfully.`],
    modelledMillis: millis(Math.round(LOAD_MODEL.fixedMillis + busiest)),
  };
}

function fileText(command: UnloadCommand, result: SelectResult, from: number, to: number): string {
  const lines: string[] = [];
  if (command.header) lines.push(result.columns.map((c) => field(command, c)).join(command.delimiter));
  for (let r = from; r < to; r++) {
    const row = result.rows[r]!;
    const out = new Array<string>(row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      out[c] =
        v === null || v === undefined
          ? command.nullAs
          : field(command, v === true ? 't' : v === false ? 'f' : String(v));
    }
    lines.push(out.join(command.delimiter));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** ESCAPE puts a backslash before the delimiter, newline, carriage return, quote and backslash; ADDQUOTES wraps. */
function field(command: UnloadCommand, value: string): string {
  let out = value;
  if (command.escape) {
    let escaped = '';
    for (const ch of value) {
      if (ch === command.delimiter || ch === '\n' || ch === '\r' || ch === '\\' || ch === '"' || ch === "'")
        escaped += '\\';
      escaped += ch;
    }
    out = escaped;
  }
  return command.addQuotes ? `"${out}"` : out;
}
