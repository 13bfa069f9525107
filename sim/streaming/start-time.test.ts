import { runScenario, validateScenario } from '../run/index.ts';
import { describe, expect, it } from 'vitest';
import { validScenario } from '../run/scenario-fixtures.ts';
import { DEFAULT_START_TIME } from './streams-component.ts';

const firehoseRun = (extra: Record<string, unknown>) => ({
  seed: 4,
  durationSeconds: 70,
  firehose: [{ name: 'weblogs', bufferSeconds: 60, compression: 'GZIP', prefix: 'logs/' }],
  producers: [{ deliveryStream: 'weblogs', recordsPerSecond: 10, recordBytes: 200 }],
  ...extra,
});

function firstKey(value: unknown): string {
  const report = runScenario(validScenario(value));
  const [delivery] = report.services['firehose'] as unknown as { deliveries: { key: string }[] }[];
  return delivery!.deliveries[0]!.key;
}

describe('startTime: where the virtual clock sits on the calendar', () => {
  it('puts Firehose keys at the scenario start time, in UTC (AWS-FACTS §3, S3 object naming)', () => {
    const key = firstKey(firehoseRun({ startTime: '2016-11-29T23:59:30Z' }));
    // The first records arrive at 100 ms, so the object is named 23:59:30; the next hour starts at 00:00.
    expect(key).toMatch(/^logs\/2016\/11\/29\/23\/weblogs-1-2016-11-29-23-59-30-[0-9a-f-]{36}$/);
  });

  it('defaults to a date inside the era, and reports the time it used', () => {
    expect(firstKey(firehoseRun({}))).toMatch(/^logs\/2016\/06\/14\/14\//);
    expect(firstKey(firehoseRun({ era: 'current' }))).toMatch(/^logs\/2026\/01\/01\/09\//);
    const report = runScenario(validScenario(firehoseRun({})));
    expect(report.services['startTime']).toBe(DEFAULT_START_TIME['2016']);
  });

  it('refuses a time that is not UTC ISO 8601, or not on the calendar, naming the path', () => {
    const errors = (startTime: string) => {
      const result = validateScenario(firehoseRun({ startTime }));
      return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(errors('2016-06-14 14:00')).toEqual([
      '$.startTime: "2016-06-14 14:00" is not allowed; expected a UTC time such as "2016-06-14T14:00:00Z".',
    ]);
    expect(errors('2016-02-30T10:00:00Z')).toEqual([
      '$.startTime: "2016-02-30T10:00:00Z" is not a date on the calendar; check the day of the month.',
    ]);
  });
});
