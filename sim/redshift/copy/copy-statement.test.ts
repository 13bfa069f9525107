import { describe, expect, it } from 'vitest';
import { parseCopy, type CopyCommand } from './copy-statement.ts';
import { unescapeCharacter } from './copy-parameters.ts';
import { tokensOf } from './test-support.ts';
import { isStatementError, type StatementError } from './tokens.ts';

const ROLE = 'arn:aws:iam::123456789012:role/redshift-copy';

function parse(sql: string): CopyCommand | StatementError {
  return parseCopy(tokensOf(sql), sql.length);
}

function command(sql: string): CopyCommand {
  const parsed = parse(sql);
  if (isStatementError(parsed)) throw new Error(`unexpected error: ${parsed.message}`);
  return parsed;
}

function error(sql: string): StatementError {
  const parsed = parse(sql);
  if (!isStatementError(parsed)) throw new Error('expected an error');
  return parsed;
}

const BASE = `COPY t FROM 's3://b/p' IAM_ROLE '${ROLE}'`;

describe('parseCopy', () => {
  it("reads the workshop's COPY as written (seed: 'Loading Data into Amazon Redshift')", () => {
    const c = command(`COPY accesslogs
FROM 's3://YOUR-S3-BUCKET-NAME/access-log-processed'
CREDENTIALS
'aws_iam_role=${ROLE}'
DELIMITER '\\t'
MAXERROR 0
GZIP;`);
    expect(c.table).toBe('accesslogs');
    expect(c.columns).toBeNull();
    expect(c.source).toEqual({
      uri: 's3://YOUR-S3-BUCKET-NAME/access-log-processed',
      bucket: 'YOUR-S3-BUCKET-NAME',
      prefix: 'access-log-processed',
    });
    expect(c.authorization).toEqual({ kind: 'role', roleArn: ROLE, via: 'CREDENTIALS' });
    expect(c.parameters.delimiter).toBe('\t');
    expect(c.parameters.maxError).toBe(0);
    expect(c.parameters.gzip).toBe(true);
  });

  it('fills in Redshift defaults: pipe delimiter, MAXERROR 0, NULL AS \\N, no header (AWS-FACTS §6.4)', () => {
    const p = command(BASE).parameters;
    expect(p.format).toBe('text');
    expect(p.delimiter).toBe('|');
    expect(p.maxError).toBe(0);
    expect(p.nullAs).toBe('\\N');
    expect(p.ignoreHeader).toBe(0);
    expect(p.gzip).toBe(false);
    expect(p.dateFormat).toBeNull();
    expect(p.acceptInvChars).toBeNull();
  });

  it('folds the table and column list to lower case and accepts the public schema', () => {
    const c = command(
      `COPY public.AccessLogs (Host_Address, "Request_Time") FROM 's3://b/p' IAM_ROLE '${ROLE}'`,
    );
    expect(c.table).toBe('accesslogs');
    expect(c.columns).toEqual(['host_address', 'request_time']);
    expect(error(`COPY other.t FROM 's3://b/p' IAM_ROLE '${ROLE}'`).message).toBe(
      'schema "other" does not exist',
    );
    expect(error(`COPY t (a, a) FROM 's3://b/p' IAM_ROLE '${ROLE}'`).message).toBe(
      'column "a" specified more than once',
    );
  });

  it('takes the authorization anywhere among the parameters, and IAM_ROLE default', () => {
    const c = command(`COPY t FROM 's3://b/p' GZIP IAM_ROLE '${ROLE}' MAXERROR AS 5`);
    expect(c.authorization).toEqual({ kind: 'role', roleArn: ROLE, via: 'IAM_ROLE' });
    expect(c.parameters.maxError).toBe(5);
    expect(command(`COPY t FROM 's3://b/p' IAM_ROLE default`).authorization).toEqual({ kind: 'default' });
  });

  it("refuses a COPY without authorization, or with two, with Redshift's messages", () => {
    expect(error(`COPY t FROM 's3://b/p' GZIP`).message).toMatch(
      /^Invalid credentials\. Must be of the format/,
    );
    expect(error(`${BASE} CREDENTIALS 'aws_iam_role=${ROLE}'`).message).toBe(
      'conflicting or redundant options',
    );
    expect(error(`COPY t FROM 's3://b/p' CREDENTIALS 'aws_iam_role='`).message).toMatch(
      /^Invalid credentials/,
    );
    expect(error(`COPY t FROM 's3://b/p' CREDENTIALS 'role=${ROLE}'`).message).toMatch(
      /^Invalid credentials/,
    );
  });

  it('says that access keys do not exist in the simulation and points to IAM_ROLE', () => {
    const keys = error(`COPY t FROM 's3://b/p' CREDENTIALS 'aws_access_key_id=AKIA;aws_secret_access_key=x'`);
    expect(keys.code).toBe('0A000');
    expect(keys.hint).toContain('IAM_ROLE');
    expect(error(`COPY t FROM 's3://b/p' ACCESS_KEY_ID 'AKIA' SECRET_ACCESS_KEY 'x'`).code).toBe('0A000');
  });

  it('reads each data format and conversion parameter', () => {
    const p = command(
      `${BASE} DELIMITER AS ',' IGNOREHEADER 1 EMPTYASNULL BLANKSASNULL NULL AS 'NA' DATEFORMAT 'auto' ` +
        `TIMEFORMAT AS 'YYYY-MM-DD HH24:MI:SS' TRUNCATECOLUMNS ACCEPTINVCHARS AS '^' REGION 'us-east-1' ` +
        `ESCAPE FILLRECORD IGNOREBLANKLINES TRIMBLANKS ACCEPTANYDATE COMPUPDATE OFF STATUPDATE ON`,
    ).parameters;
    expect(p).toMatchObject({
      delimiter: ',',
      ignoreHeader: 1,
      emptyAsNull: true,
      blanksAsNull: true,
      nullAs: 'NA',
      dateFormat: 'auto',
      timeFormat: 'YYYY-MM-DD HH24:MI:SS',
      truncateColumns: true,
      acceptInvChars: '^',
      region: 'us-east-1',
      escape: true,
      fillRecord: true,
      ignoreBlankLines: true,
      trimBlanks: true,
      acceptAnyDate: true,
    });
    expect(command(`${BASE} ACCEPTINVCHARS`).parameters.acceptInvChars).toBe('?');
  });

  it('reads CSV with its comma default and QUOTE, and FORMAT AS CSV', () => {
    const csv = command(`${BASE} CSV`).parameters;
    expect(csv.format).toBe('csv');
    expect(csv.delimiter).toBe(',');
    expect(csv.quote).toBe('"');
    expect(command(`${BASE} FORMAT AS CSV QUOTE AS '%' DELIMITER ';'`).parameters).toMatchObject({
      format: 'csv',
      quote: '%',
      delimiter: ';',
    });
    expect(command(`${BASE} CSV DELIMITER '|'`).parameters.delimiter).toBe('|');
  });

  it('refuses CSV with ESCAPE or REMOVEQUOTES, and QUOTE without CSV, as Redshift does', () => {
    expect(error(`${BASE} CSV ESCAPE`).message).toBe('CSV is not compatible with ESCAPE');
    expect(error(`${BASE} REMOVEQUOTES CSV`).message).toBe('CSV is not compatible with REMOVEQUOTES');
    expect(error(`${BASE} QUOTE '"'`).message).toBe('QUOTE AS is only valid with CSV');
    expect(error(`${BASE} CSV QUOTE ','`).message).toBe('COPY delimiter and quote must be different');
  });

  it('refuses a repeated parameter, an unknown word and a multi-character delimiter', () => {
    expect(error(`${BASE} GZIP GZIP`).message).toBe('conflicting or redundant options');
    expect(error(`${BASE} MAXERROR 1 MAXERROR 2`).message).toBe('conflicting or redundant options');
    const unknown = error(`${BASE} GZIPP`);
    expect(unknown).toMatchObject({ code: '42601', message: 'syntax error at or near "GZIPP"' });
    expect(unknown.position).toBe(BASE.length + 1);
    expect(error(`${BASE} DELIMITER '||'`).message).toBe(
      'COPY delimiter must be a single one-byte character',
    );
    expect(error(`${BASE} MAXERROR`).message).toBe('syntax error at end of input');
    expect(error(`${BASE} MAXERROR 'ten'`).message).toBe(`syntax error at or near "'ten'"`);
  });

  it('caps MAXERROR at 100,000 (AWS-FACTS §6.4)', () => {
    expect(command(`${BASE} MAXERROR 100000`).parameters.maxError).toBe(100_000);
    expect(error(`${BASE} MAXERROR 100001`).message).toBe('MAXERROR argument must be between 0 and 100000');
  });

  it('names the parameters the simulation does not model instead of calling them syntax errors', () => {
    for (const word of ['FIXEDWIDTH', 'JSON', 'MANIFEST', 'BZIP2', 'LZOP', 'ZSTD', 'NOLOAD']) {
      expect(error(`${BASE} ${word}`)).toMatchObject({
        code: '0A000',
        message: `COPY parameter ${word} is not supported by this simulation yet.`,
      });
    }
    expect(error(`${BASE} FORMAT AS PARQUET`).code).toBe('0A000');
  });

  it('refuses sources other than S3 and an S3 URI without a bucket', () => {
    expect(error(`COPY t FROM 'emr://j-1/part-*' IAM_ROLE '${ROLE}'`).code).toBe('0A000');
    expect(error(`COPY t FROM 's3:///prefix' IAM_ROLE '${ROLE}'`).code).toBe('22023');
  });

  it('reports a syntax error where the statement goes wrong', () => {
    expect(error(`COPY t 's3://b/p'`)).toMatchObject({
      message: `syntax error at or near "'s3://b/p'"`,
      position: 7,
    });
    expect(error(`COPY t FROM`).message).toBe('syntax error at end of input');
  });
});

describe('unescapeCharacter', () => {
  it("reads '\\t', '\\\\' and octal the way COPY documents, and leaves other text alone", () => {
    expect(unescapeCharacter('\\t')).toBe('\t');
    expect(unescapeCharacter('\\011')).toBe('\t');
    expect(unescapeCharacter('\\174')).toBe('|');
    expect(unescapeCharacter('\\\\')).toBe('\\');
    expect(unescapeCharacter(',')).toBe(',');
    expect(unescapeCharacter('\\tx')).toBe('\\tx');
  });
});
