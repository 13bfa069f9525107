import { describe, expect, it } from 'vitest';
import type { SampledShard } from '../../sim/streaming/index.ts';
import { meanLoad } from './shard-load.ts';

const shard: SampledShard = {
  shardId: 'shardId-000000000001',
  parentShardIds: [],
  startingHashKey: '0',
  endingHashKey: '1',
  status: 'OPEN',
  openedAtMs: 0,
  closedAtMs: null,
  incomingRecords: 9_000,
  incomingBytes: 1_800_000,
  attemptsThrottled: 1_000,
  readThrottled: 4,
  perSecond: { records: [], bytes: [], throttled: [] },
};

describe('meanLoad', () => {
  it('offers accepted + refused records per second, and accepted bytes per second, over the run', () => {
    expect(meanLoad(shard, 10)).toEqual({
      shardId: 'shardId-000000000001',
      status: 'OPEN',
      offeredPerSecond: 1_000,
      bytesPerSecond: 180_000,
      refused: 1_000,
    });
  });
});
