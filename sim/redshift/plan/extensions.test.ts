/**
 * Storage and the plan plugged into the SQL engine: rows placed by Redshift's rules as statements insert
 * them, EXPLAIN as a statement, the query-time model on every SELECT, and the storage system tables
 * queried with SQL, as a learner would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RedshiftDatabase } from '../database/index.ts';
import { openTestDatabase, runError, runOk } from '../database/database-harness.ts';
import { clusterStorage, sliceForKey } from '../storage/index.ts';
import { storageExtensions } from './extensions.ts';

const twoNodes = { nodeType: 'dc1.large', nodes: 2, slicesPerNode: 2 };

async function workshop() {
  const db = await openTestDatabase({ cluster: twoNodes, extensions: storageExtensions() });
  runOk(
    db,
    'create table visits (host varchar(50) distkey, requesttime timestamp sortkey, status int, bytes bigint)',
  );
  runOk(db, 'create table hosts (host varchar(50), owner varchar(20)) diststyle all');
  const rows = Array.from({ length: 100_000 }, (_, i) => {
    const j = (i * 7919) % 100_000;
    const ts = new Date(Date.UTC(2015, 4, 1) + j * 24_000).toISOString().replace('T', ' ').slice(0, 19);
    return [`10.0.0.${j % 40}`, ts, 200 + (j % 2) * 204, j];
  });
  db.insertRows('visits', rows);
  db.insertRows(
    'hosts',
    Array.from({ length: 40 }, (_, i) => [`10.0.0.${i}`, `owner ${i}`]),
  );
  // A narrow table whose sort key is wide (CHAR(2000): 524 values a block), so a range skips blocks.
  runOk(db, 'create table codes (code char(2000) sortkey, n int)');
  db.insertRows(
    'codes',
    Array.from({ length: 20_000 }, (_, i) => [String((i * 7919) % 20_000).padStart(8, '0'), i]),
  );
  return db;
}

let db: RedshiftDatabase;
beforeAll(async () => {
  db = await workshop();
}, 60_000);

describe('storage and plan inside the database', { timeout: 60_000 }, () => {
  it('places inserted rows by the DISTKEY hash and reports them in SVV_TABLE_INFO', async () => {
    const placed = runOk(db, 'select count(*) from visits');
    expect(placed.rows).toEqual([[100_000]]);
    const info = runOk(
      db,
      'select "table", diststyle, sortkey1, tbl_rows, size, skew_rows from svv_table_info order by 1',
    );
    expect(info.rows!.map((r) => r.slice(0, 4))).toEqual([
      ['codes', 'EVEN', 'code', 20_000],
      ['hosts', 'ALL', null, 40],
      ['visits', 'KEY(host)', 'requesttime', 100_000],
    ]);
    const perSlice = clusterStorage(db)
      .tableStorage(db.table('visits')!)
      .slices.map((s) => s.rows);
    const expected = [0, 0, 0, 0];
    for (let j = 0; j < 40; j++) expected[sliceForKey(`10.0.0.${j}`, 4)]! += 100_000 / 40;
    expect(perSlice).toEqual(expected);
    const slices = runOk(db, 'select node, slice from stv_slices order by slice');
    expect(slices.rows).toEqual([
      [0, 0],
      [0, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it('models a SELECT: a range on the sort key skips blocks, and the time is modelled', async () => {
    const narrow = runOk(db, "select count(*) from codes where code between '00001000' and '00002000'");
    const wide = runOk(db, 'select count(*) from codes where n < 5000');
    expect(narrow.rows).toEqual([[1001]]);
    expect(narrow.scan!.reduce((s, x) => s + x.blocksSkipped, 0)).toBeGreaterThan(0);
    expect(wide.scan!.reduce((s, x) => s + x.blocksSkipped, 0)).toBe(0);
    expect(narrow.modelledMillis).toBeGreaterThan(0);
    expect(narrow.modelledMillis).toBeLessThan(wide.modelledMillis);
  });

  it('uses GETDATE() on the simulation clock for zone maps', async () => {
    // The test clock is 2016-07-12: nothing in May 2015 is within the last 30 days.
    const recent = runOk(db, 'select count(*) from visits where requesttime >= getdate() - 30');
    expect(recent.rows).toEqual([[0]]);
    expect(recent.scan!.every((s) => s.rowsScanned === 0)).toBe(true);
  });

  it('answers EXPLAIN with the plan, one line a row, and the join label from the tables', async () => {
    const result = runOk(
      db,
      'explain select owner, count(*) from visits join hosts on visits.host = hosts.host group by owner',
    );
    expect(result.columns).toEqual(['QUERY PLAN']);
    expect(result.explain![0]).toMatch(/^XN HashAggregate /);
    expect(result.explain![1]).toMatch(/^ {2}-> {2}XN Hash Join DS_DIST_ALL_NONE /);
    expect(result.rows!.map((r) => r[0])).toEqual(result.explain);
    // TOP n is Redshift's LIMIT: the workshop's third query plans with XN Limit on top
    const top = runOk(
      db,
      'explain select top 1 host, count(1) from visits where status = 404 group by 1 order by 2 desc',
    );
    expect(top.explain![0]).toMatch(/^XN Limit {2}\(.* rows=1 /);
    expect(top.explain![1]).toMatch(/^ {2}-> {2}XN Merge /);
    expect(runError(db, 'explain select * from svv_table_info').message).toMatch(/not a user table/);
    expect(runError(db, 'explain verbose select * from visits').message).toMatch(
      /EXPLAIN VERBOSE is not supported/,
    );
  });

  it('forgets cached blocks after a write, so the next report reads the table again', async () => {
    const own = await openTestDatabase({ cluster: twoNodes, extensions: storageExtensions() });
    runOk(own, 'create table t (id int, status int)');
    own.insertRows(
      't',
      Array.from({ length: 1000 }, (_, i) => [i, i % 2 === 0 ? 200 : 404]),
    );
    const rowsOf = (): unknown =>
      runOk(own, 'select tbl_rows from svv_table_info where "table" = \'t\'').rows;
    expect(rowsOf()).toEqual([[1000]]);
    runOk(own, 'delete from t where status = 404');
    expect(rowsOf()).toEqual([[500]]);
    runOk(own, 'insert into t values (1, 200)');
    expect(rowsOf()).toEqual([[501]]);
    own.insertRows('t', [[2, 200]]);
    expect(rowsOf()).toEqual([[502]]);
  });

  it('counts STV_BLOCKLIST blocks per column as AWS’s sample query does', async () => {
    const blocks = runOk(
      db,
      "select col, count(*) from stv_blocklist, stv_tbl_perm where stv_blocklist.tbl = stv_tbl_perm.id and stv_blocklist.slice = stv_tbl_perm.slice and stv_tbl_perm.name = 'visits' group by col order by col",
    );
    // every column of visits fits one block on each of the 4 slices
    expect(blocks.rows!.map((r) => r[0])).toEqual([0, 1, 2, 3]);
    expect(blocks.rows![1]![1]).toBe(4);
  });
});
