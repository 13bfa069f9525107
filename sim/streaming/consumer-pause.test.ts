import { openStreamingSession, validateScenario } from '../run/index.ts';
import { describe, expect, it } from 'vitest';
import type { ConsumersState } from '../consumers/index.ts';
import { validScenario } from '../run/scenario-fixtures.ts';
import type { ActionsState } from './actions.ts';

const base = {
  seed: 3,
  durationSeconds: 30,
  streams: [{ name: 'clicks', shards: 1 }],
  producers: [{ stream: 'clicks', recordsPerSecond: 200, recordBytes: 100 }],
  consumers: [
    { type: 'kcl', name: 'archive', stream: 'clicks', initialPosition: 'TRIM_HORIZON' },
    { type: 'kcl', name: 'dashboard', stream: 'clicks', initialPosition: 'TRIM_HORIZON' },
  ],
};

const pauseArchive = [
  { atSeconds: 5, action: 'pauseConsumer', consumer: 'archive' },
  { atSeconds: 15, action: 'resumeConsumer', consumer: 'archive' },
];

function readsOf(session: ReturnType<typeof openStreamingSession>, name: string) {
  const consumers = session.state.services['consumers'] as ConsumersState;
  const shard = consumers.consumers.find((c) => c.config.name === name)!.state.reads.shards;
  return Object.values(shard)[0]!;
}

describe('pauseConsumer / resumeConsumer', () => {
  it('a paused application makes no GetRecords; the other reads on; after resume it catches up', () => {
    const session = openStreamingSession(validScenario({ ...base, actions: pauseArchive }));
    session.advanceTo(5_000);
    const atPause = readsOf(session, 'archive').getRecordsCalls;
    const otherAtPause = readsOf(session, 'dashboard').getRecordsCalls;
    session.advanceTo(14_999);
    expect(readsOf(session, 'archive').getRecordsCalls).toBe(atPause);
    expect(readsOf(session, 'archive').lastReadAt).toBeLessThanOrEqual(5_000);
    expect(readsOf(session, 'dashboard').getRecordsCalls).toBeGreaterThanOrEqual(otherAtPause + 9);
    const readBefore = readsOf(session, 'archive').kinesisRecordsRead;
    session.advanceTo(15_000);
    // The held poll fires at resume and reads the ten seconds of records (2,000) that waited.
    expect(readsOf(session, 'archive').lastReadAt).toBe(15_000);
    expect(readsOf(session, 'archive').kinesisRecordsRead - readBefore).toBeGreaterThanOrEqual(1_800);
    session.advanceTo(30_000);
    expect(readsOf(session, 'archive').millisBehindLatest).toBe(0);
    const processed = (name: string) => readsOf(session, name).kinesisRecordsRead;
    // Both have read everything but the last second's records (they poll once a second, at their own times).
    expect(Math.abs(processed('archive') - processed('dashboard'))).toBeLessThanOrEqual(200);
    expect(processed('archive')).toBeGreaterThanOrEqual(29 * 200 - 200);
    const applied = (session.state.services['actions'] as ActionsState).pauses ?? [];
    expect(applied.map((a) => [a.atMs, a.action.action, a.ok])).toEqual([
      [5_000, 'pauseConsumer', true],
      [15_000, 'resumeConsumer', true],
    ]);
    expect(applied[1]!.result).toEqual({ pausedMs: 10_000 });
  });

  it('refuses to resume a consumer that is not paused, and to pause one twice', () => {
    const session = openStreamingSession(validScenario(base));
    expect(session.apply({ action: 'resumeConsumer', consumer: 'archive' })).toMatchObject({
      ok: false,
      error: { code: 'InvalidAction', message: 'Consumer "archive" is not paused; pause it first.' },
    });
    expect(session.apply({ action: 'pauseConsumer', consumer: 'archive' }).ok).toBe(true);
    expect(session.apply({ action: 'pauseConsumer', consumer: 'archive' })).toMatchObject({
      ok: false,
      error: {
        code: 'InvalidAction',
        message: 'Consumer "archive" is already paused (since 0 ms); resume it first.',
      },
    });
    expect(session.apply({ action: 'pauseConsumer', consumer: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'ResourceNotFoundException' },
    });
  });

  it('names the JSON path of a pause for a consumer the scenario does not have', () => {
    const result = validateScenario({
      ...base,
      actions: [{ atSeconds: 1, action: 'pauseConsumer', consumer: 'archiv' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      '$.actions[0].consumer: no consumer is named "archiv"; the consumers are "archive", "dashboard". Did you mean "archive"?',
    ]);
  });

  it('refuses an unknown field of a pause action with the allowed ones', () => {
    const result = validateScenario({
      ...base,
      actions: [{ atSeconds: 1, action: 'pauseConsumer', consumer: 'archive', seconds: 5 }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      path: '$.actions[0].seconds',
      message: 'unknown field; allowed fields are atSeconds, action, consumer. Did you mean "atSeconds"?',
    });
  });
});
