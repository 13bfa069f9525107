import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runBdlab } from './capture.ts';

/** bdlab sql with the workshop's COPY: files from a folder, a role from --role, errors as Redshift gives them. */
const folder = mkdtempSync(join(tmpdir(), 'bdlab-sql-copy-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ROLE = 'arn:aws:iam::123456789012:role/redshift-copy';
const rows = (day: number, sizes: readonly string[]) =>
  sizes
    .map((size, i) =>
      [
        '198.51.100.7',
        `2015-05-${day} 10:00:0${i}`,
        'GET',
        `/p${i}`,
        'HTTP/1.1',
        size === '' ? '304' : '200',
        size,
        '-',
        'curl/7.47',
      ].join('\t'),
    )
    .join('\n');

function logs(name: string, files: Record<string, string>): string {
  const dir = join(folder, name);
  for (const [key, text] of Object.entries(files)) {
    mkdirSync(join(dir, key, '..'), { recursive: true });
    writeFileSync(join(dir, key), gzipSync(`${text}\n`));
  }
  return dir;
}

const SCRIPT = `CREATE TABLE accesslogs (
  host_address varchar(512), request_time timestamp, request_method varchar(5), request_path varchar(1024),
  request_protocol varchar(10), response_code Int, response_size Int, referrer_host varchar(1024),
  user_agent varchar(512))
DISTKEY(host_address) SORTKEY(request_time);
COPY accesslogs FROM 's3://weblogs/access-log-processed'
CREDENTIALS 'aws_iam_role=${ROLE}'
DELIMITER '\\t'
MAXERROR 0
GZIP;
SELECT TRUNC(request_time), COUNT(1), COUNT(response_size) FROM accesslogs GROUP BY 1 ORDER BY 1;
`;

describe('bdlab sql with COPY from mounted folders', () => {
  const good = logs('good', {
    'access-log-processed/year=2015/month=5/day=17/part-00000.gz': rows(17, ['512', '', '1024']),
    'access-log-processed/year=2015/month=5/day=18/part-00000.gz': rows(18, ['2048']),
  });

  it(
    'loads the gzip files under the prefix with the role --role creates, empty sizes as NULL',
    { timeout: 60_000 },
    async () => {
      const script = join(folder, 'copy.sql');
      writeFileSync(script, SCRIPT);
      const { code, stdout, stderr } = await runBdlab(
        'sql',
        script,
        '--s3',
        `weblogs=${good}`,
        '--role',
        ROLE,
        '--json',
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const [, copy, select] = JSON.parse(stdout).statements;
      expect(copy).toMatchObject({ status: 'ok', rowsLoaded: 4, loadErrors: 0 });
      expect(select.rows).toEqual([
        ['2015-05-17', 3, 2],
        ['2015-05-18', 1, 1],
      ]);
    },
  );

  it('fails COPY with Redshift’s 8001 text when no role was given, and exits 1', async () => {
    const script = join(folder, 'copy-norole.sql');
    writeFileSync(script, SCRIPT);
    const { code, stdout } = await runBdlab('sql', script, '--s3', `weblogs=${good}`, '--json');
    expect(code).toBe(1);
    const copy = JSON.parse(stdout).statements[1];
    expect(copy.status).toBe('error');
    expect(copy.error.message).toMatch(
      /is not authorized to assume IAM Role arn:aws:iam::123456789012:role\/redshift-copy/,
    );
  });

  it('aborts a load over MAXERROR 0 (a "-" in an integer column), loads nothing, and stl_load_errors says where', async () => {
    const bad = logs('bad', {
      'access-log-processed/year=2015/month=5/day=17/part-00000.gz': rows(17, ['512', '-', '1024']),
    });
    const script = join(folder, 'copy-bad.sql');
    writeFileSync(script, `${SCRIPT}SELECT line_number, colname, err_code FROM stl_load_errors;\n`);
    const { code, stdout } = await runBdlab(
      'sql',
      script,
      '--s3',
      `weblogs=${bad}`,
      '--role',
      ROLE,
      '--json',
    );
    expect(code).toBe(1);
    const [, copy, select, errors] = JSON.parse(stdout).statements;
    expect(copy).toMatchObject({ status: 'error' });
    expect(select.rows).toEqual([]);
    expect(errors.rows).toHaveLength(1);
    expect(errors.rows[0][0]).toBe(2);
    expect(String(errors.rows[0][1]).trim()).toBe('response_size');
    expect(errors.rows[0][2]).toBe(1207);
  });
});
