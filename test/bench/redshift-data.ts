import { processedAccessLogs, type ProcessedLogObject } from '../../sim/weblogs/index.ts';

/**
 * The benchmark's data: the workshop's web logs as its EMR step leaves them for COPY (sim/weblogs'
 * processedAccessLogs: nine tab-separated columns, gzip, day partitions), about `rows` rows over ten days
 * with two files per day. The objects travel to the measuring process on its standard input.
 */

/** About a million rows: Poisson counts per day, so the exact count is reported with the figures. */
export const BENCH_ROWS = 1_000_000;
export const BENCH_BUCKET = 'weblogs';
export const BENCH_PREFIX = 'access-log-processed';

/** The gzip objects of about `rows` rows. */
export function benchObjects(rows = BENCH_ROWS): ProcessedLogObject[] {
  return processedAccessLogs({
    seed: 2016,
    firstDayMs: Date.UTC(2016, 5, 4),
    days: 10,
    requestsPerDay: rows / 10,
    filesPerDay: 2,
    prefix: BENCH_PREFIX,
  });
}

/** Objects as one buffer: a JSON line of keys and lengths, then the bodies back to back. */
export function packObjects(objects: readonly ProcessedLogObject[]): Buffer {
  const header = JSON.stringify(objects.map((o) => ({ key: o.key, length: o.body.length, rows: o.rows })));
  return Buffer.concat([Buffer.from(`${header}\n`), ...objects.map((o) => Buffer.from(o.body))]);
}

/** The objects packObjects wrote. */
export function unpackObjects(buffer: Buffer): { key: string; body: Uint8Array; rows: number }[] {
  const newline = buffer.indexOf(10);
  const header = JSON.parse(buffer.subarray(0, newline).toString('utf8')) as {
    key: string;
    length: number;
    rows: number;
  }[];
  let at = newline + 1;
  return header.map(({ key, length, rows }) => {
    const body = new Uint8Array(buffer.subarray(at, at + length));
    at += length;
    return { key, body, rows };
  });
}

/** The workshop's table, as the labs load it. */
export { ACCESSLOGS_DDL } from '../../labs/kit/web-log-warehouse.ts';

/** The workshop's three test queries, as the session prints them. */
export const WORKSHOP_QUERIES: readonly { readonly name: string; readonly sql: string }[] = [
  {
    name: 'distribution of response codes over days',
    sql: 'SELECT TRUNC(request_time), response_code, COUNT(1) FROM accesslogs GROUP BY 1,2 ORDER BY 1,3 DESC;',
  },
  { name: 'the 404 status codes', sql: 'SELECT COUNT(1) FROM accessLogs WHERE response_code = 404;' },
  {
    name: 'the top PAGE NOT FOUND request',
    sql: 'SELECT TOP 1 request_path,COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC;',
  },
];

/** The same queries in SQLite's dialect, for the native comparison. */
export const NATIVE_QUERIES: readonly string[] = [
  'SELECT substr(request_time, 1, 10), response_code, COUNT(1) FROM accesslogs GROUP BY 1, 2 ORDER BY 1, 3 DESC',
  'SELECT COUNT(1) FROM accesslogs WHERE response_code = 404',
  'SELECT request_path, COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
];
