import { describe, expect, it } from 'vitest';
import {
  ACCESSLOGS,
  accessLogToTsv,
  fixture,
  gzipText,
  iamWithRole,
  realAccessLogLines,
  ROLE_ARN,
} from './test-support.ts';

const lines = realAccessLogLines();
const tsv = lines.map(accessLogToTsv);

const gzipped = new Map<number, Uint8Array[]>();

/** The real log as the workshop's EMR output: `files` gzip TSV parts under access-log-processed/. */
function workshopFiles(f: ReturnType<typeof fixture>, files: number): void {
  if (!gzipped.has(files)) {
    const per = Math.ceil(tsv.length / files);
    const parts = Array.from({ length: files }, (_, part) =>
      gzipText(`${tsv.slice(part * per, (part + 1) * per).join('\n')}\n`),
    );
    gzipped.set(files, parts);
  }
  gzipped
    .get(files)!
    .forEach((body, part) => f.put(`access-log-processed/part-${String(part).padStart(5, '0')}.gz`, body));
}

const WORKSHOP_COPY = `COPY accesslogs
FROM 's3://logs/access-log-processed'
CREDENTIALS 'aws_iam_role=${ROLE_ARN}'
DELIMITER '\\t'
MAXERROR 0
GZIP;`;

describe("COPY of the workshop's gzip TSV (the real Apache log, 10,000 lines)", () => {
  it("stops where the real log breaks the workshop's table: OPTIONS (7 bytes) in request_method varchar(5), 1204", () => {
    const f = fixture();
    workshopFiles(f, 4);
    const outcome = f.copy(WORKSHOP_COPY);
    expect(outcome.error!.message).toBe(
      "Load into table 'accesslogs' failed.  Check 'stl_load_errors' system table for details.",
    );
    expect(f.tables.get('accesslogs')).toBeUndefined();
    // The real log's line 9158 is the 1,658th line of the fourth file (2,500 lines each).
    expect(lines[9157]).toContain('"OPTIONS /projects/xdotool/');
    expect(f.ctx.log.errors).toEqual([
      expect.objectContaining({
        filename: 's3://logs/access-log-processed/part-00003.gz',
        line_number: 1658,
        colname: 'request_method',
        type: 'varchar',
        col_length: '5',
        raw_field_value: 'OPTIONS',
        err_code: 1204,
        err_reason: 'String length exceeds DDL length',
      }),
    ]);
  });

  it('loads the other 9,999 lines with MAXERROR 1, with the values the EMR step wrote', () => {
    const f = fixture();
    workshopFiles(f, 4);
    const outcome = f.copy(WORKSHOP_COPY.replace('MAXERROR 0', 'MAXERROR 1'));
    expect(outcome.error).toBeNull();
    expect(outcome.rowsLoaded).toBe(9_999);
    expect(f.ctx.log.lastCopy!.rowsLoaded).toBe(9_999);
    expect(outcome.messages).toEqual([
      "Load into table 'accesslogs' completed, 9999 record(s) loaded successfully.",
      "Load into table 'accesslogs' completed, 1 record(s) could not be loaded.  Check 'stl_load_errors' system table for details.",
    ]);
    const rows = f.tables.get('accesslogs')!;
    // lines[0]: 83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /presentations/…/kibana-search.png HTTP/1.1" 200 203023 …
    expect(rows[0]!.slice(0, 7)).toEqual([
      '83.149.9.216',
      '2015-05-17 10:05:03',
      'GET',
      '/presentations/logstash-monitorama-2013/images/kibana-search.png',
      'HTTP/1.1',
      200,
      203023,
    ]);
    expect(rows[0]![7]).toBe('http://semicomplete.com/presentations/logstash-monitorama-2013/');
  });

  it('loads all 10,000 lines with TRUNCATECOLUMNS, cutting OPTIONS to its first 5 bytes', () => {
    const f = fixture();
    workshopFiles(f, 4);
    const outcome = f.copy(WORKSHOP_COPY.replace('GZIP', 'GZIP TRUNCATECOLUMNS'));
    expect(outcome.rowsLoaded).toBe(10_000);
    expect(f.tables.get('accesslogs')![9157]![2]).toBe('OPTIO');
  });

  it('loads an empty response size as NULL, as Redshift documents for INT (EMPTYASNULL text, RS-DG)', () => {
    const dash = lines.findIndex((l) => / \d{3} - "/.test(l));
    expect(dash).toBeGreaterThanOrEqual(0);
    const f = fixture();
    workshopFiles(f, 1);
    f.copy(WORKSHOP_COPY.replace('MAXERROR 0', 'MAXERROR 1'));
    expect(dash).toBeLessThan(9157);
    expect(f.tables.get('accesslogs')![dash]![6]).toBeNull();
  });

  it('writes one stl_load_commits row per file, on the slice that read it, with the lines scanned', () => {
    const f = fixture();
    workshopFiles(f, 4);
    const outcome = f.copy(WORKSHOP_COPY.replace('GZIP', 'GZIP TRUNCATECOLUMNS'));
    const commits = f.ctx.log.commits;
    expect(commits.map((c) => c.filename)).toEqual(
      [0, 1, 2, 3].map((i) => `s3://logs/access-log-processed/part-0000${i}.gz`),
    );
    expect(commits.map((c) => c.lines_scanned)).toEqual([2500, 2500, 2500, 2500]);
    expect(new Set(commits.map((c) => c.slice))).toEqual(new Set([0, 1]));
    expect(outcome.loadTime!.idleSlices).toBe(0);
  });

  it('models one gzip file as read by one slice: one file leaves a slice idle and takes longer than two', () => {
    const one = fixture();
    workshopFiles(one, 1);
    const two = fixture();
    workshopFiles(two, 2);
    const slow = one.copy(WORKSHOP_COPY);
    const fast = two.copy(WORKSHOP_COPY);
    expect(slow.loadTime!.idleSlices).toBe(1);
    expect(fast.modelledMillis).toBeLessThan(slow.modelledMillis);
  });
});

describe('a failed load (MAXERROR)', () => {
  it("aborts on the first error with MAXERROR 0, with Redshift's message, loading nothing and keeping earlier loads", () => {
    const f = fixture();
    workshopFiles(f, 1);
    expect(f.copy(WORKSHOP_COPY.replace('GZIP', 'GZIP TRUNCATECOLUMNS')).rowsLoaded).toBe(10_000);
    const broken = tsv.slice(0, 9000);
    const cells = broken[1233]!.split('\t');
    cells[5] = '-';
    broken[1233] = cells.join('\t');
    f.put('bad/part-00000.gz', gzipText(`${broken.join('\n')}\n`));
    const outcome = f.copy(WORKSHOP_COPY.replace('access-log-processed', 'bad'));
    expect(outcome.status).toBe('error');
    expect(outcome.error!.message).toBe(
      "Load into table 'accesslogs' failed.  Check 'stl_load_errors' system table for details.",
    );
    expect(outcome.rowsLoaded).toBe(0);
    expect(f.tables.get('accesslogs')).toHaveLength(10_000);
    expect(f.ctx.log.errors).toHaveLength(1);
    // pg_last_copy_id() points at the failed COPY, so stl_load_errors can be read by it; nothing was loaded.
    expect(f.ctx.log.lastCopy).toMatchObject({ query: f.ctx.log.errors[0]!.query, rowsLoaded: 0 });
    const [error] = f.ctx.log.errors;
    expect(error).toMatchObject({
      filename: 's3://logs/bad/part-00000.gz',
      line_number: 1234,
      colname: 'response_code',
      type: 'int4',
      col_length: '0',
      raw_field_value: '-',
      err_code: 1207,
      err_reason: "Invalid digit, Value '-', Pos 0, Type: Integer",
      raw_line: broken[1233],
      tbl: ACCESSLOGS.id,
      userid: 100,
    });
  });

  it('tolerates up to MAXERROR bad records, loads the rest and says how many could not be loaded', () => {
    const f = fixture();
    const rows = tsv.slice(0, 100).map((r, i) => (i % 40 === 7 ? r.replace('\tGET\t', '\tGET\tx\t') : r));
    f.put('p/part-0.gz', gzipText(`${rows.join('\n')}\n`));
    const outcome = f.copy(
      `COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' GZIP MAXERROR 3`,
    );
    expect(outcome.error).toBeNull();
    expect(outcome.rowsLoaded).toBe(97);
    expect(outcome.loadErrors).toBe(3);
    expect(outcome.messages[1]).toBe(
      "Load into table 'accesslogs' completed, 3 record(s) could not be loaded.  Check 'stl_load_errors' system table for details.",
    );
    expect(f.ctx.log.errors.map((e) => [e.line_number, e.err_code])).toEqual([
      [8, 1202],
      [48, 1202],
      [88, 1202],
    ]);
  });

  it('fails when the errors exceed MAXERROR, keeping every error row it found', () => {
    const f = fixture();
    const rows = tsv.slice(0, 10).map((r) => r.replace('\t200\t', '\tOK\t'));
    f.put('p/x', `${rows.join('\n')}\n`);
    const outcome = f.copy(
      `COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' MAXERROR 2`,
    );
    expect(outcome.status).toBe('error');
    expect(f.ctx.log.errors.length).toBe(3);
    expect(f.tables.get('accesslogs')).toBeUndefined();
  });
});

describe('a wrong delimiter, a missing prefix, a damaged gzip file', () => {
  it('reads tab-separated lines under the default pipe as one field each: 1214 Delimiter not found', () => {
    const f = fixture();
    workshopFiles(f, 1);
    const outcome = f.copy(
      `COPY accesslogs FROM 's3://logs/access-log-processed' IAM_ROLE '${ROLE_ARN}' GZIP`,
    );
    expect(outcome.status).toBe('error');
    expect(f.ctx.log.errors[0]).toMatchObject({
      line_number: 1,
      err_code: 1214,
      err_reason: 'Delimiter not found',
    });
  });

  it("says the prefix does not exist, in Redshift's words", () => {
    const f = fixture();
    expect(
      f.copy(`COPY accesslogs FROM 's3://logs/nothing-here' IAM_ROLE '${ROLE_ARN}'`).error,
    ).toMatchObject({
      code: '8001',
      message: "The specified S3 prefix 'nothing-here' does not exist",
    });
    expect(
      f.copy(`COPY accesslogs FROM 's3://no-such-bucket/x' IAM_ROLE '${ROLE_ARN}'`).error!.message,
    ).toContain('NoSuchBucket');
  });

  it('fails on a cut-short gzip file and on a plain file read with GZIP, loading nothing from any file', () => {
    const f = fixture();
    const good = gzipText(`${tsv.slice(0, 50).join('\n')}\n`);
    f.put('z/part-0.gz', good);
    f.put('z/part-1.gz', good.subarray(0, good.length - 30));
    const cut = f.copy(`COPY accesslogs FROM 's3://logs/z' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' GZIP`);
    expect(cut.error!.message).toMatch(
      /^gzip: unexpected end of stream\. Unknown zlib error code\. zlib error code: -1/,
    );
    expect(cut.error!.message).toContain('s3://logs/z/part-1.gz');
    f.put('plain/part-0', `${tsv[0]}\n`);
    const plain = f.copy(
      `COPY accesslogs FROM 's3://logs/plain' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' GZIP`,
    );
    expect(plain.error!.message).toMatch(/^gzip: incorrect header check/);
    expect(f.tables.get('accesslogs')).toBeUndefined();
  });

  it('refuses a REGION other than the bucket’s with S3’s redirect error', () => {
    const f = fixture();
    f.put('p/x', 'a\n');
    const outcome = f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' REGION 'eu-west-1'`);
    expect(outcome.error!.message).toContain('PermanentRedirect');
    expect(
      f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' REGION 'us-east-1'`).error!.message,
    ).not.toContain('PermanentRedirect');
  });
});

describe('IAM refusals (the role must be associated, trust Redshift and allow list + get)', () => {
  const setup = (options: Parameters<typeof fixture>[0]) => {
    const f = fixture(options);
    f.put('p/x', `${tsv[0]}\n`);
    return f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t'`);
  };

  it('refuses a role not associated with the cluster with "not authorized to assume IAM Role"', () => {
    expect(setup({ associated: [] }).error).toMatchObject({
      code: '8001',
      message: `User arn:aws:redshift:us-east-1:123456789012:dbuser:demo/master is not authorized to assume IAM Role ${ROLE_ARN}`,
    });
  });

  it('refuses a role whose trust policy does not name redshift.amazonaws.com', () => {
    const trustEc2 = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    });
    const outcome = setup({ iam: iamWithRole(trustEc2) });
    expect(outcome.error!.message).toContain('is not authorized to assume IAM Role');
    expect(outcome.error!.hint).toContain('redshift.amazonaws.com');
  });

  it("refuses a role without S3 permissions with S3's Access Denied, before looking at the prefix", () => {
    const outcome = setup({ iam: iamWithRole(undefined, null) });
    expect(outcome.error).toMatchObject({
      code: 'AccessDenied',
      message: 'S3ServiceException:Access Denied,Status 403,Error AccessDenied',
    });
    const f = fixture({ iam: iamWithRole(undefined, null) });
    expect(f.copy(`COPY accesslogs FROM 's3://logs/none' IAM_ROLE '${ROLE_ARN}'`).error!.code).toBe(
      'AccessDenied',
    );
  });

  it('loads with the same role once it is associated, trusted and permitted', () => {
    expect(setup({}).rowsLoaded).toBe(1);
  });
});
