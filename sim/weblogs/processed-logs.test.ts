import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dayPartition, hiveTimestamp, processedAccessLogs } from './processed-logs.ts';

const options = {
  seed: 7,
  firstDayMs: Date.UTC(2016, 5, 1),
  days: 3,
  requestsPerDay: 200,
  filesPerDay: 2,
  prefix: 'access-log-processed',
};

const rowsOf = (body: Uint8Array) =>
  new TextDecoder()
    .decode(gunzipSync(body))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));

describe('processedAccessLogs', () => {
  const objects = processedAccessLogs(options);

  it('writes one gzip object per file of each day partition, as Hive names them', () => {
    expect(objects.map((o) => o.key)).toEqual([
      'access-log-processed/year=2016/month=6/day=1/part-00000.gz',
      'access-log-processed/year=2016/month=6/day=1/part-00001.gz',
      'access-log-processed/year=2016/month=6/day=2/part-00000.gz',
      'access-log-processed/year=2016/month=6/day=2/part-00001.gz',
      'access-log-processed/year=2016/month=6/day=3/part-00000.gz',
      'access-log-processed/year=2016/month=6/day=3/part-00001.gz',
    ]);
  });

  it('holds the nine accesslogs columns, tab-separated, each row inside its own day', () => {
    for (const object of objects) {
      const rows = rowsOf(object.body);
      expect(rows.length).toBe(object.rows);
      const day = /day=(\d+)/.exec(object.key)![1]!;
      for (const row of rows) {
        expect(row).toHaveLength(9);
        expect(row[1]).toMatch(new RegExp(`^2016-06-0${day} \\d{2}:\\d{2}:\\d{2}$`));
        expect(['GET', 'POST']).toContain(row[2]);
        expect(row[4]).toBe('HTTP/1.1');
        expect(Number.isInteger(Number(row[5]))).toBe(true);
      }
    }
  });

  it('leaves the response size empty where Apache logged `-` (a 304 has no body)', () => {
    const rows = objects.flatMap((o) => rowsOf(o.body));
    const notModified = rows.filter((row) => row[5] === '304');
    expect(notModified.length).toBeGreaterThan(0);
    for (const row of notModified) expect(row[6]).toBe('');
    expect(rows.filter((row) => row[5] === '404').length).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same seed and other bytes for another', () => {
    expect(processedAccessLogs(options)).toEqual(objects);
    expect(processedAccessLogs({ ...options, seed: 8 })[0]!.body).not.toEqual(objects[0]!.body);
  });
});

describe('Hive’s text formats', () => {
  it('writes timestamps in UTC with whole seconds', () => {
    expect(hiveTimestamp(Date.UTC(2016, 5, 7, 4, 5, 6, 789))).toBe('2016-06-07 04:05:06');
  });

  it('names day partitions without leading zeros', () => {
    expect(dayPartition('p', Date.UTC(2016, 0, 9))).toBe('p/year=2016/month=1/day=9');
  });

  it('writes a missing response size as Apache’s "-" when the job left it, and changes nothing else', () => {
    const dashed = processedAccessLogs({ ...options, missingSize: 'dash' });
    const plain = processedAccessLogs(options).flatMap((o) => rowsOf(o.body));
    const raw = dashed.flatMap((o) => rowsOf(o.body));
    expect(raw.length).toBe(plain.length);
    const missing = plain.filter((row) => row[6] === '').length;
    expect(missing).toBeGreaterThan(0);
    expect(raw.filter((row) => row[6] === '-').length).toBe(missing);
    expect(raw.map((row) => row.map((field, i) => (i === 6 && field === '-' ? '' : field)))).toEqual(plain);
  });
});
