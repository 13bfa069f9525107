/**
 * The workshop's web logs as its EMR step leaves them in S3 for Redshift's COPY: the Spark job parses each
 * access-log line into the nine `accesslogs` columns (host address, request time, method, path, protocol,
 * response code, response size, referrer, user agent) and Hive writes them tab-separated and gzipped,
 * partitioned by day (`access-log-processed/year=2016/month=6/day=7/…`). Generated from a seed by this
 * module's request mix (see access-log.ts), not copied from a real site: the console labels it as
 * generated sample data. Like the Spark job, a response size Apache logged as `-` becomes an empty field,
 * which COPY loads as NULL into an integer column.
 */
import { gzipSync } from 'fflate';
import { Rng } from '../core/index.ts';
import { drawRequest } from './access-log.ts';

/** What to generate. */
export interface ProcessedLogsOptions {
  readonly seed: number;
  /** UTC midnight (ms since 1970) of the first day. */
  readonly firstDayMs: number;
  readonly days: number;
  /** Mean requests per day (a Poisson count each day). */
  readonly requestsPerDay: number;
  /** Gzip files per day's partition (Spark writes one per task); COPY reads each on one slice. */
  readonly filesPerDay: number;
  /** The key prefix, without a trailing slash, such as `access-log-processed`. */
  readonly prefix: string;
  /**
   * How a response without a body is written: `empty` as the workshop's Spark code leaves it (the default),
   * or `dash` as Apache logged it, for a job that forgot that step — COPY then refuses `-` in an integer column.
   */
  readonly missingSize?: 'empty' | 'dash';
}

/** One gzip object of the set. */
export interface ProcessedLogObject {
  readonly key: string;
  readonly body: Uint8Array;
  /** Rows (lines) inside. */
  readonly rows: number;
  /** Bytes before compression. */
  readonly textBytes: number;
}

const DAY_MS = 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');

/** A timestamp as Hive writes one in a text table: `2016-06-07 14:00:05` (UTC). */
export function hiveTimestamp(atMs: number): string {
  const d = new Date(atMs);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** The day partition's key prefix, as Hive's dynamic partitioning names it (`year=2016/month=6/day=7`). */
export function dayPartition(prefix: string, dayMs: number): string {
  const d = new Date(dayMs);
  return `${prefix}/year=${d.getUTCFullYear()}/month=${d.getUTCMonth() + 1}/day=${d.getUTCDate()}`;
}

const encoder = new TextEncoder();

/**
 * The day-partitioned gzip TSV objects, in key order; the same options give the same bytes (gzip headers
 * carry no time or name).
 */
export function processedAccessLogs(options: ProcessedLogsOptions): ProcessedLogObject[] {
  const rng = Rng.fromSeed(options.seed);
  const objects: ProcessedLogObject[] = [];
  for (let day = 0; day < options.days; day++) {
    const dayMs = options.firstDayMs + day * DAY_MS;
    const count = rng.poisson(options.requestsPerDay);
    // Sorted times, as a day's log is written in time order.
    const times = Array.from({ length: count }, () => dayMs + rng.nextInt(0, DAY_MS / 1000 - 1) * 1000);
    times.sort((a, b) => a - b);
    const files: string[][] = Array.from({ length: options.filesPerDay }, () => []);
    times.forEach((atMs, i) => {
      const r = drawRequest(rng);
      const size = r.bytes === 0 ? (options.missingSize === 'dash' ? '-' : '') : String(r.bytes);
      const row = [
        r.ip,
        hiveTimestamp(atMs),
        r.method,
        r.path,
        'HTTP/1.1',
        r.status,
        size,
        r.referrer,
        r.agent,
      ];
      files[i % options.filesPerDay]!.push(`${row.join('\t')}\n`);
    });
    files.forEach((lines, part) => {
      const text = encoder.encode(lines.join(''));
      objects.push({
        key: `${dayPartition(options.prefix, dayMs)}/part-${String(part).padStart(5, '0')}.gz`,
        body: gzipSync(text, { mtime: 0 }),
        rows: lines.length,
        textBytes: text.length,
      });
    });
  }
  return objects;
}
