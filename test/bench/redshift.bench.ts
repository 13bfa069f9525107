import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { SIMULATION_JS_FLAGS } from '../../electron/app/v8-flags.ts';
import { formatMegabytes, formatNumber, median, type BenchRow, type BenchSuite } from './bench.ts';
import { benchObjects, NATIVE_QUERIES, packObjects, WORKSHOP_QUERIES } from './redshift-data.ts';
import type { RedshiftProcessFigures } from './redshift-process.ts';

/**
 * Redshift on sql.js against native SQLite, on the workshop's web logs (issue 11 §8): COPY's rows per
 * second from gzip TSV against better-sqlite3 importing the same files in the same run (gunzip, split,
 * insert in one transaction — the least a loader must do), the workshop's three test queries over about a
 * million rows, and the peak memory of the process that holds them. The engine runs in its own process
 * (redshift-process.ts) so its memory is its own; its query results must equal native SQLite's.
 */

/** Where npm run bench puts the bundled redshift-process.ts. */
export const REDSHIFT_PROCESS_BUNDLE = '.tmp/bench/redshift-process.mjs';

function runEngine(input: Buffer): RedshiftProcessFigures {
  const root = process.cwd();
  const script = path.join(root, REDSHIFT_PROCESS_BUNDLE);
  if (!existsSync(script))
    throw new Error(`${REDSHIFT_PROCESS_BUNDLE} is missing: run the benchmark with npm run bench.`);
  const child = spawnSync(process.execPath, [...SIMULATION_JS_FLAGS, script], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0)
    throw new Error(`redshift-process.ts exited with ${String(child.status)}: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as RedshiftProcessFigures;
}

/** better-sqlite3 importing the same gzip TSV objects; the time covers gunzip, splitting and inserting. */
function nativeImport(objects: readonly { body: Uint8Array }[]): {
  db: Database.Database;
  ms: number;
  rows: number;
} {
  const db = new Database(':memory:');
  db.exec(
    'CREATE TABLE accesslogs (host_address TEXT, request_time TEXT, request_method TEXT, request_path TEXT, ' +
      'request_protocol TEXT, response_code INTEGER, response_size INTEGER, referrer_host TEXT, user_agent TEXT)',
  );
  const insert = db.prepare('INSERT INTO accesslogs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let rows = 0;
  const start = performance.now();
  db.transaction(() => {
    for (const object of objects) {
      for (const line of gunzipSync(object.body).toString('utf8').split('\n')) {
        if (line === '') continue;
        const f = line.split('\t');
        insert.run(f[0], f[1], f[2], f[3], f[4], Number(f[5]), f[6] === '' ? null : Number(f[6]), f[7], f[8]);
        rows++;
      }
    }
  })();
  return { db, ms: performance.now() - start, rows };
}

export const redshiftSuite: BenchSuite = {
  name: 'redshift',
  run(): BenchRow[] {
    const objects = benchObjects();
    const rows = objects.reduce((sum, o) => sum + o.rows, 0);
    const engine = runEngine(packObjects(objects));
    if (engine.copyError !== null || engine.rowsLoaded !== rows) {
      throw new Error(`COPY loaded ${engine.rowsLoaded} of ${rows} rows: ${engine.copyError}`);
    }
    const native = nativeImport(objects);
    const copyRate = rows / (engine.copyMs / 1000);
    const nativeRate = native.rows / (native.ms / 1000);
    const ratio = copyRate / nativeRate;
    const queryRows = WORKSHOP_QUERIES.map((query, i): BenchRow => {
      const result = engine.queries[i]!;
      const expected = native.db.prepare(NATIVE_QUERIES[i]!).raw().all();
      const same = result.error === null && JSON.stringify(result.rows) === JSON.stringify(expected);
      if (!same)
        throw new Error(
          `query "${query.name}" differs from native SQLite: ${result.error ?? JSON.stringify(result.rows).slice(0, 300)}`,
        );
      const ms = median(result.ms);
      return {
        measure: `query "${query.name}", ${formatNumber(rows)} rows (median of 3)`,
        value: formatNumber(ms),
        unit: 'ms',
        target: { text: '< 1,000 ms', met: ms < 1000 },
      };
    });
    native.db.close();
    return [
      {
        measure: `COPY gzip TSV into accesslogs, ${formatNumber(rows)} rows in ${objects.length} files`,
        value: formatNumber(copyRate),
        unit: 'rows/s',
      },
      {
        measure: 'native SQLite (better-sqlite3) importing the same files',
        value: formatNumber(nativeRate),
        unit: 'rows/s',
      },
      {
        measure: 'COPY against native SQLite',
        value: formatNumber(ratio, 2),
        unit: '×',
        target: { text: '≥ 0.33', met: ratio >= 1 / 3 },
      },
      ...queryRows,
      {
        measure: `peak memory of the engine process with ${formatNumber(rows)} rows`,
        value: formatMegabytes(engine.maxRssBytes),
        unit: 'MB',
        target: { text: '< 1,000 MB', met: engine.maxRssBytes < 1e9 },
      },
    ];
  },
};
