import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyActions, referenceWorkspace } from '../engine/run.ts';
import { validateLab } from '../engine/validate.ts';
import { bufferingFacts } from './checks.ts';
import { firehoseBufferingLab as lab } from './lab.ts';
import type { FirehoseBufferingAction, FirehoseBufferingWorkspace } from './workspace.ts';

function after(actions: FirehoseBufferingAction[], from: unknown = lab.initialWorkspace) {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as FirehoseBufferingWorkspace;
}

function stepStart(step: number): FirehoseBufferingWorkspace {
  const start = referenceWorkspace(lab, step);
  if (!start.ok) throw new Error(start.error.message);
  return start.value as FirehoseBufferingWorkspace;
}

const results = (step: number, workspace: FirehoseBufferingWorkspace) =>
  lab.steps[step]!.tasks.map((task) => task.check(workspace, { derived: lab.derive(workspace) }));

describe('lab 12: Firehose buffer tuning', () => {
  // The first test runs the simulations the others reuse (memoized); a busy machine needs the time.
  it('is valid and every solution solves its step', { timeout: 30_000 }, () => {
    const markdown = readFileSync(new URL('./lab.md', import.meta.url), 'utf8');
    expect(validateLab(lab, markdown)).toEqual([]);
  });

  it('runs the defaults through the Firehose and S3 models: 6 objects cut by the 300 s interval', () => {
    const { defaults } = bufferingFacts(lab.initialWorkspace);
    expect(defaults.objects).toHaveLength(6);
    expect(defaults.listedObjects).toBe(6);
    expect(defaults.objects.every((o) => o.trigger === 'interval' && o.oldestWaitSeconds === 300)).toBe(true);
    expect(defaults.objects[0]!.key).toMatch(/^raw\/2016\/06\/14\/14\/weblogs-to-s3-1-2016-06-14-14-00-00-/);
    expect(defaults.objects.reduce((sum, o) => sum + o.records, 0)).toBe(defaults.traffic.records);
  });

  it('does not accept the size hint as the trigger and points at the buffer size', () => {
    const workspace = after([{ type: 'answer', question: 'default-trigger', value: 'size' }]);
    expect(results(0, workspace)[1]).toEqual({
      passed: false,
      feedback:
        'Not the size hint. Compare how much the buffer held when it was delivered with the 5 MB size hint.',
    });
  });

  it('explains that the smallest size hint alone is not fresh enough', () => {
    const workspace = after([{ type: 'set-buffer-size', sizeMB: 1 }], stepStart(1));
    const [fresh] = results(1, workspace);
    expect(fresh!.passed).toBe(false);
    expect(fresh!.feedback).toMatch(/^A record waited 300 s in the buffer\./);
  });

  it('checks the monthly PUT count against the learner’s own setting', () => {
    const at60 = after([{ type: 'set-buffer-interval', intervalSeconds: 60 }], stepStart(1));
    expect(lab.derive(at60).run.putsPerMonth).toBe(30 * 1440);
    const wrong = after([{ type: 'answer', question: 'puts-per-month', value: 15 }], at60);
    expect(results(1, wrong)[1]!.feedback).toBe(
      '15 is not it for 5 MB / 60 s. Each object is one PUT; a 30-day month holds 1,440 runs of 30 minutes.',
    );
    const right = after([{ type: 'answer', question: 'puts-per-month', value: 43_200 }], at60);
    expect(results(1, right).every((r) => r.passed)).toBe(true);
  });

  it('says when the size hint cuts extra objects at the longest interval', () => {
    const workspace = after(
      [
        { type: 'set-buffer-interval', intervalSeconds: 900 },
        { type: 'set-buffer-size', sizeMB: 1 },
      ],
      stepStart(2),
    );
    const [few] = results(2, workspace);
    expect(few!.passed).toBe(false);
    expect(few!.feedback).toMatch(
      /were cut by the size hint: the buffer filled before the interval ran out\.$/,
    );
  });

  it('reads the delivered objects: ZIP is not GZIP, and an inverted ratio is caught', () => {
    const zip = after([{ type: 'set-compression', compression: 'ZIP' }], stepStart(3));
    expect(results(3, zip)[0]).toEqual({
      passed: false,
      feedback: 'The objects are stored as ZIP archives; choose GZIP.',
    });
    const gzip = after([{ type: 'set-compression', compression: 'GZIP' }], stepStart(3));
    const ratio = lab.derive(gzip).run.compressionRatio;
    expect(ratio).toBeGreaterThan(3);
    const inverted = after([{ type: 'answer', question: 'compression-ratio', value: 1 / ratio }], gzip);
    expect(results(3, inverted)[1]!.feedback).toMatch(/is upside down/);
  });

  it('refuses hints AWS refused in 2016, with the API’s reason, and Snappy as not modelled', () => {
    const interval = lab.reduce(lab.initialWorkspace, { type: 'set-buffer-interval', intervalSeconds: 30 });
    expect(interval).toMatchObject({ ok: false, error: { path: 'IntervalInSeconds' } });
    if (!interval.ok) expect(interval.error.message).toMatch(/outside 60–900 s/);
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-buffer-size', sizeMB: 129 })).toMatchObject({
      ok: false,
      error: { path: 'SizeInMBs' },
    });
    expect(
      lab.reduce(lab.initialWorkspace, { type: 'set-compression', compression: 'Snappy' }),
    ).toMatchObject({
      ok: false,
      error: { path: 'CompressionFormat' },
    });
    expect(
      lab.reduce(lab.initialWorkspace, { type: 'answer', question: 'default-objects', value: Number.NaN }),
    ).toMatchObject({ ok: false, error: { path: 'value' } });
  });

  describe('wrong answers a learner would plausibly give do not pass, and the feedback says what is off', () => {
    it('objects with the defaults: one per 5 minutes minus the last, or one per minute', () => {
      for (const value of [5, 30]) {
        const workspace = after([{ type: 'answer', question: 'default-objects', value }]);
        expect(results(0, workspace)[0]).toEqual({
          passed: false,
          feedback: `${value} is not it. Count the objects the run delivered with 5 MB / 300 s (the table lists one row per object).`,
        });
      }
    });

    it('freshness: a 180 s interval is still over the 120 s target', () => {
      const workspace = after([{ type: 'set-buffer-interval', intervalSeconds: 180 }], stepStart(1));
      const [fresh] = results(1, workspace);
      expect(fresh).toEqual({
        passed: false,
        feedback:
          'A record waited 180 s in the buffer. Which hint fires first at this traffic, and how soon?',
      });
    });

    it('PUTs a month: a day’s count, or the default setting’s count at 60 s', () => {
      const at60 = after([{ type: 'set-buffer-interval', intervalSeconds: 60 }], stepStart(1));
      for (const value of [1440, 8640]) {
        const wrong = after([{ type: 'answer', question: 'puts-per-month', value }], at60);
        const [, puts] = results(1, wrong);
        expect(puts!.passed).toBe(false);
        expect(puts!.feedback).toMatch(/is not it for 5 MB \/ 60 s\./);
        expect(puts!.feedback).not.toContain('43,200');
      }
    });

    it('few objects: a 600 s interval still makes three', () => {
      const workspace = after([{ type: 'set-buffer-interval', intervalSeconds: 600 }], stepStart(2));
      expect(results(2, workspace)[0]).toEqual({
        passed: false,
        feedback: 'The run makes 3 objects. Every one was cut by the interval hint.',
      });
    });

    it('GZIP objects: left uncompressed', () => {
      const none = after([{ type: 'set-compression', compression: 'UNCOMPRESSED' }], stepStart(3));
      expect(results(3, none)[0]).toEqual({
        passed: false,
        feedback: 'The objects are stored uncompressed; choose GZIP.',
      });
      const answered = after([{ type: 'answer', question: 'compression-ratio', value: 1 }], none);
      expect(results(3, answered)[1]).toEqual({
        passed: false,
        feedback: 'Nothing is compressed yet: choose a compression format first.',
      });
    });

    it('the ratio: the share saved as a percentage, or rounded to a whole number', () => {
      const gzip = after([{ type: 'set-compression', compression: 'GZIP' }], stepStart(3));
      const ratio = lab.derive(gzip).run.compressionRatio;
      const saved = Math.round((1 - 1 / ratio) * 100);
      const percent = after([{ type: 'answer', question: 'compression-ratio', value: saved }], gzip);
      expect(results(3, percent)[1]).toEqual({
        passed: false,
        feedback: `${saved} is not it. Add up the uncompressed and the stored sizes of the delivered objects and divide.`,
      });
      const rounded =
        Math.round(ratio) === Math.round(ratio * 10) / 10 ? Math.round(ratio) + 1 : Math.round(ratio);
      const whole = after([{ type: 'answer', question: 'compression-ratio', value: rounded }], gzip);
      expect(results(3, whole)[1]!.passed).toBe(false);
    });
  });
});
