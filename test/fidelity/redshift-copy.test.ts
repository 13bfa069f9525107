/** Fidelity: COPY from S3 against AWS-FACTS §6.4 and row 71, and AWS's load error reference. */
import { describe, expect, it } from 'vitest';
import {
  loadSystemTables,
  createLoadLog,
  MAX_MAXERROR,
  parseCopy,
  type CopyStatementError,
} from '../../sim/redshift/index.ts';
import { fixture, gzipText, ROLE_ARN, tokensOf } from '../../sim/redshift/copy/test-support.ts';

const copy = (options: string) => {
  const sql = `COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' ${options}`;
  return parseCopy(tokensOf(sql), sql.length);
};
const isError = (v: unknown): v is CopyStatementError =>
  typeof v === 'object' && v !== null && 'message' in v;
const NINE = 'h\t2015-05-17 10:05:03\tGET\t/\tHTTP/1.1\t200\t1\tr\ta';

describe('AWS-FACTS row 71: MAXERROR default 0, max 100,000', () => {
  it('defaults to 0: the first bad record fails the load', () => {
    const f = fixture();
    f.put('p/x', `${NINE}\n${NINE.replace('\t200\t', '\tOK\t')}\n`);
    const outcome = f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t'`);
    expect(outcome.status).toBe('error');
    expect(f.tables.get('accesslogs')).toBeUndefined();
  });

  it('accepts 100,000 and refuses 100,001', () => {
    expect(MAX_MAXERROR).toBe(100_000);
    expect(isError(copy('MAXERROR 100000'))).toBe(false);
    expect(isError(copy('MAXERROR 100001'))).toBe(true);
  });
});

describe('AWS-FACTS §6.4 COPY from S3', () => {
  it('the default DELIMITER is the pipe', () => {
    const parsed = copy('');
    expect(!isError(parsed) && parsed.parameters.delimiter).toBe('|');
  });

  it('GZIP loads gzip files; BZIP2 and LZOP (2016 keywords too) are named as not simulated', () => {
    const f = fixture();
    f.put('p/x.gz', gzipText(`${NINE}\n`));
    expect(
      f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' GZIP`).rowsLoaded,
    ).toBe(1);
    for (const keyword of ['BZIP2', 'LZOP']) expect(copy(keyword)).toMatchObject({ code: '0A000' });
  });

  it('one large file is a serialized load: a single gzip file leaves slices idle and takes longer than a file per slice', () => {
    const half = `${Array.from({ length: 2000 }, () => NINE).join('\n')}\n`;
    const one = fixture({ slicesPerNode: 2 });
    one.put('p/all.gz', gzipText(half + half));
    const split = fixture({ slicesPerNode: 2 });
    split.put('p/a.gz', gzipText(half));
    split.put('p/b.gz', gzipText(half));
    const sql = `COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' GZIP`;
    const serial = one.copy(sql);
    const parallel = split.copy(sql);
    expect([serial.rowsLoaded, parallel.rowsLoaded]).toEqual([4000, 4000]);
    expect(serial.loadTime!.idleSlices).toBe(1);
    expect(parallel.loadTime!.idleSlices).toBe(0);
    expect(parallel.modelledMillis).toBeLessThan(serial.modelledMillis);
  });

  it("STL_LOAD_ERRORS has AWS's columns, with filename char(256), colname char(127), raw_line char(1024), err_reason char(100)", () => {
    const [errors] = loadSystemTables(createLoadLog());
    const widths = Object.fromEntries(
      errors!.columns
        .filter((c) => c.type.kind === 'char')
        .map((c) => [c.name, 'length' in c.type ? c.type.length : 0]),
    );
    expect(errors!.columns.map((c) => c.name)).toEqual([
      'userid',
      'slice',
      'tbl',
      'starttime',
      'session',
      'query',
      'filename',
      'line_number',
      'colname',
      'type',
      'col_length',
      'position',
      'raw_line',
      'raw_field_value',
      'err_code',
      'err_reason',
    ]);
    expect(widths).toMatchObject({
      filename: 256,
      colname: 127,
      raw_line: 1024,
      raw_field_value: 1024,
      err_reason: 100,
    });
  });

  it.each([
    ['1202 extra columns', `${NINE}\textra`, 1202],
    ['1214 delimiter not found (too few columns)', 'h\t2015-05-17 10:05:03', 1214],
    ['1206 bad timestamp', NINE.replace('2015-05-17 10:05:03', '17/May/2015'), 1206],
    ['1207 invalid digit', NINE.replace('\t200\t', '\t2x0\t'), 1207],
    ['1204 value too long', NINE.replace('\tGET\t', '\tOPTIONS\t'), 1204],
  ])('records load error %s in the 1200 series', (_name, line, code) => {
    const f = fixture();
    f.put('p/x', `${line}\n`);
    f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' MAXERROR 5`);
    expect(f.ctx.log.errors.map((e) => e.err_code)).toEqual([code]);
  });

  it('records 1220 for invalid UTF-8', () => {
    const f = fixture();
    const bytes = new TextEncoder().encode(`${NINE}\n`);
    bytes[0] = 0xff;
    f.put('p/x', bytes);
    f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' MAXERROR 5`);
    expect(f.ctx.log.errors[0]).toMatchObject({ err_code: 1220, colname: 'host_address' });
  });

  it('authorizes with an IAM role, both as IAM_ROLE and as CREDENTIALS aws_iam_role=… (available from 2016-03-29)', () => {
    const f = fixture();
    f.put('p/x', `${NINE}\n`);
    expect(
      f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t'`).rowsLoaded,
    ).toBe(1);
    expect(
      f.copy(`COPY accesslogs FROM 's3://logs/p' CREDENTIALS 'aws_iam_role=${ROLE_ARN}' DELIMITER '\\t'`)
        .rowsLoaded,
    ).toBe(1);
  });
});
