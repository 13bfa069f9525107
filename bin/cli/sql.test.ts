import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { redshiftMayRead } from '../../sim/iam/index.ts';
import { runBdlab } from './capture.ts';
import { parseSqlArgs, type SqlArgs } from './sql-args.ts';
import { openSqlSession } from './sql-session.ts';

const folder = mkdtempSync(join(tmpdir(), 'bdlab-sql-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const WORKSHOP_TABLE = `CREATE TABLE accesslogs (
  host_address varchar(512), request_time timestamp, request_method varchar(5), request_path varchar(1024),
  request_protocol varchar(10), response_code Int, response_size Int, referrer_host varchar(1024),
  user_agent varchar(512))
DISTKEY(host_address) SORTKEY(request_time);`;

const args = (over: Partial<SqlArgs> = {}): SqlArgs => ({
  script: 'x.sql',
  mounts: [],
  roles: [],
  nodeType: undefined,
  nodes: undefined,
  era: '2016',
  json: false,
  ...over,
});

describe('bdlab sql', () => {
  it(
    'prints the issue’s JSON shape, field for field, and exits 1 when a statement failed',
    { timeout: 60_000 },
    async () => {
      const script = file(
        'report.sql',
        `${WORKSHOP_TABLE}
INSERT INTO accesslogs VALUES ('10.0.0.1', '2015-05-17 10:00:00', 'GET', '/a', 'HTTP/1.1', 404, NULL, '-', 'curl');
SELECT TRUNC(request_time), response_code, COUNT(1) FROM accesslogs GROUP BY 1,2 ORDER BY 1,3 DESC;
SELECT nope FROM accesslogs;
`,
      );
      const { code, stdout, stderr } = await runBdlab('sql', script, '--json');
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const report = JSON.parse(stdout);
      expect(Object.keys(report)).toEqual(['cluster', 'statements']);
      expect(report.cluster).toEqual({ nodeType: 'dc1.large', nodes: 1, slices: 2 });
      expect(report.statements.map((s: object) => Object.keys(s))).toEqual(
        Array(4).fill([
          'index',
          'sql',
          'status',
          'error',
          'columns',
          'rows',
          'rowCount',
          'rowsLoaded',
          'loadErrors',
          'explain',
          'modelledMillis',
        ]),
      );
      expect(report.statements[2]).toMatchObject({
        index: 2,
        status: 'ok',
        error: null,
        columns: ['trunc', 'response_code', 'count'],
        rows: [['2015-05-17', 404, 1]],
        rowCount: 1,
      });
      expect(report.statements[3]).toMatchObject({
        status: 'error',
        error: { code: expect.any(String), message: expect.stringMatching(/nope/) },
      });
      expect(Object.keys(report.statements[3].error)).toEqual(['code', 'message']);
    },
  );

  it('keeps going after a failed statement, like psql, and says where the failure is on stderr', async () => {
    const script = file('psql.sql', 'SELEC 1;\nSELECT 2 AS two;\n');
    const { code, stdout, stderr } = await runBdlab('sql', script);
    expect(code).toBe(1);
    expect(stdout).toContain(' two\n-----\n   2\n(1 row)');
    expect(stderr).toMatch(
      new RegExp(
        `^${script.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+ \\(statement 1\\): ERROR:  .*\\[42601\\]\\n$`,
      ),
    );
  });

  it('exits 0 when every statement ran, on the cluster the flags ask for', async () => {
    const script = file('ok.sql', 'SELECT 1 AS one;');
    const { code, stdout } = await runBdlab(
      'sql',
      script,
      '--json',
      '--era',
      'current',
      '--node-type',
      'ra3.4xlarge',
      '--nodes',
      '3',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).cluster).toEqual({ nodeType: 'ra3.4xlarge', nodes: 3, slices: 12 });
  });

  it('refuses bad flags with what, where and how to fix, exit code 2', async () => {
    const script = file('flags.sql', 'SELECT 1;');
    const cases: [string[], RegExp][] = [
      [['--nodes', 'two'], /--nodes two: give a whole number of compute nodes/],
      [['--nodes', '0'], /--nodes 0: give a whole number/],
      [['--era', '2017'], /--era 2017: choose 2016 .* or current/],
      [
        ['--node-type', 'dc2.large'],
        /--node-type dc2\.large: InvalidParameterValue: Invalid node type: dc2\.large\. DC2 launched after 2016.*--era changes it/,
      ],
      [
        ['--node-type', 'dc1.8xlarge'],
        /--nodes 1 \(dc1\.8xlarge\): InvalidParameterCombination: .*no single-node clusters/,
      ],
      [['--nodes', '33'], /--nodes 33 \(dc1\.large\): NumberOfNodesPerClusterLimitExceeded/],
      [['--s3', 'logs'], /--s3 logs: expected BUCKET=DIR .* such as --s3 my-bucket=\.\/data/],
      [['--s3', `Logs=${folder}`], /--s3 Logs=.*: The bucket name "Logs" is not valid/],
      [['--s3', `logs=${join(folder, 'missing')}`], /--s3 logs=.*: there is no folder/],
      [['--s3', `logs=${script}`], /--s3 logs=.*: .* is a file, not a folder/],
      [
        ['--role', 'redshift-copy'],
        /--role redshift-copy: "redshift-copy" is not a valid ARN: it must begin with "arn:"/,
      ],
      [
        ['--role', 'arn:aws:iam::123456789012:role/a', '--role', 'arn:aws:iam::210987654321:role/b'],
        /--role: the roles name 2 accounts/,
      ],
      [['--role'], /--role needs a value, such as --role arn:aws:iam::/],
      [['--frobnicate'], /unknown option '--frobnicate'\. Allowed: --s3 BUCKET=DIR/],
    ];
    for (const [flags, message] of cases) {
      const { code, stderr } = await runBdlab('sql', script, ...flags);
      expect(code, flags.join(' ')).toBe(2);
      expect(stderr, flags.join(' ')).toMatch(new RegExp(`^bdlab sql: ${message.source}`));
    }
    expect((await runBdlab('sql')).stderr).toMatch(/missing the SQL script: bdlab sql SCRIPT\.sql/);
    expect(await runBdlab('sql', join(folder, 'none.sql'))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot read .*none\.sql': no such file\./),
    });
    expect(await runBdlab('sql', '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: bdlab sql SCRIPT\.sql/),
    });
  });
});

describe('the session bdlab sql opens', () => {
  it('mounts every file under a folder with its relative path as key and its bytes as they are', () => {
    const gz = gzipSync('10.0.0.1\t2015-05-17 10:00:00\n');
    file('mount/access-log-processed/year=2015/month=5/day=17/part-00000.gz', gz);
    file('mount/readme.txt', 'hello');
    const session = openSqlSession(args({ mounts: [{ bucket: 'weblogs', dir: join(folder, 'mount') }] }));
    const bucket = session.s3.buckets.weblogs!;
    expect(bucket.sortedKeys).toEqual([
      'access-log-processed/year=2015/month=5/day=17/part-00000.gz',
      'readme.txt',
    ]);
    expect(bucket.objects['access-log-processed/year=2015/month=5/day=17/part-00000.gz']!.Body).toEqual(
      new Uint8Array(gz),
    );
  });

  it('creates each role trusting Redshift, associated with the cluster, allowed to read the mounted buckets only', () => {
    const role = 'arn:aws:iam::123456789012:role/service-role/redshift-copy';
    const session = openSqlSession(
      args({ mounts: [{ bucket: 'weblogs', dir: join(folder, 'mount') }], roles: [role] }),
    );
    expect(session.cluster.IamRoles).toEqual([{ IamRoleArn: role, ApplyStatus: 'in-sync' }]);
    const caller = { region: 'us-east-1', clusterIdentifier: 'bdlab', dbUser: 'master' };
    const read = (bucket: string) =>
      redshiftMayRead(session.iam, {
        roleArn: role,
        associatedRoles: [role],
        caller,
        bucket,
        prefix: 'access-log-processed',
        keys: ['access-log-processed/x.gz'],
      });
    expect(read('weblogs').ok).toBe(true);
    expect(read('other')).toMatchObject({ ok: false, check: 's3:ListBucket' });
  });

  it('starts the clock at the era’s start time once the cluster is available', () => {
    const session = openSqlSession(args());
    expect(session.cluster.ClusterStatus).toBe('available');
    expect(new Date(session.now).toISOString()).toBe('2016-06-14T14:05:30.000Z');
  });

  it('reads the flags in any order, and = forms', () => {
    expect(parseSqlArgs(['--json', '--s3=a=b', 'x.sql', '--nodes=2', '--role', 'arn:r'])).toMatchObject({
      script: 'x.sql',
      json: true,
      mounts: [{ bucket: 'a', dir: 'b' }],
      nodes: 2,
      roles: ['arn:r'],
    });
  });
});
