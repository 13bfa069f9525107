import { describe, expect, it } from 'vitest';
import { HASH_KEY_SPACE } from '../../sim/kinesis/index.ts';
import { describeKeySpace, layoutKeySpace, type MapShard } from './shard-map';

const max = HASH_KEY_SPACE - 1n;
const half = HASH_KEY_SPACE / 2n;
const twoShards: MapShard[] = [
  { shardId: 'shardId-000000000000', startingHashKey: '0', endingHashKey: String(half - 1n), hot: false },
  { shardId: 'shardId-000000000001', startingHashKey: String(half), endingHashKey: String(max), hot: true },
];

describe('layoutKeySpace', () => {
  it('puts each shard over its part of the bar, named and marked throttling when it refuses records', () => {
    const layout = layoutKeySpace(twoShards, [], 1000);
    expect(layout.segments.map((s) => [Math.round(s.x0), Math.round(s.x1), s.text])).toEqual([
      [10, 500, 'shard 0'],
      [500, 990, 'shard 1 · throttling'],
    ]);
    expect(layout.ticks.map((t) => t.x)).toEqual([10, 255, 500, 745, 990]);
  });

  it('shades a shard by its load when the load is known, and names it with its percent', () => {
    const [quiet, busy] = layoutKeySpace(
      [
        { ...twoShards[0]!, load: 0, label: '…0000' },
        { ...twoShards[1]!, load: 1.4 },
      ],
      [],
    ).segments;
    expect([quiet?.opacity, busy?.opacity]).toEqual([0.12, 0.9]);
    expect([quiet?.text, busy?.text]).toEqual(['…0000 · 0 %', 'shard 1 · 140 % · throttling']);
  });

  it('leaves a segment too narrow for its name unnamed', () => {
    const sliver: MapShard = { ...twoShards[0]!, endingHashKey: String(HASH_KEY_SPACE / 1000n) };
    expect(layoutKeySpace([sliver], []).segments[0]?.text).toBeNull();
  });

  it('stacks labels that would overlap on rows below, and gives unlabelled ticks no row', () => {
    const near = (n: bigint) => String(half + n);
    const layout = layoutKeySpace(twoShards, [
      { label: 'store-17', hashKey: near(0n) },
      { label: 'store-18', hashKey: near(1000n), share: 0.25 },
      { label: 'quiet', hashKey: near(2000n), labelled: false },
      { label: 'far', hashKey: '0' },
    ]);
    expect(layout.marks.map((m) => [m.text, m.row])).toEqual([
      ['far', 0],
      ['store-17', 0],
      ['store-18 (25 %)', 1],
      [null, -1],
    ]);
    expect(layout.rows).toBe(2);
  });
});

describe('describeKeySpace', () => {
  it('says each range and which shard each key lands in', () => {
    expect(describeKeySpace(twoShards, [{ label: '#0', name: 'store-17#0', hashKey: '5' }])).toBe(
      `shardId-000000000000 holds hash keys 0 to ${half - 1n}; shardId-000000000001 holds hash keys ${half} to ${max} and refuses records. store-17#0 lands at 5, in shardId-000000000000`,
    );
  });
});
