import { beforeAll, describe, expect, it } from 'vitest';
import type { RedshiftDatabase } from './database.ts';
import { openTestDatabase, runError, runOk } from './database-harness.ts';

let db: RedshiftDatabase;

/** The single value a one-row, one-column query returns. */
function value(sql: string): unknown {
  return runOk(db, sql).rows?.[0]?.[0];
}

beforeAll(async () => {
  db = await openTestDatabase();
  runOk(
    db,
    'CREATE TABLE t (id int, ts timestamp, d date, name varchar(20), price decimal(8,2), flag boolean, n int)',
  );
  runOk(
    db,
    `INSERT INTO t VALUES
      (1, '2015-05-17 10:05:03', '2015-05-17', 'Alpha', 10.50, true, 4),
      (2, '2015-05-31 23:59:59', '2015-05-31', 'beta', 20.25, false, NULL),
      (3, '2016-01-31 08:00:00', '2016-01-31', NULL, 5.00, NULL, 7)`,
  );
});

describe('date and time functions (AWS-FACTS §6.6)', () => {
  it('TRUNC(timestamp) is a DATE, printed as Redshift prints it', () => {
    expect(runOk(db, 'SELECT TRUNC(ts) FROM t WHERE id = 1').rows).toEqual([['2015-05-17']]);
  });

  it('GETDATE() reads the simulation clock, whole seconds; SYSDATE keeps fractions; CURRENT_DATE is its day', () => {
    expect(value('SELECT GETDATE()')).toBe('2016-07-12 10:30:00');
    expect(value('SELECT SYSDATE')).toBe('2016-07-12 10:30:00');
    expect(value('SELECT CURRENT_DATE')).toBe('2016-07-12');
  });

  it('GETDATE() without parentheses is a column name, as in Redshift', () => {
    expect(runError(db, 'SELECT GETDATE FROM t')).toMatchObject({
      code: '42703',
      message: 'column "getdate" does not exist',
    });
  });

  it('timestamp ± integer days, date ± integer, date − date', () => {
    expect(value('SELECT GETDATE() - 30')).toBe('2016-06-12 10:30:00');
    expect(value('SELECT d + 1 FROM t WHERE id = 2')).toBe('2015-06-01');
    expect(value('SELECT ts - 1 FROM t WHERE id = 1')).toBe('2015-05-16 10:05:03');
    expect(value("SELECT d - DATE '2015-05-01' FROM t WHERE id = 1")).toBe(16);
    expect(value("SELECT ts + INTERVAL '1 month' FROM t WHERE id = 3")).toBe('2016-02-29 08:00:00');
  });

  it('DATE_TRUNC to each part', () => {
    const at = (part: string): unknown => value(`SELECT DATE_TRUNC('${part}', ts) FROM t WHERE id = 1`);
    expect(at('year')).toBe('2015-01-01 00:00:00');
    expect(at('quarter')).toBe('2015-04-01 00:00:00');
    expect(at('month')).toBe('2015-05-01 00:00:00');
    expect(at('week')).toBe('2015-05-11 00:00:00');
    expect(at('day')).toBe('2015-05-17 00:00:00');
    expect(at('hour')).toBe('2015-05-17 10:00:00');
    expect(at('minute')).toBe('2015-05-17 10:05:00');
  });

  it('DATEADD clamps month ends as Redshift does', () => {
    expect(value('SELECT DATEADD(month, 1, ts) FROM t WHERE id = 3')).toBe('2016-02-29 08:00:00');
    expect(value('SELECT DATEADD(day, -17, d) FROM t WHERE id = 1')).toBe('2015-04-30 00:00:00');
    expect(value("SELECT DATEADD('hour', 14, ts) FROM t WHERE id = 1")).toBe('2015-05-18 00:05:03');
    expect(value('SELECT DATEADD(y, 1, d) FROM t WHERE id = 1')).toBe('2016-05-17 00:00:00');
  });

  it('DATEDIFF counts boundaries crossed', () => {
    expect(value("SELECT DATEDIFF(day, '2015-05-17 23:59:59', '2015-05-18 00:00:01')")).toBe(1);
    expect(value("SELECT DATEDIFF(month, '2015-01-31', '2015-02-01')")).toBe(1);
    expect(value("SELECT DATEDIFF(year, '2015-12-31', '2016-01-01')")).toBe(1);
    expect(value("SELECT DATEDIFF(hour, '2015-05-17 10:59:00', '2015-05-17 11:00:00')")).toBe(1);
    expect(value("SELECT DATEDIFF(minute, '2015-05-17 10:00:59', '2015-05-17 10:01:00')")).toBe(1);
    expect(value('SELECT DATEDIFF(days, d, GETDATE()) FROM t WHERE id = 3')).toBe(163);
  });

  it('EXTRACT and DATE_PART', () => {
    expect(
      runOk(
        db,
        'SELECT EXTRACT(year FROM ts), EXTRACT(month FROM ts), DATE_PART(dow, ts), DATE_PART(hour, ts) FROM t WHERE id = 1',
      ).rows,
    ).toEqual([[2015, 5, 0, 10]]);
    expect(value('SELECT EXTRACT(epoch FROM ts) FROM t WHERE id = 1')).toBe(1431857103);
  });

  it('refuses an unknown date part', () => {
    expect(runError(db, 'SELECT DATEADD(fortnight, 1, ts) FROM t')).toMatchObject({
      message: 'date part "fortnight" is not recognized',
    });
  });
});

describe('null handling, CASE and casts', () => {
  it('NVL, COALESCE, NVL2, NULLIF, DECODE', () => {
    expect(runOk(db, "SELECT NVL(name, 'none') FROM t ORDER BY id").rows).toEqual([
      ['Alpha'],
      ['beta'],
      ['none'],
    ]);
    expect(value('SELECT COALESCE(NULL, n, 0) FROM t WHERE id = 2')).toBe(0);
    expect(value("SELECT NVL2(name, 'has', 'none') FROM t WHERE id = 3")).toBe('none');
    expect(value('SELECT NULLIF(n, 4) FROM t WHERE id = 1')).toBe(null);
    expect(runOk(db, "SELECT DECODE(id, 1, 'one', 2, 'two', 'many') FROM t ORDER BY id").rows).toEqual([
      ['one'],
      ['two'],
      ['many'],
    ]);
  });

  it('CASE with and without an operand', () => {
    expect(
      runOk(db, "SELECT CASE WHEN price > 10 THEN 'dear' ELSE 'cheap' END FROM t ORDER BY id").rows,
    ).toEqual([['dear'], ['dear'], ['cheap']]);
    expect(runOk(db, "SELECT CASE id WHEN 1 THEN 'a' END FROM t ORDER BY id").rows).toEqual([
      ['a'],
      [null],
      [null],
    ]);
  });

  it('CAST and :: check their input as Redshift does', () => {
    expect(value("SELECT '42'::int + 1")).toBe(43);
    expect(value("SELECT CAST('2015-05-17 10:00:00' AS date)")).toBe('2015-05-17');
    expect(value('SELECT ts::date FROM t WHERE id = 1')).toBe('2015-05-17');
    expect(value('SELECT d::timestamp FROM t WHERE id = 1')).toBe('2015-05-17 00:00:00');
    expect(value('SELECT CAST(price AS int) FROM t WHERE id = 1')).toBe(11);
    expect(value("SELECT CAST('abcdef' AS varchar(3))")).toBe('abc');
    expect(value('SELECT flag::varchar FROM t WHERE id = 1')).toBe('true');
    expect(runError(db, "SELECT 'abc'::int")).toMatchObject({
      code: '22P02',
      message: 'invalid input syntax for integer: "abc"',
    });
    expect(runError(db, 'SELECT name::int FROM t WHERE id = 1')).toMatchObject({
      message: 'invalid input syntax for integer: "Alpha"',
    });
  });

  it('prints booleans as true/false', () => {
    expect(runOk(db, 'SELECT flag, price > 10 FROM t ORDER BY id').rows).toEqual([
      [true, true],
      [false, true],
      [null, false],
    ]);
  });
});

describe('string and math functions', () => {
  it('string functions', () => {
    expect(
      runOk(
        db,
        'SELECT UPPER(name), LOWER(name), LEN(name), LEFT(name, 2), RIGHT(name, 2), SUBSTRING(name, 2, 3) FROM t WHERE id = 1',
      ).rows,
    ).toEqual([['ALPHA', 'alpha', 5, 'Al', 'ha', 'lph']]);
    expect(value("SELECT SPLIT_PART('a,b,c', ',', 2)")).toBe('b');
    expect(value("SELECT LPAD('7', 3, '0')")).toBe('007');
    expect(value("SELECT 'a' || 'b' || 'c'")).toBe('abc');
    expect(value("SELECT STRPOS('banana', 'na')")).toBe(3);
    expect(value("SELECT CHARINDEX('na', 'banana')")).toBe(3);
    expect(value("SELECT MD5('hello')")).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(value("SELECT REGEXP_SUBSTR('GET /cart HTTP/1.1', '/[a-z]+')")).toBe('/cart');
    expect(value("SELECT OCTET_LENGTH('é')")).toBe(2);
  });

  it('LIKE matches case, ILIKE does not', () => {
    expect(runOk(db, "SELECT id FROM t WHERE name LIKE 'a%'").rows).toEqual([]);
    expect(runOk(db, "SELECT id FROM t WHERE name ILIKE 'a%'").rows).toEqual([[1]]);
    expect(runOk(db, "SELECT id FROM t WHERE name NOT LIKE '%a' ORDER BY id").rows).toEqual([]);
  });

  it('math functions; LOG is base 10; integer division truncates', () => {
    expect(
      runOk(db, 'SELECT ROUND(2.5), CEIL(1.2), FLOOR(-1.5), ABS(-3), MOD(7, 3), LOG(100), 7 / 2, 7 / 2.0')
        .rows,
    ).toEqual([[3, 2, -2, 3, 1, 2, 3, 3.5]]);
    expect(value('SELECT ROUND(price, 1) FROM t WHERE id = 2')).toBe(20.3);
  });
});

describe('leader-node-only functions (AWS-FACTS §6.2)', () => {
  it('run when the query reads no table', () => {
    expect(value('SELECT NOW()')).toBe('2016-07-12 10:30:00+00');
  });

  it("are refused with Redshift's message when the query reads a user table", () => {
    expect(runError(db, 'SELECT NOW(), id FROM t')).toMatchObject({
      code: '0A000',
      message:
        'Specified types or functions (one per INFO message) not supported on Redshift tables. Function "now()" not supported.',
    });
    expect(runError(db, 'SELECT id FROM t WHERE ts < CURRENT_TIMESTAMP')).toMatchObject({ code: '0A000' });
  });

  it('GETDATE() is not leader-only, so the workshop can use it on tables', () => {
    expect(runOk(db, 'SELECT COUNT(*) FROM t WHERE ts < GETDATE() - 30').rows).toEqual([[3]]);
  });
});
