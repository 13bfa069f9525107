import { describe, expect, it } from 'vitest';
import { createKinesisState, createStream, partitionKeyHashKey } from '../kinesis/index.ts';
import { millis } from '../core/index.ts';
import { landKeys, prepareKeys } from './key-distribution.ts';

function openShards(count: number) {
  const state = createKinesisState();
  createStream(state, { StreamName: 's', ShardCount: count }, millis(0));
  return state.streams.s!.shards.map((shard, slot) => ({ slot, shard }));
}

describe('landKeys', () => {
  it('spreads random keys by range width and keeps their key bytes', () => {
    const open = openShards(4);
    const weight = new Float64Array(4);
    const keyBytes = new Float64Array(4);
    landKeys(prepareKeys({ kind: 'uniform', keyBytes: 16 }), open, weight, keyBytes);
    for (let s = 0; s < 4; s++) expect(weight[s]).toBeCloseTo(0.25, 12);
    expect([...keyBytes]).toEqual([16, 16, 16, 16]);
  });

  it('puts a fixed key on the shard whose range holds its MD5', () => {
    const open = openShards(3);
    const weight = new Float64Array(3);
    const keyBytes = new Float64Array(3);
    landKeys(prepareKeys({ kind: 'fixed', partitionKey: 'hot-key' }), open, weight, keyBytes);
    const hash = BigInt(partitionKeyHashKey('hot-key'));
    const expected = open.findIndex(
      ({ shard }) =>
        BigInt(shard.HashKeyRange.StartingHashKey) <= hash &&
        hash <= BigInt(shard.HashKeyRange.EndingHashKey),
    );
    expect(weight[expected]).toBe(1);
    expect(keyBytes[expected]).toBe(7);
  });

  it('hashes the Zipf head exactly and reports the spread tail’s error bounds', () => {
    const keys = prepareKeys({ kind: 'zipf', keys: 10_000_000, exponent: 1, exactKeys: 1000 });
    expect(keys.exactHex).toHaveLength(1000);
    expect(keys.exactWeight[0]! / keys.exactWeight[9]!).toBeCloseTo(10, 9);
    expect(keys.spreadMass).toBeCloseTo(keys.landing.maxShareError, 15);
    expect(keys.spreadMass).toBeGreaterThan(0.5);
    expect(keys.landing.typicalShareError).toBeLessThan(0.001);
    // Tail ranks 1,001 … 10,000,000 are `entity-` plus 4 to 8 digits.
    expect(keys.spreadKeyBytes).toBeGreaterThan(7 + 4);
    expect(keys.spreadKeyBytes).toBeLessThan(7 + 8);
    const open = openShards(8);
    const weight = new Float64Array(8);
    landKeys(keys, open, weight, new Float64Array(8));
    expect(weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('hashes every key when there are fewer than exactKeys', () => {
    const keys = prepareKeys({ kind: 'zipf', keys: 50, exponent: 1.2 });
    expect(keys.spreadMass).toBe(0);
    expect(keys.landing).toEqual({ exactShare: 1, maxShareError: 0, typicalShareError: 0 });
  });
});
