import { openStreamingSession } from '../run/index.ts';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FirehoseState } from '../firehose/index.ts';
import type { S3State } from '../s3/index.ts';
import { validScenario } from '../run/scenario-fixtures.ts';
import { parseAccessLogTime } from '../weblogs/index.ts';

/**
 * What a delivery stream writes to S3 from the scenario's load generator (issue 9 §2): whole access-log
 * lines, as a log agent sends them, whose times come from the simulation clock and so agree with the
 * Firehose time prefix of the object they land in.
 */

/** Apache "combined" format: host, identity, user, [time], "request", status, bytes, "referrer", "agent". */
const COMBINED = /^\S+ - - \[[^\]]+\] "(GET|POST) \S+ HTTP\/1\.1" \d{3} (\d+|-) "[^"]*" "[^"]*"$/;

const decoder = new TextDecoder();

/** The hour an S3 key's Firehose time prefix `YYYY/MM/DD/HH/` names (UTC), in ms since 1970. */
function prefixHour(key: string, prefix: string): number {
  const [year, month, day, hour] = key.slice(prefix.length).split('/').map(Number);
  return Date.UTC(year!, month! - 1, day!, hour!);
}

/** The time in the object name (`…-YYYY-MM-DD-HH-MM-SS-uuid`): the oldest record's arrival, to the second. */
function nameTime(key: string): number {
  const m = /-(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-[0-9a-f-]{36}$/.exec(key)!;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

const HOUR = 3_600_000;

function deliveredObjects(scenario: unknown) {
  const session = openStreamingSession(validScenario(scenario));
  session.advanceTo(Number.POSITIVE_INFINITY);
  const services = session.state.services as { readonly firehose: FirehoseState; readonly s3: S3State };
  const stream = services.firehose.deliveryStreams['weblogs']!;
  const bucket = services.s3.buckets[stream.config.BucketName]!;
  return stream.deliveries.map((entry) => {
    const stored = bucket.objects[entry.key]!.Body;
    return { entry, stored, text: decoder.decode(gunzipSync(stored)) };
  });
}

describe('Firehose objects from a scenario hold whole log lines stamped by the simulation clock', () => {
  // Starts 90 s before an hour boundary with a 60 s buffer interval: one object straddles the hour.
  const scenario = {
    seed: 11,
    durationSeconds: 240,
    startTime: '2016-06-14T14:58:30Z',
    firehose: [{ name: 'weblogs', bufferSeconds: 60, compression: 'GZIP', prefix: 'raw/' }],
    producers: [
      {
        deliveryStream: 'weblogs',
        recordsPerSecond: 200,
        recordBytes: { distribution: 'uniform', min: 200, max: 800 },
      },
    ],
  };
  const objects = deliveredObjects(scenario);

  it('every object decompresses to whole lines, one record each, in the combined format', () => {
    expect(objects.length).toBeGreaterThanOrEqual(3);
    for (const { entry, text } of objects) {
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.slice(0, -1).split('\n');
      expect(lines).toHaveLength(entry.records);
      for (const line of lines) expect(line).toMatch(COMBINED);
      // The records' configured sizes are the lines' sizes: the object is exactly their sum.
      expect(new TextEncoder().encode(text).length).toBe(entry.bytes);
    }
  });

  it('each line is stamped between its object’s oldest arrival and its delivery, in the clock’s calendar time', () => {
    const start = Date.parse(scenario.startTime);
    for (const { entry, text } of objects) {
      const oldest = nameTime(entry.key);
      for (const line of text.slice(0, -1).split('\n')) {
        const at = parseAccessLogTime(line)!;
        expect(at).toBeGreaterThanOrEqual(oldest);
        expect(at).toBeLessThanOrEqual(start + entry.deliveredAtMs);
      }
    }
  });

  it('lines fall in the hour of their key’s YYYY/MM/DD/HH prefix, except after the hour in an object that straddles it', () => {
    // Firehose names the hour by the object's oldest record (AWS-FACTS §3, FH17 basic-deliver.md), so an
    // object whose buffer opened at 14:59:30 holds lines of 15:00 under 2016/06/14/14/: AWS does the same.
    let straddling = 0;
    for (const { entry, text } of objects) {
      const hour = prefixHour(entry.key, 'raw/');
      const times = text
        .slice(0, -1)
        .split('\n')
        .map((line) => parseAccessLogTime(line)!);
      expect(Math.min(...times)).toBeGreaterThanOrEqual(hour);
      expect(Math.min(...times)).toBeLessThan(hour + HOUR);
      const late = times.filter((t) => t >= hour + HOUR);
      if (late.length > 0) {
        straddling++;
        // Only up to one buffer interval past the hour.
        expect(Math.max(...late)).toBeLessThanOrEqual(hour + HOUR + 60_000);
      }
    }
    expect(straddling).toBe(1);
    expect(objects.map((o) => o.entry.key.slice(0, 'raw/2016/06/14/14'.length))).toContain(
      'raw/2016/06/14/15',
    );
  });

  it('compresses like text logs (between 5:1 and 15:1), not like one repeated record', () => {
    const bytes = objects.reduce((sum, o) => sum + o.entry.bytes, 0);
    const stored = objects.reduce((sum, o) => sum + o.stored.length, 0);
    expect(bytes / stored).toBeGreaterThan(5);
    expect(bytes / stored).toBeLessThan(15);
  });
});
