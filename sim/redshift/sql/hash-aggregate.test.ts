import { beforeAll, describe, expect, it } from 'vitest';
import type { RedshiftDatabase } from '../database/database.ts';
import { openTestDatabase, runOk } from '../database/database-harness.ts';

let db: RedshiftDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  runOk(db, 'CREATE TABLE r (day date, code int, size int, price decimal(8,2), host varchar(20))');
  runOk(
    db,
    `INSERT INTO r VALUES
      ('2015-05-17', 200, 10, 1.10, 'a'), ('2015-05-17', 200, NULL, 2.20, 'b'), ('2015-05-17', 404, 0, NULL, 'a'),
      ('2015-05-18', 200, 7, 0.10, NULL), ('2015-05-18', NULL, 5, 0.20, NULL), (NULL, 500, -3, 3.30, 'c'),
      (NULL, 500, NULL, NULL, 'c'), ('2015-05-18', NULL, 1, 0.70, 'b')`,
  );
});

/** The same query through SQLite's own GROUP BY: inside a derived table the hash aggregate is not used. */
function viaSqliteGroupBy(sql: string): unknown[][] {
  return runOk(db, `SELECT * FROM (${sql}) s`).rows!;
}

const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe('the hash aggregate gives what GROUP BY gives', () => {
  it.each([
    'SELECT day, code, COUNT(1) FROM r GROUP BY 1, 2',
    'SELECT code, COUNT(size), SUM(size), MIN(size), MAX(size), AVG(size) FROM r GROUP BY code',
    'SELECT host, SUM(price), AVG(price), MIN(price), MAX(price) FROM r GROUP BY host',
    'SELECT day, COUNT(*) FROM r WHERE code IS NOT NULL GROUP BY day HAVING COUNT(*) > 1',
    'SELECT UPPER(host), COUNT(*) * 2 + 1 FROM r GROUP BY host',
    'SELECT code FROM r GROUP BY code',
    'SELECT TRUNC(day), NVL(code, 0), SUM(size) / COUNT(*) FROM r GROUP BY 1, 2',
  ])('%s', (sql) => {
    const result = runOk(db, sql);
    expect(sorted(result.rows!)).toEqual(sorted(viaSqliteGroupBy(sql)));
    expect(result.rows!.length).toBeGreaterThan(0);
  });

  it('keeps one group for NULL keys, as GROUP BY does', () => {
    expect(runOk(db, 'SELECT code, COUNT(*) FROM r GROUP BY code ORDER BY code').rows).toEqual([
      [200, 3],
      [404, 1],
      [500, 2],
      [null, 2],
    ]);
  });

  it('orders and limits the groups (the workshop query 3 shape)', () => {
    expect(
      runOk(db, 'SELECT TOP 1 host, COUNT(1) FROM r WHERE code = 200 GROUP BY 1 ORDER BY 2 DESC, 1').rows,
    ).toEqual([['a', 1]]);
  });

  it('is used for the workshop query and leaves no table behind', () => {
    const query = db.prepareQuery('SELECT day, code, COUNT(1) FROM r GROUP BY 1,2 ORDER BY 1,3 DESC');
    expect(query.setup.join(' ')).toContain('ON CONFLICT');
    db.runPrepared(query);
    expect(runOk(db, 'SELECT COUNT(*) FROM r').rows).toEqual([[8]]);
    expect(db.prepareQuery('SELECT COUNT(DISTINCT code) FROM r GROUP BY day').setup).toEqual([]);
  });
});
