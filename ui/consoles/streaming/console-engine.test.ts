import { openStreamingSession, validateScenario } from '../../../sim/run/index.ts';
import { describe, expect, it } from 'vitest';
import { ConsoleEngine } from './console-engine.ts';
import { findBuiltIn } from './scenarios.ts';

function engine(): ConsoleEngine {
  return new ConsoleEngine({ validate: (value) => validateScenario(value), open: openStreamingSession });
}

const hotKey = findBuiltIn('hot-key')!;

describe('ConsoleEngine', () => {
  it('refuses a bad scenario with JSON paths and keeps the current run', () => {
    const console = engine();
    expect(console.start('Hot key', hotKey.scenario)).toEqual([]);
    const errors = console.start('Custom', {
      seed: 1,
      durationSeconds: 60,
      streams: [{ name: 'x', shards: 0 }],
    });
    expect(errors.map((e) => e.path)).toContain('$.streams[0].shards');
    expect(console.view()!.scenarioName).toBe('Hot key');
  });

  it('shows the hot shard throttled, and its split in the lineage and the log with the real command', () => {
    const console = engine();
    console.start('Hot key', hotKey.scenario);
    console.advanceTo(5000);
    const before = console.view()!;
    expect(before.clock).toMatchObject({ nowMs: 5000, finished: false, seed: 1 });
    const [stream] = before.streams;
    const hot = stream!.shards.find((s) => s.shardId === stream!.keyLandings[0]!.shardId)!;
    expect(hot.writeThrottled.values.some((v) => v > 0)).toBe(true);
    // The first seconds may take more: the shard's token bucket starts full (THROUGHPUT_ACCOUNTING).
    const steady = hot.incomingRecords.values.slice(-2);
    expect(Math.max(...steady)).toBeLessThanOrEqual(stream!.limits.writeRecordsPerSecond);

    const entry = console.apply({ action: 'splitShard', stream: 'clicks', shardId: hot.shardId })!;
    expect(entry.outcome).toBe('ok');
    const start = BigInt(hot.startingHashKey);
    const end = BigInt(hot.endingHashKey);
    expect(entry.cliCommand).toMatchObject({
      kind: 'run',
      text: `aws kinesis split-shard --stream-name clicks --shard-to-split ${hot.shardId} --new-starting-hash-key ${(start + (end - start + 1n) / 2n).toString()}`,
    });
    const after = console.view()!;
    expect(after.streams[0]!.lineage.map((e) => [e.parentShardId, e.operation])).toEqual([
      [hot.shardId, 'SplitShard'],
      [hot.shardId, 'SplitShard'],
    ]);
    expect(after.actions[0]).toEqual(entry);
  });

  it('logs a refused action with the AWS error', () => {
    const console = engine();
    console.start('Hot key', hotKey.scenario);
    const entry = console.apply({
      action: 'mergeShards',
      stream: 'clicks',
      shardId: 'shardId-000000000000',
      adjacentShardId: 'shardId-000000000009',
    })!;
    expect(entry.outcome).toBe('error');
    expect(entry.message).toMatch(/^ResourceNotFoundException|^InvalidArgumentException/);
  });

  it('logs the scenario’s own actions as they come due', () => {
    const console = engine();
    console.start('Split at 2 s', {
      seed: 1,
      durationSeconds: 10,
      streams: [{ name: 'orders', shards: 1 }],
      actions: [{ atSeconds: 2, action: 'splitShard', stream: 'orders', shardId: 'shardId-000000000000' }],
    });
    console.advanceTo(1000);
    expect(console.view()!.actions).toEqual([]);
    console.advanceTo(3000);
    const [logged] = console.view()!.actions;
    expect(logged).toMatchObject({ atMs: 2000, scheduled: true, outcome: 'ok' });
    expect(logged!.cliCommand).toMatchObject({
      kind: 'run',
      text: expect.stringMatching(/--new-starting-hash-key 170141183460469231731687303715884105728$/),
    });
  });

  it('stops the clock at the end of the scenario and restarts with another seed', () => {
    const console = engine();
    console.start('Short', {
      seed: 1,
      durationSeconds: 5,
      streams: [{ name: 'clicks', shards: 1 }],
      producers: [{ stream: 'clicks', recordsPerSecond: 100, recordBytes: 100 }],
    });
    console.running = true;
    console.advanceTo(10_000_000);
    expect(console.finished).toBe(true);
    expect(console.running).toBe(false);
    expect(console.restartWithSeed(7)).toEqual([]);
    expect(console.view()!.clock).toMatchObject({ nowMs: 0, seed: 7 });
  });
});

describe('KCL worker actions', () => {
  it('crashes a worker and logs the lease-table scan that shows it', () => {
    const console = engine();
    console.start('KCL', findBuiltIn('kcl-resharding')!.scenario);
    console.advanceTo(20_000);
    const entry = console.apply({ action: 'crashWorker', consumer: 'orders-app', workerId: 'worker-1' })!;
    expect(entry).toMatchObject({ outcome: 'ok', scheduled: false });
    expect(entry.cliCommand).toMatchObject({
      kind: 'run',
      text: 'aws dynamodb scan --table-name orders-app',
    });
    const [app] = console.view()!.consumers;
    expect(app!.kind === 'kcl' && app!.workers.find((w) => w.workerId === 'worker-1')!.alive).toBe(false);
  });
});

describe('built-in scenarios', () => {
  it('are all valid scenarios', () => {
    for (const id of ['balanced', 'hot-key', 'kpl', 'firehose', 'kcl-resharding']) {
      const checked = validateScenario(findBuiltIn(id)!.scenario);
      expect(checked.ok ? [] : checked.errors, id).toEqual([]);
    }
  });
});
