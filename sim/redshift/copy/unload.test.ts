import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CopyContext, SelectResult } from './context.ts';
import { fixture, iamWithRole, ROLE_ARN, tokensOf } from './test-support.ts';
import { parseUnload } from './unload-statement.ts';
import { isStatementError } from './tokens.ts';

const RESULT: SelectResult = {
  columns: ['day', 'response_code', 'hits'],
  rows: [
    ['2015-05-17', 200, 1500],
    ['2015-05-17', 404, 12],
    ['2015-05-18', 200, 1700],
    ['2015-05-18', null, 3],
    ['2015-05-19', 200, 1600],
  ],
};

function setup(select: CopyContext['select'] = () => RESULT, options: Parameters<typeof fixture>[0] = {}) {
  const queries: string[] = [];
  const f = fixture({
    ...options,
    select: (sql) => {
      queries.push(sql);
      return select(sql);
    },
  });
  const text = (key: string, gzip = false): string => {
    const body = f.s3.buckets.logs!.objects[key]!.Body;
    return new TextDecoder().decode(gzip ? gunzipSync(body) : body);
  };
  return { f, queries, text };
}

const UNLOAD = `UNLOAD ('select trunc(request_time), response_code, count(1) from accesslogs where request_path like ''%.png'' group by 1,2') TO 's3://logs/out/codes_' IAM_ROLE '${ROLE_ARN}'`;

describe('UNLOAD to the simulated S3', () => {
  it('runs the quoted SELECT (with its doubled quotes read) and writes one file per slice, pipe-delimited', () => {
    const { f, queries, text } = setup();
    const outcome = f.unload(UNLOAD);
    expect(queries).toEqual([
      "select trunc(request_time), response_code, count(1) from accesslogs where request_path like '%.png' group by 1,2",
    ]);
    expect(outcome.keys).toEqual(['out/codes_0000_part_00', 'out/codes_0001_part_00']);
    expect(outcome.messages).toEqual(['UNLOAD completed, 5 record(s) unloaded successfully.']);
    expect(text('out/codes_0000_part_00') + text('out/codes_0001_part_00')).toBe(
      '2015-05-17|200|1500\n2015-05-17|404|12\n2015-05-18|200|1700\n2015-05-18||3\n2015-05-19|200|1600\n',
    );
  });

  it('writes one file with PARALLEL OFF, a header with HEADER, gzip with GZIP and a tab with DELIMITER', () => {
    const { f, text } = setup();
    const outcome = f.unload(`${UNLOAD} PARALLEL OFF HEADER GZIP DELIMITER AS '\\t' NULL AS 'NULL'`);
    expect(outcome.keys).toEqual(['out/codes_000.gz']);
    expect(text('out/codes_000.gz', true).split('\n').slice(0, 5)).toEqual([
      'day\tresponse_code\thits',
      '2015-05-17\t200\t1500',
      '2015-05-17\t404\t12',
      '2015-05-18\t200\t1700',
      '2015-05-18\tNULL\t3',
    ]);
  });

  it('quotes with ADDQUOTES and escapes delimiters with ESCAPE', () => {
    const { f, text } = setup(() => ({ columns: ['s'], rows: [['a|b'], [true]] }));
    f.unload(`${UNLOAD} PARALLEL OFF ADDQUOTES ESCAPE`);
    expect(text('out/codes_000')).toBe('"a\\|b"\n"t"\n');
  });

  it("refuses to overwrite existing files without ALLOWOVERWRITE, in Redshift's words", () => {
    const { f } = setup();
    f.unload(UNLOAD);
    expect(f.unload(UNLOAD).error!.message).toMatch(/^Specified unload destination on S3 is not empty\./);
    expect(f.unload(`${UNLOAD} ALLOWOVERWRITE`).error).toBeNull();
  });

  it('needs s3:PutObject: a read-only role is refused with Access Denied and nothing is written', () => {
    const readOnly = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::*' },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::*/*' },
      ],
    });
    const { f } = setup(undefined, { iam: iamWithRole(undefined, readOnly) });
    expect(f.unload(UNLOAD).error!.code).toBe('AccessDenied');
    expect(f.s3.buckets.logs!.sortedKeys).toEqual([]);
  });

  it('passes the query’s own error through', () => {
    const { f } = setup(() => ({ code: '42P01', message: 'relation "accesslogs" does not exist' }));
    expect(f.unload(UNLOAD).error!.message).toBe('relation "accesslogs" does not exist');
  });
});

describe('parseUnload', () => {
  const parse = (sql: string) => parseUnload(tokensOf(sql), sql.length);

  it('reads the defaults: pipe, PARALLEL ON, NULL as an empty field', () => {
    const u = parse(UNLOAD);
    if (isStatementError(u)) throw new Error(u.message);
    expect(u).toMatchObject({ delimiter: '|', parallel: true, nullAs: '', gzip: false, header: false });
    expect(u.destination).toMatchObject({ bucket: 'logs', prefix: 'out/codes_' });
  });

  it('refuses a missing authorization, a repeated option and parameters it does not simulate', () => {
    const bare = `UNLOAD ('select 1') TO 's3://logs/x'`;
    expect(parse(bare)).toMatchObject({ code: '8001' });
    expect(parse(`${UNLOAD} GZIP GZIP`)).toMatchObject({ message: 'conflicting or redundant options' });
    expect(parse(`${UNLOAD} MANIFEST`)).toMatchObject({ code: '0A000' });
    expect(parse(`UNLOAD 'select 1' TO 's3://logs/x' IAM_ROLE '${ROLE_ARN}'`)).toMatchObject({
      code: '42601',
    });
  });
});
