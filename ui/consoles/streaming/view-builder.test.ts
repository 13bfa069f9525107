import { openStreamingSession, validateScenario } from '../../../sim/run/index.ts';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { StreamingServices } from '../../../sim/streaming/index.ts';
import { ConsoleEngine } from './console-engine.ts';
import { readObjectBody } from './object-body.ts';
import { findBuiltIn } from './scenarios.ts';

function run(name: string, scenario: unknown, untilMs: number): ConsoleEngine {
  const engine = new ConsoleEngine({
    validate: (value) => validateScenario(value),
    open: openStreamingSession,
  });
  expect(engine.start(name, scenario)).toEqual([]);
  engine.advanceTo(untilMs);
  return engine;
}

describe('buildConsoleView', () => {
  it('shows the Firehose buffer against its hints, the GZIP objects in S3 and what they cost', () => {
    const engine = run('Firehose', findBuiltIn('firehose')!.scenario, 70_000);
    const view = engine.view()!;
    const [weblogs] = view.firehose;
    expect(weblogs).toMatchObject({
      name: 'weblogs',
      bucket: 'bdlab-weblogs',
      compression: 'GZIP',
      bufferingHints: { sizeBytes: 5 * 1_048_576, intervalSeconds: 60 },
      deliveryCount: 1,
    });
    expect(weblogs!.deliveries[0]!.trigger).toBe('interval');
    expect(weblogs!.buffer.records).toBeGreaterThan(0);
    expect(weblogs!.buffer.ageMs).toBeLessThanOrEqual(10_000);
    expect(view.s3.objectCount).toBe(1);
    const [object] = view.s3.objects;
    expect(object!.key).toMatch(/^logs\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/weblogs-1-/);
    expect(view.cost.lines.map((l) => l.label)).toContain(
      'Kinesis Firehose: Data ingested (each record rounded up to 5 KB)',
    );
    expect(view.cost.totalDollars).toBeGreaterThan(0);
    expect(view.streams).toEqual([]);

    const body = readObjectBody(engine.services!.s3, object!.bucket, object!.key);
    expect(body.ok && body.body.decodedBytes).toBeGreaterThan(body.ok ? body.body.storedBytes : 0);
    expect(readObjectBody(engine.services!.s3, 'bdlab-weblogs', 'nope').ok).toBe(false);
  });

  it('shows a KCL application’s workers and lease table, and its lag over time', () => {
    const engine = run('KCL', findBuiltIn('kcl-resharding')!.scenario, 30_000);
    const [app] = engine.view()!.consumers;
    expect(app!.kind).toBe('kcl');
    if (app!.kind !== 'kcl') return;
    expect(app!.workers.map((w) => w.workerId)).toHaveLength(2);
    expect(app!.leases.map((l) => l.leaseKey).sort()).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
    ]);
    expect(app!.leases.every((l) => l.leaseOwner !== null)).toBe(true);
    expect(app!.recordsProcessed).toBeGreaterThan(0);
    expect(app!.iteratorAgeMs.values.length).toBeGreaterThan(0);
  });

  it('shows Lambda invocations and Spark batches', () => {
    const engine = run(
      'Consumers',
      {
        seed: 1,
        durationSeconds: 30,
        streams: [{ name: 'orders', shards: 1 }],
        producers: [{ stream: 'orders', recordsPerSecond: 200, recordBytes: 200 }],
        consumers: [
          { type: 'lambda', name: 'fn', stream: 'orders', batchSize: 100 },
          { type: 'spark', name: 'job', stream: 'orders', batchIntervalSeconds: 2, receivers: 1, cores: 2 },
        ],
      },
      20_000,
    );
    const [lambda, spark] = engine.view()!.consumers;
    expect(lambda!.kind === 'lambda' && lambda!.invocations).toBeGreaterThan(0);
    expect(spark!.kind).toBe('spark');
    if (spark!.kind !== 'spark') return;
    expect(spark!.batchIntervalSeconds).toBe(2);
    expect(spark!.processingTimeMs.periodMs).toBe(2000);
    expect(spark!.processingTimeMs.values.length).toBeGreaterThan(3);
  });

  it('reads the level and era the run uses', () => {
    const engine = run('Hot key', findBuiltIn('hot-key')!.scenario, 0);
    const view = engine.view()!;
    expect(view.era).toBe('2016');
    expect(view.level).toMatchObject({ requested: 'auto', used: 'record' });
    expect((engine.services as StreamingServices).level.used).toBe('record');
  });

  it('gives each stream its producers’ whole-run counts: distinct records apart from refused attempts', () => {
    const engine = run(
      'Retries',
      {
        seed: 2,
        durationSeconds: 20,
        streams: [{ name: 'orders', shards: 1 }],
        producers: [
          {
            stream: 'orders',
            recordsPerSecond: 2000,
            recordBytes: 200,
            partitionKeys: { strategy: 'fixed', key: 'store-7' },
            retries: { maxAttempts: 6, baseBackoffMs: 100 },
          },
        ],
      },
      20_000,
    );
    const [orders] = engine.view()!.streams;
    const w = orders!.writes;
    expect(w.recordsOffered).toBe(40_000);
    expect(w.recordsThrottled).toBeLessThanOrEqual(w.recordsOffered);
    expect(w.attemptsThrottled).toBeGreaterThan(w.recordsOffered);
    // The shards count refused attempts, which is what the old "records throttled" badge summed.
    const shardAttempts = orders!.shards.reduce((sum, s) => sum + s.totals.attemptsThrottled, 0);
    expect(shardAttempts).toBe(w.attemptsThrottled);
  });

  it('previews a Firehose object as whole log lines stamped in its key’s hour', () => {
    const engine = run('Firehose', findBuiltIn('firehose')!.scenario, 70_000);
    const [object] = engine.view()!.s3.objects;
    const body = readObjectBody(engine.services!.s3, object!.bucket, object!.key);
    if (!body.ok) throw new Error(body.message);
    const hour = object!.key.split('/').slice(1, 5).join('/');
    const [year, month, day, hh] = hour.split('/');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const stamp = `[${day}/${months[Number(month) - 1]}/${year}:${hh}:`;
    const lines = body.body.text.split('\n').slice(0, 20);
    for (const line of lines)
      expect(line.slice(line.indexOf('['), line.indexOf('[') + stamp.length)).toBe(stamp);
  });
});

describe('readObjectBody', () => {
  it('decompresses GZIP bodies for the preview', () => {
    const Body = gzipSync(new TextEncoder().encode('hello\n'), { mtime: 0 });
    const s3 = {
      buckets: { b: { objects: { k: { Body, ContentEncoding: undefined } } } },
    } as unknown as Parameters<typeof readObjectBody>[0];
    const result = readObjectBody(s3, 'b', 'k');
    expect(result.ok && result.body.text).toBe('hello\n');
  });
});
