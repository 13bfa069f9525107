import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { createBucket, createS3State, putObject } from '../s3/index.ts';
import { accessLogToTsv, gzipText, iamWithRole, realAccessLogLines, ROLE_ARN } from './copy/test-support.ts';
import { loadSqlJs, runOk, TEST_NOW } from './database/database-harness.ts';
import { openWarehouse } from './warehouse.ts';

async function workshopWarehouse(slicesPerNode: number) {
  const s3 = createS3State(millis(0));
  createBucket(s3, { Bucket: 'demo-bucket' }, millis(0));
  const tsv = realAccessLogLines().map(accessLogToTsv);
  putObject(
    s3,
    { Bucket: 'demo-bucket', Key: 'logs/part-00000.gz', Body: gzipText(`${tsv.join('\n')}\n`) },
    millis(0),
  );
  return openWarehouse({
    sql: await loadSqlJs(),
    cluster: { nodeType: 'dc1.large', nodes: 2, slicesPerNode },
    now: () => TEST_NOW,
    s3,
    iam: iamWithRole(),
    attachedRoles: [ROLE_ARN],
    caller: { region: 'us-east-1', clusterIdentifier: 'demo', dbUser: 'master' },
  });
}

describe('openWarehouse: the SQL engine with COPY and storage plugged in', () => {
  it('loads with COPY, places rows by the DISTKEY, and reports slices in the storage system tables', async () => {
    const { database, storage } = await workshopWarehouse(2);
    runOk(
      database,
      'CREATE TABLE logs (host varchar(64), at timestamp, method varchar(10), path varchar(2048), protocol varchar(16), code int, size int, referrer varchar(2048), agent varchar(1024)) DISTKEY(host) SORTKEY(at)',
    );
    const copy = runOk(
      database,
      `COPY logs FROM 's3://demo-bucket/logs/' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' GZIP`,
    );
    expect(copy.rowsLoaded).toBe(10_000);
    const perSlice = database.rowsPerSlice('logs');
    expect(perSlice).toHaveLength(4);
    expect(perSlice.reduce((a, b) => a + b, 0)).toBe(10_000);
    // KEY distribution: every row of one host lives on one slice.
    const hostSlices = runOk(database, 'SELECT host, COUNT(*) FROM logs GROUP BY host').rows!.length;
    const stored = database.storedRows('logs');
    const sliceOfHost = new Map<unknown, Set<unknown>>();
    for (const row of stored) sliceOfHost.set(row[0], (sliceOfHost.get(row[0]) ?? new Set()).add(row[9]));
    expect(sliceOfHost.size).toBe(hostSlices);
    expect([...sliceOfHost.values()].every((s) => s.size === 1)).toBe(true);
    const info = runOk(database, 'SELECT diststyle, tbl_rows FROM svv_table_info WHERE "table" = \'logs\'');
    expect(info.rows).toEqual([['KEY(host)', 10_000]]);
    expect(runOk(database, 'SELECT COUNT(*) FROM stv_slices').rows).toEqual([[4]]);
    expect(storage.tableStorage(database.table('logs')!).rows).toBe(10_000);
  });

  it("names a failed load's table in stl_load_errors with the id the storage tables give it, so they join", async () => {
    const { database } = await workshopWarehouse(2);
    runOk(database, 'CREATE TABLE first_table (x int)');
    // request_method varchar(5): the real log's one OPTIONS request is too long, and MAXERROR 0 stops the load.
    runOk(
      database,
      'CREATE TABLE logs (host varchar(64), at timestamp, method varchar(5), path varchar(2048), protocol varchar(16), code int, size int, referrer varchar(2048), agent varchar(1024))',
    );
    const [copy] = database.execute(
      `COPY logs FROM 's3://demo-bucket/logs/' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' GZIP`,
    );
    expect(copy!.status).toBe('error');
    const joined = runOk(
      database,
      'SELECT DISTINCT trim(p.name) FROM stl_load_errors e JOIN stv_tbl_perm p ON p.id = e.tbl',
    );
    // svv_table_info lists only tables with rows (as AWS documents), and the failed load left none.
    expect(joined.rows).toEqual([['logs']]);
  });

  it('recomputes storage after a write and forgets a dropped table', async () => {
    const { database, storage } = await workshopWarehouse(2);
    runOk(database, 'CREATE TABLE t (x int) DISTSTYLE EVEN');
    runOk(database, 'INSERT INTO t VALUES (1), (2), (3), (4)');
    expect(storage.tableStorage(database.table('t')!).rows).toBe(4);
    runOk(database, 'DELETE FROM t WHERE x > 2');
    expect(storage.tableStorage(database.table('t')!).rows).toBe(2);
    expect(database.rowsPerSlice('t').reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('answers PG_LAST_COPY_COUNT() and EXPLAIN through the plugged-in parts', async () => {
    const { database } = await workshopWarehouse(2);
    expect(runOk(database, 'SELECT PG_LAST_COPY_ID(), PG_LAST_COPY_COUNT()').rows).toEqual([[-1, 0]]);
    runOk(
      database,
      'CREATE TABLE logs (host varchar(64), at timestamp, method varchar(10), path varchar(2048), protocol varchar(16), code int, size int, referrer varchar(2048), agent varchar(1024))',
    );
    runOk(database, `COPY logs FROM 's3://demo-bucket/logs/' IAM_ROLE '${ROLE_ARN}' DELIMITER '\\t' GZIP`);
    expect(runOk(database, 'SELECT PG_LAST_COPY_COUNT()').rows).toEqual([[10_000]]);
    const plan = runOk(database, 'EXPLAIN SELECT code, COUNT(*) FROM logs GROUP BY code');
    expect(plan.explain?.join('\n')).toContain('XN Seq Scan on logs');
  });
});
