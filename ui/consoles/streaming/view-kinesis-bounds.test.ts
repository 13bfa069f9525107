import { describe, expect, it } from 'vitest';
import { MetricStore } from '../../../sim/core/index.ts';
import { millis } from '../../../sim/core/index.ts';
import { createKinesisState, createStream, putRecords } from '../../../sim/kinesis/index.ts';
import { MAX_SHARD_VIEWS, streamViews, type ProducerKeys } from './view-kinesis.ts';

const hotKey: ProducerKeys = {
  name: 'web',
  stream: 'wide',
  partitionKeys: { strategy: 'fixed', key: 'user-1' },
};

/** A 20,000-shard stream (AWS allows 100,000 on request) where a few keys wrote records. */
function wideStream() {
  const kinesis = createKinesisState({ shardLimit: 100_000 });
  const metrics = new MetricStore({ periodMillis: 1000, capacity: 60 });
  createStream(kinesis, { StreamName: 'wide', ShardCount: 20_000 }, millis(0));
  const Data = new Uint8Array(10);
  const Records = Array.from({ length: 500 }, (_, i) => ({ Data, PartitionKey: `key-${i}` }));
  putRecords(kinesis, { StreamName: 'wide', Records }, millis(0), metrics);
  putRecords(
    kinesis,
    { StreamName: 'wide', Records: [{ Data, PartitionKey: 'user-1' }] },
    millis(0),
    metrics,
  );
  return { kinesis, metrics };
}

describe('a console frame of a stream with many shards', () => {
  it(`lists at most ${MAX_SHARD_VIEWS} shards: the busiest and the one a marked key lands on`, () => {
    const { kinesis, metrics } = wideStream();
    const [stream] = streamViews(kinesis, metrics, 1000, [hotKey]);
    expect(stream!.openShardCount).toBe(20_000);
    expect(stream!.shards).toHaveLength(MAX_SHARD_VIEWS);
    const landed = stream!.keyLandings[0]!.shardId;
    expect(stream!.shards.some((s) => s.shardId === landed)).toBe(true);
    const listedRecords = stream!.shards.reduce((sum, s) => sum + s.totals.incomingRecords, 0);
    expect(stream!.omitted).toMatchObject({
      shards: 20_000 - MAX_SHARD_VIEWS,
      openShards: 20_000 - MAX_SHARD_VIEWS,
    });
    expect(listedRecords + stream!.omitted!.incomingRecords).toBe(501);
    expect(stream!.shards.map((s) => s.shardId)).toEqual([...stream!.shards.map((s) => s.shardId)].sort());
  });

  it('lists every shard, with nothing omitted, up to the limit', () => {
    const kinesis = createKinesisState();
    createStream(kinesis, { StreamName: 'wide', ShardCount: 8 }, millis(0));
    const [stream] = streamViews(kinesis, new MetricStore({ periodMillis: 1000, capacity: 60 }), 0, []);
    expect(stream!.shards).toHaveLength(8);
    expect(stream!.omitted).toBeUndefined();
  });
});
