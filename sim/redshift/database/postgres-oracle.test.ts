/**
 * The oracle: the same queries over the same real rows (the workshop's 10,000-line Apache log) on a real
 * PostgreSQL server and on this engine, with equal results required wherever the two dialects agree.
 * Where Redshift's dialect differs from PostgreSQL's, the pair of queries says why next to it. The test
 * starts its own private server; without one installed it is skipped locally, and fails under CI.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLogToTsv, realAccessLogLines } from '../copy/test-support.ts';
import { fromText, type StoredValue } from '../types/index.ts';
import type { RedshiftDatabase } from './database.ts';
import { openTestDatabase, runOk } from './database-harness.ts';
import { postgresBinaries, startPrivateServer, type PrivateServer } from './postgres-harness.ts';

const bin = postgresBinaries();
const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (!bin && inCi)
  throw new Error("CI needs PostgreSQL for the oracle test: install Debian's postgresql package");
if (!bin)
  console.warn(
    'Skipping the PostgreSQL oracle test: no PostgreSQL server is installed (/usr/lib/postgresql/*/bin).',
  );

const COLUMNS = `host_address varchar(512), request_time timestamp, request_method varchar(10), request_path varchar(1024),
  request_protocol varchar(10), response_code int, response_size int, referrer_host varchar(1024), user_agent varchar(512)`;

/** One comparison: the Redshift text, and the PostgreSQL text with the reason when it must differ. */
interface OracleQuery {
  readonly name: string;
  readonly redshift: string;
  readonly postgres?: string;
  readonly why?: string;
  /** Compare as a multiset when the query leaves the order open. */
  readonly unordered?: boolean;
}

const QUERIES: readonly OracleQuery[] = [
  { name: 'the workshop: 404 count', redshift: 'SELECT COUNT(1) FROM accessLogs WHERE response_code = 404' },
  {
    name: 'the workshop: response codes per day',
    redshift:
      'SELECT TRUNC(request_time), response_code, COUNT(1) FROM accesslogs GROUP BY 1,2 ORDER BY 1,3 DESC, 2',
    postgres:
      'SELECT request_time::date, response_code, COUNT(1) FROM accesslogs GROUP BY 1,2 ORDER BY 1,3 DESC, 2',
    why: "TRUNC(timestamp) is Redshift's; PostgreSQL's TRUNC takes only numbers, so it casts to date",
  },
  {
    name: 'the workshop: the most requested missing page',
    redshift:
      'SELECT TOP 1 request_path,COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC, 1',
    postgres:
      'SELECT request_path,COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1',
    why: 'TOP n is a Redshift extension; PostgreSQL writes LIMIT n',
  },
  {
    name: 'requests per hour with DATE_TRUNC',
    redshift: "SELECT DATE_TRUNC('hour', request_time) AS h, COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 1",
  },
  {
    name: 'EXTRACT and DATE_PART',
    redshift:
      'SELECT EXTRACT(hour FROM request_time) AS h, COUNT(*) AS n FROM accesslogs GROUP BY 1 ORDER BY 1',
  },
  {
    name: 'day of week',
    redshift: "SELECT DATE_PART('dow', request_time) AS d, COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 1",
  },
  {
    name: 'LIKE is case-sensitive, ILIKE is not',
    redshift:
      "SELECT SUM(CASE WHEN request_path LIKE '%/Images/%' THEN 1 ELSE 0 END), SUM(CASE WHEN request_path ILIKE '%/images/%' THEN 1 ELSE 0 END) FROM accesslogs",
  },
  {
    name: 'sizes: SUM, MIN, MAX and NULLs from "-"',
    redshift:
      'SELECT SUM(response_size), MIN(response_size), MAX(response_size), COUNT(response_size), COUNT(*) - COUNT(response_size) FROM accesslogs',
  },
  {
    name: 'AVG of an integer column',
    redshift: 'SELECT AVG(response_size) FROM accesslogs',
    postgres: 'SELECT TRUNC(AVG(response_size))::bigint FROM accesslogs',
    why: 'Redshift returns BIGINT for AVG of integers, cutting the fraction; PostgreSQL returns numeric',
  },
  {
    name: 'COALESCE and CASE buckets',
    redshift: `SELECT CASE WHEN COALESCE(response_size, 0) = 0 THEN 'empty' WHEN response_size < 10000 THEN 'small' ELSE 'large' END AS bucket,
      COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 1`,
  },
  {
    name: 'NVL',
    redshift:
      'SELECT NVL(response_size, -1) AS s, COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5',
    postgres:
      'SELECT COALESCE(response_size, -1) AS s, COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5',
    why: "NVL is Redshift's (and Oracle's) name for two-argument COALESCE",
  },
  {
    name: 'HAVING and COUNT(DISTINCT)',
    redshift:
      'SELECT host_address, COUNT(*), COUNT(DISTINCT request_path) FROM accesslogs GROUP BY host_address HAVING COUNT(*) > 50 ORDER BY 2 DESC, 1',
  },
  {
    name: 'NULLs sort last ascending and first descending',
    redshift:
      "SELECT response_size FROM accesslogs WHERE host_address LIKE '66.249.73.%' ORDER BY response_size DESC, request_time LIMIT 20",
  },
  {
    name: 'a subquery with IN and a derived table',
    redshift: `SELECT COUNT(*) FROM accesslogs WHERE host_address IN
      (SELECT host_address FROM (SELECT host_address, COUNT(*) AS n FROM accesslogs GROUP BY 1) t WHERE n >= 100)`,
  },
  {
    name: 'WITH and a self-join',
    redshift: `WITH busy AS (SELECT host_address, COUNT(*) AS n FROM accesslogs GROUP BY 1)
      SELECT b.n, COUNT(*) FROM busy b JOIN accesslogs a ON a.host_address = b.host_address
      WHERE a.response_code = 200 GROUP BY b.n ORDER BY 2 DESC, 1 LIMIT 10`,
  },
  {
    name: 'window functions: ROW_NUMBER, RANK, LAG',
    redshift: `SELECT host_address, request_time,
      ROW_NUMBER() OVER (PARTITION BY host_address ORDER BY request_time, request_path),
      RANK() OVER (ORDER BY host_address),
      LAG(response_code) OVER (PARTITION BY host_address ORDER BY request_time, request_path)
      FROM accesslogs WHERE host_address LIKE '83.149.9.%' ORDER BY 1, 2, 3`,
  },
  {
    name: 'a running total with a ROWS frame',
    redshift: `SELECT request_time, SUM(response_size) OVER (ORDER BY request_time, request_path ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      FROM accesslogs WHERE host_address = '83.149.9.216' ORDER BY 1, 2`,
  },
  {
    name: 'string functions',
    redshift: `SELECT UPPER(request_method), LENGTH(request_path), SUBSTRING(request_path, 1, 8), STRPOS(request_path, '.'),
      SPLIT_PART(request_path, '/', 2), LOWER(request_protocol) FROM accesslogs ORDER BY request_time, request_path LIMIT 50`,
  },
  {
    name: 'date arithmetic: + INTERVAL and date − date',
    redshift: `SELECT MIN(request_time + INTERVAL '1 day'), MAX(request_time::date - DATE '2015-05-01') FROM accesslogs`,
  },
  {
    name: 'DATEADD and DATEDIFF',
    redshift:
      'SELECT DATEADD(day, 2, MIN(request_time)), DATEDIFF(hour, MIN(request_time), MAX(request_time)) FROM accesslogs',
    postgres: `SELECT MIN(request_time) + INTERVAL '2 day',
      (EXTRACT(epoch FROM date_trunc('hour', MAX(request_time))) - EXTRACT(epoch FROM date_trunc('hour', MIN(request_time)))) / 3600 FROM accesslogs`,
    why: 'DATEADD/DATEDIFF are Redshift functions; PostgreSQL writes interval arithmetic (DATEDIFF counts hour boundaries crossed)',
  },
  {
    name: 'LISTAGG',
    redshift: `SELECT response_code, LISTAGG(DISTINCT request_method, ',') WITHIN GROUP (ORDER BY request_method)
      FROM accesslogs GROUP BY 1 ORDER BY 1`,
    postgres: `SELECT response_code, STRING_AGG(DISTINCT request_method, ',' ORDER BY request_method) FROM accesslogs GROUP BY 1 ORDER BY 1`,
    why: "LISTAGG … WITHIN GROUP is Redshift's; PostgreSQL's equivalent is STRING_AGG",
  },
  {
    name: 'CAST and ::',
    redshift:
      "SELECT CAST(response_code AS varchar(3)) || '/' || request_method, request_time::date::varchar FROM accesslogs ORDER BY request_time, request_path LIMIT 5",
  },
  {
    name: 'integer division truncates in both',
    redshift: 'SELECT response_code / 100 AS class, COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 1',
  },
  {
    name: 'UNION ALL',
    redshift: `SELECT 'ok' AS k, COUNT(*) FROM accesslogs WHERE response_code < 400 UNION ALL SELECT 'bad', COUNT(*) FROM accesslogs WHERE response_code >= 400 ORDER BY 1`,
  },
  {
    name: 'a timestamp range between date literals (midnight)',
    redshift: "SELECT COUNT(*) FROM accesslogs WHERE request_time BETWEEN '2015-05-18' AND '2015-05-19'",
  },
  {
    name: 'a timestamp compared with a date',
    redshift:
      "SELECT COUNT(*) FROM accesslogs WHERE request_time >= DATE '2015-05-19' AND request_time::date <> '2015-05-20'",
  },
  {
    name: 'IN list and NOT LIKE',
    redshift:
      "SELECT request_method, COUNT(*) FROM accesslogs WHERE response_code IN (200, 304) AND request_path NOT LIKE '%.png' GROUP BY 1 ORDER BY 1",
  },
  { name: 'DISTINCT', redshift: 'SELECT DISTINCT request_protocol FROM accesslogs ORDER BY 1' },
  {
    name: 'a boolean result prints as true/false',
    redshift: 'SELECT response_code >= 400 AS failed, COUNT(*) FROM accesslogs GROUP BY 1 ORDER BY 1',
  },
];

/** Statements both refuse, with the message each prints; Redshift's differs only where it is older. */
const REFUSED: readonly { readonly sql: string; readonly redshift: string; readonly postgres: string }[] = [
  {
    sql: 'SELECT host_address, request_path FROM accesslogs GROUP BY host_address',
    redshift:
      'column "accesslogs.request_path" must appear in the GROUP BY clause or be used in an aggregate function',
    postgres:
      'column "accesslogs.request_path" must appear in the GROUP BY clause or be used in an aggregate function',
  },
  {
    sql: 'SELECT * FROM access_logs',
    redshift: 'relation "access_logs" does not exist',
    postgres: 'relation "access_logs" does not exist',
  },
  {
    sql: 'SELECT status FROM accesslogs',
    redshift: 'column "status" does not exist',
    postgres: 'column "status" does not exist',
  },
  {
    sql: 'SELECT COUNT(*) FROM accesslogs WHERE request_method = 5',
    redshift: 'operator does not exist: character varying = integer',
    postgres: 'operator does not exist: character varying = integer',
  },
  {
    sql: "INSERT INTO accesslogs (request_method) VALUES ('CONNECTIONS')",
    redshift: 'value too long for type character varying(10)',
    postgres: 'value too long for type character varying(10)',
  },
  {
    // PostgreSQL 12 and later say "for type integer"; Redshift keeps PostgreSQL 8's wording.
    sql: "SELECT 'abc'::int",
    redshift: 'invalid input syntax for integer: "abc"',
    postgres: 'invalid input syntax for type integer: "abc"',
  },
];

const TYPE_INTEGERS = new Set([20, 21, 23, 700, 701, 1700]);

let server: PrivateServer | null = null;
let client: pg.Client | null = null;
let engine: RedshiftDatabase;

function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

async function loadBoth(rows: StoredValue[][]): Promise<void> {
  runOk(engine, `CREATE TABLE accesslogs (${COLUMNS}) DISTKEY(host_address) SORTKEY(request_time)`);
  engine.insertRows('accesslogs', rows);
  // PostgreSQL has no DISTKEY/SORTKEY: the same columns without them.
  await client!.query(`CREATE TABLE accesslogs (${COLUMNS})`);
  for (let k = 0; k < rows.length; k += 500) {
    const batch = rows.slice(k, k + 500);
    const params = batch.flat().map((v) => (typeof v === 'bigint' ? v.toString() : v));
    const values = batch.map(
      (_, r) => `(${Array.from({ length: 9 }, (_c, c) => `$${r * 9 + c + 1}`).join(', ')})`,
    );
    await client!.query(`INSERT INTO accesslogs VALUES ${values.join(', ')}`, params);
  }
}

describe.skipIf(!bin)(
  'Redshift SQL against a real PostgreSQL (issue §8, "Compare results with a real database")',
  () => {
    beforeAll(async () => {
      server = startPrivateServer(bin!, 5439);
      client = new pg.Client({
        host: server.host,
        port: server.port,
        user: server.user,
        database: 'postgres',
        // Read every value as text and convert numbers here, so dates and timestamps compare as Redshift prints them.
        types: {
          getTypeParser: (oid: number) => (text: string) =>
            TYPE_INTEGERS.has(oid) ? Number(text) : oid === 16 ? text === 't' : text,
        },
      });
      await client.connect();
      engine = await openTestDatabase();
      const table = await openTestDatabase();
      runOk(table, `CREATE TABLE accesslogs (${COLUMNS})`);
      const columns = table.table('accesslogs')!.columns;
      const rows = realAccessLogLines().map((line) =>
        accessLogToTsv(line)
          .split('\t')
          .map((field, k) => {
            const converted = fromText(columns[k]!.type, field);
            if ('problem' in converted) throw new Error(`${converted.problem.message} in: ${line}`);
            return converted.value;
          }),
      );
      await loadBoth(rows);
    }, 180_000);

    afterAll(async () => {
      await client?.end();
      server?.stop();
    });

    it.each(QUERIES)('$name', async (q) => {
      const ours = runOk(engine, q.redshift);
      const theirs = await client!.query({ text: q.postgres ?? q.redshift, rowMode: 'array' });
      const expected = theirs.rows.map((row: unknown[]) => row.map(normalise));
      const actual = ours.rows!.map((row) => row.map(normalise));
      if (q.unordered) {
        const key = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
        expect(key(actual)).toEqual(key(expected));
      } else {
        expect(actual).toEqual(expected);
      }
      expect(actual.length).toBeGreaterThan(0);
    });

    it.each(REFUSED)('refuses $sql as PostgreSQL does', async (q) => {
      const [ours] = engine.execute(q.sql);
      expect(ours?.error?.message).toBe(q.redshift);
      const theirs = await client!.query(q.sql).then(
        () => null,
        (e: Error) => e.message,
      );
      expect(theirs).toBe(q.postgres);
    });
  },
);
