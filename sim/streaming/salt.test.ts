import { runScenario } from '../run/index.ts';
import { describe, expect, it } from 'vitest';
import { scenarioErrors, validScenario } from '../run/scenario-fixtures.ts';
import type { StreamReport } from './report.ts';

const hotKey = {
  seed: 7,
  durationSeconds: 10,
  streams: [{ name: 'orders', shards: 4 }],
  producers: [
    {
      name: 'checkout',
      stream: 'orders',
      recordsPerSecond: 1500,
      recordBytes: 300,
      partitionKeys: { strategy: 'fixed', key: 'store-42' },
    },
  ],
};

const salted = (salt: unknown) => ({
  ...hotKey,
  producers: [{ ...hotKey.producers[0], partitionKeys: { strategy: 'fixed', key: 'store-42', salt } }],
});

const openShards = (value: unknown) =>
  (runScenario(validScenario(value)).services['streams'] as unknown as StreamReport[])[0]!.shards.filter(
    (s) => s.incomingRecords > 0,
  ).length;

describe('partitionKeys.salt', () => {
  it('spreads one hot key over the shards its suffixes hash to, ending the throttling', () => {
    const plain = runScenario(validScenario(hotKey)).services['streams'] as unknown as StreamReport[];
    expect(plain[0]!.shards.filter((s) => s.incomingRecords > 0)).toHaveLength(1);
    expect(plain[0]!.totals.attemptsThrottled).toBeGreaterThan(0);
    const spread = runScenario(validScenario(salted({ key: 'store-42', suffixes: 8 }))).services[
      'streams'
    ] as unknown as StreamReport[];
    expect(spread[0]!.shards.filter((s) => s.incomingRecords > 0).length).toBeGreaterThanOrEqual(3);
    expect(spread[0]!.totals.attemptsThrottled).toBe(0);
  });

  it('can be switched on mid-run by setProducerKeys', () => {
    const switched = {
      ...hotKey,
      actions: [
        {
          atSeconds: 5,
          action: 'setProducerKeys',
          producer: 'checkout',
          partitionKeys: { strategy: 'fixed', key: 'store-42', salt: { key: 'store-42', suffixes: 8 } },
        },
      ],
    };
    expect(openShards(switched)).toBeGreaterThanOrEqual(3);
    expect(openShards(hotKey)).toBe(1);
  });

  it('refuses a salt of a key the strategy never sends, or out of range, with the JSON path', () => {
    expect(scenarioErrors(salted({ key: 'store-43', suffixes: 4 }))).toEqual([
      '$.producers[0].partitionKeys.salt.key: "store-43" is not the key this strategy sends; expected "store-42".',
    ]);
    expect(scenarioErrors(salted({ key: 'store-42', suffixes: 1 }))).toEqual([
      '$.producers[0].partitionKeys.salt.suffixes: 1 is not allowed; expected an integer from 2 to 1,000.',
    ]);
    expect(scenarioErrors(salted({ key: 'store-42', suffix: 4 }))[0]).toBe(
      '$.producers[0].partitionKeys.salt.suffix: unknown field; allowed fields are key, suffixes. Did you mean "suffixes"?',
    );
  });

  it('at rate level splits the salted key’s share evenly over its suffixes', () => {
    const report = runScenario(validScenario({ ...salted({ key: 'store-42', suffixes: 4 }), level: 'rate' }));
    const streams = report.services['streams'] as unknown as StreamReport[];
    const taking = streams[0]!.shards.filter((s) => s.incomingRecords > 0);
    expect(taking.length).toBeGreaterThanOrEqual(2);
    expect(streams[0]!.totals.incomingRecords).toBe(15_000);
  });
});
