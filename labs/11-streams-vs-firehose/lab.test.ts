import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyActions, referenceWorkspace } from '../engine/run.ts';
import { validateLab } from '../engine/validate.ts';
import { latencyFacts } from './checks.ts';
import { streamsVsFirehoseLab as lab } from './lab.ts';
import type { StreamsVsFirehoseAction, StreamsVsFirehoseWorkspace } from './workspace.ts';

function after(actions: StreamsVsFirehoseAction[], from: unknown = lab.initialWorkspace) {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as StreamsVsFirehoseWorkspace;
}

function stepStart(step: number): StreamsVsFirehoseWorkspace {
  const start = referenceWorkspace(lab, step);
  if (!start.ok) throw new Error(start.error.message);
  return start.value as StreamsVsFirehoseWorkspace;
}

const results = (step: number, workspace: StreamsVsFirehoseWorkspace) =>
  lab.steps[step]!.tasks.map((task) => task.check(workspace, { derived: lab.derive(workspace) }));

describe('lab 11: Streams vs Firehose', () => {
  // The first test runs the simulations the others reuse (memoized); a busy machine needs the time.
  it('is valid and every solution solves its step', { timeout: 30_000 }, () => {
    const markdown = readFileSync(new URL('./lab.md', import.meta.url), 'utf8');
    expect(validateLab(lab, markdown)).toEqual([]);
  });

  it('measures sub-second reads on Streams and a 60 s floor on Firehose, every record accounted for', () => {
    const facts = latencyFacts(lab.initialWorkspace);
    expect(facts.streams.latency.records).toBe(facts.firehose.delivery.traffic.records);
    expect(facts.streams.latency.maxMs).toBeLessThan(1000);
    expect(facts.streams.getRecordsCalls).toBe(1801);
    expect(facts.fastest.delivery.maxWaitSeconds).toBe(60);
    expect(facts.fastest.latency.meanMs).toBeGreaterThan(20_000);
    expect(facts.firehose.delivery.maxWaitSeconds).toBe(300);
  });

  it('catches the average given for the longest wait', () => {
    const { streams } = latencyFacts(lab.initialWorkspace);
    const workspace = after([
      { type: 'answer', question: 'streams-max-ms', value: Math.round(streams.latency.meanMs) },
    ]);
    expect(results(0, workspace)[0]!.feedback).toMatch(
      /is not it\. That is the average; read the longest\.$/,
    );
  });

  it('says the smallest size hint alone does not make Firehose fast', () => {
    const workspace = after([{ type: 'set-buffer-size', sizeMB: 1 }], stepStart(1));
    expect(results(1, workspace)[0]).toEqual({
      passed: false,
      feedback:
        'A record waited 5 min with 1 MB / 300 s. Which hint fires first at this traffic, and how low can it go in 2016?',
    });
  });

  it('refuses a 30 s interval as AWS did in 2016', () => {
    const refused = lab.reduce(lab.initialWorkspace, { type: 'set-buffer-interval', intervalSeconds: 30 });
    expect(refused).toMatchObject({ ok: false, error: { path: 'IntervalInSeconds' } });
  });

  it('explains why Firehose cannot serve the fraud alert and why Streams is more work for the archive', () => {
    const workspace = after(
      [
        { type: 'pick', useCase: 'fraud-alert', path: 'firehose' },
        { type: 'pick', useCase: 'log-archive', path: 'streams' },
      ],
      stepStart(2),
    );
    const [fraud, archive] = results(2, workspace);
    expect(fraud).toEqual({
      passed: false,
      feedback: 'Firehose’s fastest 2016 setting left a record waiting 1 min; this needs 2 s.',
    });
    expect(archive!.passed).toBe(false);
    expect(archive!.feedback).toMatch(/^Streams would work, but you would write, run and scale a consumer/);
  });

  it('refuses an unknown use case and an unknown path', () => {
    expect(
      lab.reduce(lab.initialWorkspace, { type: 'pick', useCase: 'billing' as never, path: 'streams' }),
    ).toMatchObject({ ok: false, error: { path: 'useCase' } });
    expect(
      lab.reduce(lab.initialWorkspace, { type: 'pick', useCase: 'fraud-alert', path: 'sqs' as never }),
    ).toMatchObject({ ok: false, error: { path: 'path' } });
  });

  describe('wrong answers a learner would plausibly give do not pass, and the feedback says what is off', () => {
    const facts = () => latencyFacts(lab.initialWorkspace);
    const answered = (
      step: number,
      question: StreamsVsFirehoseWorkspace['answers'],
      from = stepStart(step),
    ) =>
      after(
        Object.entries(question).map(([id, value]) => ({
          type: 'answer' as const,
          question: id as keyof StreamsVsFirehoseWorkspace['answers'],
          value: value!,
        })),
        from,
      );

    it('the longest Streams wait: the poll interval, or seconds instead of ms', () => {
      const { streams } = facts();
      const [poll] = results(0, answered(0, { 'streams-max-ms': 1000 }));
      expect(poll!.passed).toBe(false);
      expect(poll!.feedback).toBe(
        '1,000 is not it. Read the longest wait of the Streams path; the consumer calls GetRecords every 1,000 ms.',
      );
      const [seconds] = results(0, answered(0, { 'streams-max-ms': streams.latency.maxMs / 1000 }));
      expect(seconds!.passed).toBe(false);
      expect(seconds!.feedback).not.toContain(String(streams.latency.maxMs));
    });

    it('the average Streams wait: the longest wait, the poll interval, seconds, or 20 ms off', () => {
      const { streams } = facts();
      const feedback = (value: number) => {
        const [, mean] = results(0, answered(0, { 'streams-mean-ms': value }));
        expect(mean!.passed).toBe(false);
        return mean!.feedback;
      };
      expect(feedback(streams.latency.maxMs)).toMatch(/That is the longest wait; read the average\.$/);
      expect(feedback(streams.pollIntervalMs)).toMatch(/That is the poll interval/);
      expect(feedback(0.5)).toMatch(/Is that seconds\? Answer in milliseconds\.$/);
      expect(feedback(Math.round(streams.latency.meanMs) + 20)).toMatch(
        /Read the average of the Streams path/,
      );
    });

    it('the fastest Firehose: a 120 s interval is faster but not the fastest', () => {
      const workspace = after([{ type: 'set-buffer-interval', intervalSeconds: 120 }], stepStart(1));
      expect(results(1, workspace)[0]).toEqual({
        passed: false,
        feedback:
          'A record waited 2 min with 5 MB / 120 s. Which hint fires first at this traffic, and how low can it go in 2016?',
      });
    });

    it('the average Firehose wait: the longest wait, milliseconds, minutes, or the default setting’s average', () => {
      const fast = after(
        [
          { type: 'set-buffer-interval', intervalSeconds: 60 },
          { type: 'set-buffer-size', sizeMB: 1 },
        ],
        stepStart(1),
      );
      const { firehose } = lab.derive(fast);
      const feedback = (value: number) => {
        const [, mean] = results(1, answered(1, { 'firehose-mean-s': value }, fast));
        expect(mean!.passed).toBe(false);
        return mean!.feedback;
      };
      expect(feedback(60)).toMatch(/That is the longest wait; read the average\.$/);
      expect(feedback(Math.round(firehose.latency.meanMs))).toMatch(
        /Is that milliseconds\? Answer in seconds\.$/,
      );
      expect(feedback(0.5)).toMatch(/Is that minutes\? Answer in seconds\.$/);
      const defaults = latencyFacts(lab.initialWorkspace).firehose.latency.meanMs / 1000;
      expect(feedback(Math.round(defaults))).toMatch(
        /Read the average wait of the Firehose path, in seconds\.$/,
      );
    });

    it('the use cases: Firehose for a 10-second counter, Streams for an hourly report', () => {
      const workspace = after(
        [
          { type: 'pick', useCase: 'live-counter', path: 'firehose' },
          { type: 'pick', useCase: 'hourly-reports', path: 'streams' },
        ],
        stepStart(2),
      );
      const [, , counter, hourly] = results(2, workspace);
      expect(counter).toEqual({
        passed: false,
        feedback: 'Firehose’s fastest 2016 setting left a record waiting 1 min; this needs 10 s.',
      });
      expect(hourly!.passed).toBe(false);
      expect(hourly!.feedback).toMatch(/^Streams would work, but you would write, run and scale a consumer/);
    });
  });
});
