import { describe, expect, it } from 'vitest';
import { applyActions, checkStep } from '../engine/run.ts';
import { kplAggregationLab as lab } from './lab.ts';
import { factsFor } from './simulation.ts';
import type { KplLabAction, KplLabWorkspace } from './workspace.ts';

function after(actions: KplLabAction[], from: KplLabWorkspace = lab.initialWorkspace): KplLabWorkspace {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as KplLabWorkspace;
}

const tasks = (step: number, workspace: KplLabWorkspace) =>
  Object.fromEntries(checkStep(lab, step, workspace).map((t) => [t.taskId, t]));

describe('lab 8: KPL aggregation', () => {
  const start = factsFor(lab.initialWorkspace);

  it('throttles small unaggregated records on the record limit, one payload unit each', () => {
    expect(start.current.kinesisRecordsThrottled).toBeGreaterThan(0);
    expect(start.current.refusedBy).toBe('records');
    expect(start.current.run.putPayloadUnits).toBe(start.current.run.kinesisRecordsAccepted);
  });

  it('does not accept bytes as the limit or a payload-unit count from bytes', () => {
    const wrong = tasks(
      0,
      after([
        { type: 'answer', question: 'refused-by', value: 'bytes' },
        { type: 'answer', question: 'units-per-record', value: 0.004 },
      ]),
    );
    expect(wrong['refused-by']).toMatchObject({
      passed: false,
      feedback:
        'Not that one. Compare each shard’s records offered per second with 1,000, and the MiB it writes per second with 1 MiB.',
    });
    expect(wrong['units-per-record']).toMatchObject({
      passed: false,
      feedback: expect.stringMatching(/^0.004 is not it\. A record is billed in 25 KB chunks/),
    });
    // Counting the 25 KB chunks as 25 bytes each: 100 bytes would be 4 units.
    expect(
      tasks(0, after([{ type: 'answer', question: 'units-per-record', value: 4 }]))['units-per-record']!
        .passed,
    ).toBe(false);
  });

  it('leaves aggregation off failing the aggregation step, and says what is refused', () => {
    const off = tasks(1, lab.initialWorkspace);
    expect(off['aggregation-on']).toMatchObject({ passed: false, feedback: 'Turn on KPL aggregation.' });
    expect(off['no-throttling']).toMatchObject({
      passed: false,
      feedback: expect.stringMatching(
        /^Kinesis refused records [\d,]+ times in the 6 s run \(a retried record counts each time\)/,
      ),
    });
    expect(off['units-cut']).toMatchObject({
      passed: false,
      feedback: expect.stringMatching(/pack more readings into each Kinesis record\.$/),
    });
  });

  it('does not accept a RecordMaxBufferedTime so low that aggregation no longer pays', () => {
    const tiny = after([
      { type: 'set-aggregation', enabled: true },
      { type: 'set-record-max-buffered-time', ms: 1 },
    ]);
    const result = tasks(2, tiny);
    expect(result['within-latency-budget']!.passed).toBe(true);
    expect(result['no-throttling']!.passed).toBe(true);
    expect(result['units-cut']).toMatchObject({ passed: false });
  });

  it('aggregation removes the throttling and cuts payload units by far more than ten', () => {
    const on = factsFor({ ...lab.initialWorkspace, aggregation: true }).current;
    expect(on.kinesisRecordsThrottled).toBe(0);
    expect(on.payloadUnitsPerSecond * 50).toBeLessThan(start.current.payloadUnitsPerSecond);
  });

  it('keeps the default 100 ms outside the 30 ms latency budget, and a 1 ms buffer sends far more records', () => {
    const on = after([{ type: 'set-aggregation', enabled: true }]);
    expect(tasks(2, on)['within-latency-budget']).toMatchObject({
      passed: false,
      feedback: expect.stringMatching(/with RecordMaxBufferedTime = 100 ms: over the 30 ms budget\.$/),
    });
    const tiny = factsFor({ ...on, recordMaxBufferedTimeMs: 1 }).current;
    expect(tiny.kinesisRecordsPerSecond).toBeGreaterThan(20 * factsFor(on).current.kinesisRecordsPerSecond);
  });

  it('turning aggregation off again fails the aggregation steps', () => {
    const off = after([...lab.steps[1]!.solution, { type: 'set-aggregation', enabled: false }]);
    expect(tasks(1, off)['aggregation-on']!.passed).toBe(false);
    expect(tasks(1, off)['no-throttling']!.passed).toBe(false);
  });

  it('refuses RecordMaxBufferedTime out of range and an unknown question', () => {
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-record-max-buffered-time', ms: 0 })).toMatchObject({
      ok: false,
      error: { path: 'ms' },
    });
    expect(
      lab.reduce(lab.initialWorkspace, {
        type: 'answer',
        question: 'cost',
        value: 1,
      } as unknown as KplLabAction),
    ).toMatchObject({ ok: false, error: { path: 'question' } });
  });
});
