import { describe, expect, it } from 'vitest';
import { millis } from '../../core/index.ts';
import { createBucket, createS3State, putObject } from '../../s3/index.ts';
import { openTestDatabase, runOk } from '../database/database-harness.ts';
import { copyExtensions } from './copy-commands.ts';
import { accessLogToTsv, gzipText, iamWithRole, realAccessLogLines, ROLE_ARN } from './test-support.ts';

const CREATE_ACCESSLOGS = `CREATE TABLE accesslogs
(
    host_address varchar(512),
    request_time timestamp,
    request_method varchar(5),
    request_path varchar(1024),
    request_protocol varchar(10),
    response_code Int,
    response_size Int,
    referrer_host varchar(1024),
    user_agent varchar(512)
)
DISTKEY(host_address)
SORTKEY(request_time);`;

const tsv = realAccessLogLines().map(accessLogToTsv);

async function warehouse() {
  const s3 = createS3State(millis(0));
  createBucket(s3, { Bucket: 'demo-bucket' }, millis(0));
  const per = 2500;
  for (let part = 0; part < 4; part++) {
    const body = gzipText(`${tsv.slice(part * per, (part + 1) * per).join('\n')}\n`);
    putObject(
      s3,
      { Bucket: 'demo-bucket', Key: `access-log-processed/part-0000${part}.gz`, Body: body },
      millis(0),
    );
  }
  const extensions = copyExtensions({
    s3,
    iam: iamWithRole(),
    attachedRoles: [ROLE_ARN],
    caller: { region: 'us-east-1', clusterIdentifier: 'demo', dbUser: 'master' },
  });
  const db = await openTestDatabase({ extensions });
  runOk(db, CREATE_ACCESSLOGS);
  return { db, s3, extensions };
}

const COPY = `COPY accesslogs
FROM 's3://demo-bucket/access-log-processed'
CREDENTIALS
'aws_iam_role=${ROLE_ARN}'
DELIMITER '\\t'
MAXERROR 0
GZIP;`;

describe('COPY and UNLOAD inside RedshiftDatabase (the workshop session, seed: "Loading Data into Amazon Redshift")', () => {
  it("fails the workshop's COPY on the real log and lets the learner read why in stl_load_errors", async () => {
    const { db } = await warehouse();
    const [copy] = db.execute(COPY);
    expect(copy!.status).toBe('error');
    expect(copy!.error!.message).toMatch(
      /^Load into table 'accesslogs' failed\. {2}Check 'stl_load_errors' system table for details\.\nHINT: {2}First error: line 1658 of s3:\/\/demo-bucket\/access-log-processed\/part-00003\.gz, column request_method/,
    );
    const errors = runOk(
      db,
      'select line_number, trim(colname), err_code, trim(err_reason), trim(raw_field_value) from stl_load_errors',
    );
    expect(errors.rows).toEqual([
      [1658, 'request_method', 1204, 'String length exceeds DDL length', 'OPTIONS'],
    ]);
    expect(runOk(db, 'select count(1) from accesslogs').rows).toEqual([[0]]);
  });

  it('loads the real log once the table or the COPY is fixed, and the test queries see the rows', async () => {
    const { db } = await warehouse();
    const copy = runOk(db, COPY.replace('GZIP', 'GZIP TRUNCATECOLUMNS'));
    expect(copy.rowsLoaded).toBe(10_000);
    expect(copy.modelledMillis).toBeGreaterThan(0);
    expect(runOk(db, 'SELECT COUNT(1) FROM accessLogs WHERE response_code = 404;').rows).toEqual([
      [tsv.filter((l) => l.split('\t')[5] === '404').length],
    ]);
    expect(runOk(db, 'select count(*) from stl_load_commits').rows).toEqual([[4]]);
    expect(
      runOk(db, 'select count(*) from accesslogs where response_size is null').rows![0]![0],
    ).toBeGreaterThan(0);
  });

  it('UNLOADs a query result back to S3, one file per slice', async () => {
    const { db, s3 } = await warehouse();
    runOk(db, COPY.replace('GZIP', 'GZIP TRUNCATECOLUMNS'));
    const unload = runOk(
      db,
      `UNLOAD ('select response_code, count(1) from accesslogs group by 1 order by 1') TO 's3://demo-bucket/unload/codes_' IAM_ROLE '${ROLE_ARN}'`,
    );
    expect(unload.rowCount).toBeGreaterThan(3);
    const keys = s3.buckets['demo-bucket']!.sortedKeys.filter((k) => k.startsWith('unload/'));
    expect(keys).toEqual(['unload/codes_0000_part_00', 'unload/codes_0001_part_00']);
    const text = keys
      .map((k) => new TextDecoder().decode(s3.buckets['demo-bucket']!.objects[k]!.Body))
      .join('');
    expect(text.split('\n')[0]).toBe('200|9126');
  });

  it('reports a refusal with the line and column of the statement where it went wrong', async () => {
    const { db } = await warehouse();
    const [result] = db.execute(`COPY accesslogs FROM 's3://demo-bucket/x' IAM_ROLE '${ROLE_ARN}' GZIPP`);
    expect(result!.error).toMatchObject({
      code: '42601',
      message: 'syntax error at or near "GZIPP"',
      line: 1,
    });
    expect(result!.error!.column).toBe(
      `COPY accesslogs FROM 's3://demo-bucket/x' IAM_ROLE '${ROLE_ARN}' `.length + 1,
    );
  });
});
