import { millis, type Millis } from '../../core/index.ts';
import type { StoredValue } from '../types/index.ts';
import type { Authorization } from './authorization.ts';
import type { CopyContext, CopyTarget } from './context.ts';
import { FieldConverter, planFields, type FieldPlan, type FieldRejection } from './convert.ts';
import { parseCopy, type CopyCommand } from './copy-statement.ts';
import { fitWidth, LOAD_ERROR_WIDTHS, stlTimestamp, type LoadErrorRow } from './load-log.ts';
import { modelLoadTime, type LoadFile, type LoadTimeModel } from './load-time.ts';
import { RecordReader, type RecordProblem } from './records.ts';
import { listSource, readSourceObject, type SourceObject } from './s3-source.ts';
import { isStatementError, type SqlToken, type StatementError } from './tokens.ts';
import { decodeUtf8, hasInvalidMark, invalidUtf8Reason, type DecodedText } from './utf8.ts';

/** What a COPY statement did. */
export interface CopyOutcome {
  readonly status: 'ok' | 'error';
  readonly error: StatementError | null;
  readonly rowsLoaded: number;
  /** Records rejected (rows written to STL_LOAD_ERRORS by this statement). */
  readonly loadErrors: number;
  /** The INFO lines Redshift prints (`Load into table 'x' completed, …`). */
  readonly messages: readonly string[];
  readonly modelledMillis: Millis;
  /** The load-time model, when the files were read. */
  readonly loadTime: LoadTimeModel | null;
}

function failed(error: StatementError, loadErrors = 0, loadTime: LoadTimeModel | null = null): CopyOutcome {
  return {
    status: 'error',
    error,
    rowsLoaded: 0,
    loadErrors,
    messages: [],
    modelledMillis: loadTime?.modelledMillis ?? millis(0),
    loadTime,
  };
}

/** Runs `COPY …` from its tokens (see parseCopy for the grammar). Nothing is inserted unless the whole load passes. */
export function runCopy(ctx: CopyContext, tokens: readonly SqlToken[], statementLength: number): CopyOutcome {
  const command = parseCopy(tokens, statementLength);
  if (isStatementError(command)) return failed(command);
  return executeCopy(ctx, command);
}

/** Runs a parsed COPY. */
export function executeCopy(ctx: CopyContext, command: CopyCommand): CopyOutcome {
  ctx.log.lastCopy = { query: ctx.queryId, rowsLoaded: 0, loadTime: null };
  const target = ctx.table(command.table);
  if (!target) return failed({ code: '42P01', message: `relation "${command.table}" does not exist` });
  const plans = fieldPlans(target, command.columns);
  if (isStatementError(plans)) return failed(plans);
  const s3 = ctx.s3;
  if (!s3)
    return failed({
      code: 'XX000',
      message: 'S3ServiceException:The specified bucket does not exist,Status 404,Error NoSuchBucket',
    });
  const roleArn = resolveRole(ctx, command.authorization);
  if (isStatementError(roleArn)) return failed(roleArn);
  const { bucket, prefix } = command.source;
  const p = command.parameters;
  if (p.region !== null && p.region !== ctx.region) {
    return failed({
      code: 'XX000',
      message:
        'S3ServiceException:The bucket you are attempting to access must be addressed using the specified endpoint. ' +
        'Please send all future requests to this endpoint.,Status 301,Error PermanentRedirect',
      hint: `The bucket is in ${ctx.region} (this simulation keeps S3 in the cluster's region); write REGION '${ctx.region}' or leave REGION out.`,
    });
  }
  // The simulated listing is not itself permission-checked; IAM decides on the listing and every key
  // before COPY reads anything, so a refusal comes before "prefix does not exist", as in Redshift.
  const objects = listSource(s3, command.source);
  const keys = isStatementError(objects) ? [] : objects.map((o) => o.key);
  const access = ctx.access.mayRead(roleArn, bucket, prefix, keys);
  if (!access.ok) return failed({ code: access.code, message: access.message, hint: access.hint });
  if (isStatementError(objects)) return failed(objects);

  return load(ctx, target, command, plans, objects);
}

/** Thrown inside the load's transaction to roll back every file already inserted. */
class LoadAbort extends Error {
  constructor(readonly error: StatementError | null) {
    super('load aborted');
  }
}

/**
 * Reads the files one by one inside one transaction: each file is decompressed, decoded, converted and
 * inserted before the next is read, so only one file's text and rows are held at a time; a damaged file
 * or one error past MAXERROR rolls every file back. The slices that read the files come from the
 * load-time model, which needs every file's size, so error and commit rows get their slice at the end.
 */
function load(
  ctx: CopyContext,
  target: CopyTarget,
  command: CopyCommand,
  plans: readonly FieldPlan[],
  objects: readonly SourceObject[],
): CopyOutcome {
  const p = command.parameters;
  const s3 = ctx.s3!;
  const converter = new FieldConverter(p);
  const width = target.columns.length;
  const errors: LoadErrorRow[] = [];
  const starttime = stlTimestamp(ctx.now());
  const linesScanned: number[] = [];
  const files: LoadFile[] = [];
  const fileOfError: number[] = [];
  let rowsLoaded = 0;
  let abort: LoadAbort | null = null;
  try {
    ctx.transaction(() => {
      for (let f = 0; f < objects.length; f++) {
        const object = objects[f]!;
        const bytes = readSourceObject(s3, command.source.bucket, object, p.gzip);
        if (isStatementError(bytes)) throw new LoadAbort(bytes);
        files.push({ uri: object.uri, storedBytes: object.size, textBytes: bytes.length, gzip: p.gzip });
        const decoded = decodeUtf8(bytes, p.acceptInvChars);
        const reader = new RecordReader(decoded.text, p, plans.length);
        reader.skipLines(p.ignoreHeader);
        const rows: StoredValue[][] = [];
        let lines = 0;
        const reject = (
          colname: string,
          plan: FieldPlan | null,
          field: string,
          code: number,
          reason: string,
          position: number,
        ): void => {
          fileOfError.push(f);
          errors.push({
            userid: ctx.userId,
            slice: 0,
            tbl: target.id,
            starttime,
            session: ctx.session,
            query: ctx.queryId,
            filename: fitWidth(object.uri, LOAD_ERROR_WIDTHS.filename),
            line_number: reader.line,
            colname: fitWidth(colname, LOAD_ERROR_WIDTHS.colname),
            type: plan ? plan.typeName : '',
            col_length: plan ? plan.colLength : '0',
            position,
            raw_line: fitWidth(reader.rawLine(), LOAD_ERROR_WIDTHS.raw_line),
            raw_field_value: fitWidth(field, LOAD_ERROR_WIDTHS.raw_field_value),
            err_code: code,
            err_reason: fitWidth(reason, LOAD_ERROR_WIDTHS.err_reason),
          });
        };
        while (reader.next()) {
          lines++;
          const converted = convertRecord(reader, plans, converter, decoded, width);
          if (Array.isArray(converted)) {
            rows.push(converted);
            continue;
          }
          if ('plan' in converted) {
            reject(
              converted.plan.column.name,
              converted.plan,
              converted.field,
              converted.code,
              converted.reason,
              converted.position,
            );
          } else {
            // The line itself is wrong: the row names the column the scanner stood in (the last field it
            // read), as for a delimiter it did not find after it; a broken CSV quote names no column.
            const plan =
              converted.code === 1216 ? null : (plans[Math.min(reader.fieldCount, plans.length) - 1] ?? null);
            reject(plan ? plan.column.name : '', plan, '', converted.code, converted.reason, 0);
          }
          // MAXERROR is the number of bad records a load may skip: one more fails it. (RS-DG's sentence "If
          // the load returns the error_count number of errors or greater, the load fails" contradicts its own
          // "MAXERROR 0 … fail as soon as the first error occurs"; tolerating up to MAXERROR is how loads behave.)
          if (errors.length > p.maxError) {
            linesScanned.push(lines);
            throw new LoadAbort(null);
          }
        }
        linesScanned.push(lines);
        if (rows.length > 0) ctx.insertRows(target.name, rows);
        rowsLoaded += rows.length;
      }
    });
  } catch (e) {
    if (!(e instanceof LoadAbort)) throw e;
    abort = e;
  }
  if (abort?.error) return failed(abort.error);
  for (let f = files.length; f < objects.length; f++) {
    files.push({ uri: objects[f]!.uri, storedBytes: objects[f]!.size, textBytes: 0, gzip: p.gzip });
  }
  const loadTime = modelLoadTime(files, ctx.cluster.nodes * ctx.cluster.slicesPerNode);
  errors.forEach((e, i) => ctx.log.errors.push({ ...e, slice: loadTime.sliceOfFile[fileOfError[i]!]! }));
  if (abort) {
    ctx.log.lastCopy = { query: ctx.queryId, rowsLoaded: 0, loadTime };
    const first = errors[0]!;
    return failed(
      {
        code: 'XX000',
        message: `Load into table '${target.name}' failed.  Check 'stl_load_errors' system table for details.`,
        hint:
          `First error: line ${first.line_number} of ${first.filename}` +
          `${first.colname ? `, column ${first.colname}` : ''}: ${first.err_reason} (code ${first.err_code}). ` +
          `MAXERROR is ${p.maxError}; nothing was loaded.`,
      },
      errors.length,
      loadTime,
    );
  }
  const curtime = stlTimestamp(ctx.now() + loadTime.modelledMillis);
  objects.forEach((object, f) => {
    ctx.log.commits.push({
      userid: ctx.userId,
      query: ctx.queryId,
      slice: loadTime.sliceOfFile[f]!,
      name: object.key,
      filename: fitWidth(object.uri, LOAD_ERROR_WIDTHS.filename),
      byte_offset: 0,
      lines_scanned: linesScanned[f] ?? 0,
      errors: -1,
      curtime,
      status: 0,
      file_format: p.format === 'csv' ? 'Csv' : 'Text',
      is_partial: 0,
      start_offset: 0,
    });
  });
  ctx.log.lastCopy = { query: ctx.queryId, rowsLoaded, loadTime };
  const messages = [
    `Load into table '${target.name}' completed, ${rowsLoaded} record(s) loaded successfully.`,
  ];
  if (errors.length > 0) {
    messages.push(
      `Load into table '${target.name}' completed, ${errors.length} record(s) could not be loaded.  Check 'stl_load_errors' system table for details.`,
    );
  }
  return {
    status: 'ok',
    error: null,
    rowsLoaded,
    loadErrors: errors.length,
    messages,
    modelledMillis: loadTime.modelledMillis,
    loadTime,
  };
}

/**
 * Converts a record into a row in the table's column order (columns not loaded stay NULL), or says why it
 * cannot load: the line itself, or its first bad field.
 */
function convertRecord(
  reader: RecordReader,
  plans: readonly FieldPlan[],
  converter: FieldConverter,
  decoded: DecodedText,
  width: number,
): StoredValue[] | FieldRejection | RecordProblem {
  if (reader.problem) return reader.problem;
  const bad = decoded.invalid?.get(reader.line);
  const row = new Array<StoredValue>(width).fill(null);
  const fields = reader.fields;
  for (let i = 0; i < reader.fieldCount; i++) {
    const field = fields[i]!;
    const plan = plans[i]!;
    if (bad && hasInvalidMark(field)) {
      return { plan, field, code: 1220, reason: invalidUtf8Reason(bad), position: field.indexOf('\uFFFD') };
    }
    const value = converter.convert(plan, field);
    if (value !== null && typeof value === 'object') return value;
    row[plan.tableIndex] = value;
  }
  return row;
}

/**
 * Which column each field of a record fills: the column list in its order, or every column in table order
 * except IDENTITY columns, whose values the database generates (COPY's files carry none without EXPLICIT_IDS).
 */
function fieldPlans(target: CopyTarget, columns: readonly string[] | null): FieldPlan[] | StatementError {
  const indexes: number[] = [];
  if (columns === null) {
    target.columns.forEach((c, i) => {
      if (!c.identity) indexes.push(i);
    });
  } else {
    for (const name of columns) {
      const index = target.columns.findIndex((c) => c.name === name);
      if (index < 0)
        return { code: '42703', message: `column "${name}" of relation "${target.name}" does not exist` };
      if (target.columns[index]!.identity) {
        return {
          code: '0A000',
          message: `cannot set an identity column to a value: "${name}" is IDENTITY`,
          hint: `Leave ${name} out of the column list; Redshift numbers IDENTITY columns itself.`,
        };
      }
      indexes.push(index);
    }
  }
  const missing = target.columns.find((c, i) => c.notNull && !c.identity && !indexes.includes(i));
  if (missing) {
    return {
      code: '23502',
      message: `null value in column "${missing.name}" violates not-null constraint`,
      hint: `Column ${missing.name} is NOT NULL and not in the COPY's column list; add it to the list.`,
    };
  }
  return planFields(
    indexes.map((i) => target.columns[i]!),
    indexes,
  );
}

function resolveRole(ctx: CopyContext, authorization: Authorization): string | StatementError {
  if (authorization.kind === 'role') return authorization.roleArn;
  if (ctx.defaultRoleArn !== null) return ctx.defaultRoleArn;
  return {
    code: 'XX000',
    message: 'Default IAM role is not set for the cluster.',
    hint: "Name the role instead: IAM_ROLE 'arn:aws:iam::<account>:role/<name>'.",
  };
}
