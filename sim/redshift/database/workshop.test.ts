import { describe, expect, it } from 'vitest';
import { openTestDatabase, runError, runOk } from './database-harness.ts';

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

describe('the workshop statements (seed text, "Amazon Redshift Test Queries")', () => {
  it('creates accesslogs with its keys and answers the three test queries', async () => {
    const db = await openTestDatabase();
    runOk(db, CREATE_ACCESSLOGS);
    expect(db.table('accesslogs')).toMatchObject({
      distStyle: 'KEY',
      distKey: 'host_address',
      sortKey: { style: 'COMPOUND', columns: ['request_time'] },
    });
    runOk(
      db,
      `INSERT INTO accesslogs VALUES
        ('192.0.2.1', '2015-05-17 10:05:03', 'GET', '/a', 'HTTP/1.1', 200, 10, '-', 'x'),
        ('192.0.2.1', '2015-05-17 10:06:00', 'GET', '/b', 'HTTP/1.1', 200, 10, '-', 'x'),
        ('192.0.2.2', '2015-05-17 11:00:00', 'GET', '/missing', 'HTTP/1.1', 404, 0, '-', 'x'),
        ('192.0.2.3', '2015-05-18 09:00:00', 'GET', '/missing', 'HTTP/1.1', 404, 0, '-', 'x'),
        ('192.0.2.3', '2015-05-18 09:30:00', 'GET', '/gone', 'HTTP/1.1', 404, 0, '-', 'x'),
        ('192.0.2.4', '2015-05-18 12:00:00', 'GET', '/a', 'HTTP/1.1', 200, 10, '-', 'x')`,
    );
    const byDay = runOk(
      db,
      `SELECT TRUNC(request_time), response_code, COUNT(1) FROM \naccesslogs GROUP BY 1,2 ORDER BY 1,3 DESC;`,
    );
    expect(byDay.columns).toEqual(['trunc', 'response_code', 'count']);
    expect(byDay.rows).toEqual([
      ['2015-05-17', 200, 2],
      ['2015-05-17', 404, 1],
      ['2015-05-18', 404, 2],
      ['2015-05-18', 200, 1],
    ]);
    expect(runOk(db, 'SELECT COUNT(1) FROM accessLogs WHERE response_code = 404;').rows).toEqual([[3]]);
    const top = runOk(
      db,
      `SELECT TOP 1 request_path,COUNT(1) FROM accesslogs WHERE \nresponse_code = 404 GROUP BY 1 ORDER BY 2 DESC;`,
    );
    expect(top.rows).toEqual([['/missing', 2]]);
  });

  it("refuses a value too long for its column with Redshift's message", async () => {
    const db = await openTestDatabase();
    runOk(db, CREATE_ACCESSLOGS);
    const error = runError(db, `INSERT INTO accesslogs (request_method) VALUES ('DELETE')`);
    expect(error).toMatchObject({ code: '22001', message: 'value too long for type character varying(5)' });
  });

  it('reports a syntax error at its line and column in the script', async () => {
    const db = await openTestDatabase();
    const [first, second] = db.execute('SELECT 1;\nSELECT a,\n  b form t;');
    expect(first?.status).toBe('ok');
    expect(second?.error).toMatchObject({
      code: '42601',
      message: 'syntax error at or near "t"',
      line: 3,
      column: 10,
    });
  });
});
