import { describe, expect, it } from 'vitest';
import { scenarioErrors, validScenario } from '../run/scenario-fixtures.ts';
import { chooseLevel } from './level.ts';
import { estimateRunWork, MAX_RUN_WORK, RECORD_LEVEL_MAX_BYTES, recordLevelFits } from './work.ts';
import type { StreamingScenario } from './scenario-schema.ts';

const producer = (recordsPerSecond: number, recordBytes: number) => ({
  stream: 'clicks',
  recordsPerSecond,
  recordBytes,
  partitionKeys: { strategy: 'random' },
});

const scenario = (fields: Record<string, unknown>) => ({
  seed: 1,
  durationSeconds: 60,
  kinesis: { shardLimit: 100_000 },
  streams: [{ name: 'clicks', shards: 2 }],
  producers: [producer(1000, 500)],
  ...fields,
});

describe('the run-cost estimate, before a run starts', () => {
  it('refuses forced record level with 10 MiB records, which passed 2 GB of memory', () => {
    const errors = scenarioErrors(scenario({ level: 'record', producers: [producer(5, 10 * 1024 * 1024)] }));
    expect(errors).toEqual([
      expect.stringMatching(
        /^\$\.level: the record level would generate 2\.9 GiB of record data .* at most 1 GiB\. Use "level": "rate"/,
      ),
    ]);
  });

  it('moves an automatic run with too much record data to the rate level, saying why', () => {
    const fields = { producers: [producer(30, 1_000_000)] };
    expect(scenarioErrors(scenario(fields))).toEqual([]);
    const run = validScenario(scenario(fields)) as unknown as StreamingScenario;
    expect(estimateRunWork(run, 'record').recordBytes).toBeGreaterThan(RECORD_LEVEL_MAX_BYTES);
    const choice = chooseLevel('auto', run.producers, run.durationSeconds, recordLevelFits(run));
    expect(choice.used).toBe('rate');
    expect(choice.reason).toContain('too much record data or work');
    expect(chooseLevel('auto', run.producers, run.durationSeconds).used).toBe('record');
  });

  it('refuses a 100,000-shard stream and a week of 10,000 shards at rate level, naming what to change', () => {
    const wide = scenarioErrors(scenario({ streams: [{ name: 'clicks', shards: 100_000 }], level: 'rate' }));
    expect(wide).toEqual([
      expect.stringMatching(
        /^\$\.streams: this run is too large .*100,000 shards.* use fewer shards or a shorter durationSeconds\.$/,
      ),
    ]);
    const long = scenarioErrors(
      scenario({ durationSeconds: 7 * 24 * 3600, streams: [{ name: 'clicks', shards: 10_000 }] }),
    );
    expect(long).toEqual([expect.stringContaining('up to 6,048,000,000 shard-seconds')]);
  });

  it('lets the workshop-sized runs through: 1,000,000 records at record level, 10,000 shards for a minute', () => {
    expect(scenarioErrors(scenario({ durationSeconds: 100, producers: [producer(10_000, 500)] }))).toEqual(
      [],
    );
    expect(
      scenarioErrors(scenario({ streams: [{ name: 'clicks', shards: 10_000 }], level: 'rate' })),
    ).toEqual([]);
    const run = validScenario(scenario({ durationSeconds: 100, producers: [producer(10_000, 500)] }));
    expect(estimateRunWork(run as unknown as StreamingScenario, 'record').work).toBeLessThan(MAX_RUN_WORK);
  });

  it('counts what each consumer reads', () => {
    const base = validScenario(scenario({})) as unknown as StreamingScenario;
    const read = { ...base, consumers: [{}, {}] } as unknown as StreamingScenario;
    expect(estimateRunWork(read, 'record').work).toBeGreaterThan(estimateRunWork(base, 'record').work);
  });

  it('counts the shards reshard actions open: UpdateShardCount to 40,000 and back is 90,000 shards', () => {
    const actions = [
      { atSeconds: 10, action: 'updateShardCount', stream: 'clicks', targetShardCount: 40_000 },
      { atSeconds: 40, action: 'updateShardCount', stream: 'clicks', targetShardCount: 30_000 },
    ];
    const fields = {
      level: 'rate',
      kinesis: { shardLimit: 100_000, allowUpdateShardCount: true },
      streams: [{ name: 'clicks', shards: 20_000 }],
    };
    const run = validScenario(scenario({ ...fields, level: 'auto' })) as unknown as StreamingScenario;
    const withActions = { ...run, actions } as unknown as StreamingScenario;
    expect(estimateRunWork(withActions, 'rate').terms).toEqual([
      '90,000 shards',
      'up to 2,400,000 shard-seconds',
    ]);
    expect(scenarioErrors(scenario({ ...fields, actions }))).toEqual([
      expect.stringContaining('90,000 shards'),
    ]);
  });
});
