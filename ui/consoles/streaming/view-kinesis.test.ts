import { describe, expect, it } from 'vitest';
import { MetricStore } from '../../../sim/core/index.ts';
import { millis } from '../../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  mergeShards,
  putRecords,
  splitShard,
} from '../../../sim/kinesis/index.ts';
import { keyLandings } from './key-landings.ts';
import { lineageOf, streamViews, type ProducerKeys } from './view-kinesis.ts';
import { seriesWindow, windowPhrase } from './series-window.ts';

const MID = (1n << 127n).toString();
const hotKey: ProducerKeys = {
  name: 'web',
  stream: 'clicks',
  partitionKeys: { strategy: 'fixed', key: 'user-1' },
};

/** Two shards; 1,500 records of 100 bytes with one key every second for `seconds` seconds. */
function hotStream(seconds: number) {
  const kinesis = createKinesisState();
  const metrics = new MetricStore({ periodMillis: 1000, capacity: 600 });
  createStream(kinesis, { StreamName: 'clicks', ShardCount: 2 }, millis(0));
  const Data = new Uint8Array(100);
  for (let s = 0; s < seconds; s++) {
    for (let batch = 0; batch < 3; batch++) {
      // All three requests in the same millisecond: the token bucket refills continuously (throughput.ts).
      const Records = Array.from({ length: 500 }, () => ({ Data, PartitionKey: 'user-1' }));
      putRecords(kinesis, { StreamName: 'clicks', Records }, millis(s * 1000), metrics);
    }
  }
  return { kinesis, metrics };
}

describe('streamViews', () => {
  it('gives each shard its range as decimal strings and as fractions of the key space', () => {
    const { kinesis, metrics } = hotStream(1);
    const [stream] = streamViews(kinesis, metrics, 1000, []);
    expect(stream!.shards.map((s) => [s.startingHashKey, s.status])).toEqual([
      ['0', 'OPEN'],
      [MID, 'OPEN'],
    ]);
    expect(stream!.shards[0]!.endingHashKey).toBe(((1n << 127n) - 1n).toString());
    expect(stream!.shards[0]!.endFraction).toBe(0.5);
    expect(stream!.shards[1]!.endFraction).toBe(1);
    expect(stream!.limits).toMatchObject({ writeBytesPerSecond: 1_048_576, writeRecordsPerSecond: 1000 });
  });

  it('windows the per-second metrics of complete periods and shows the hot shard throttled', () => {
    const { kinesis, metrics } = hotStream(3);
    const [stream] = streamViews(kinesis, metrics, 3500, [hotKey]);
    const hot = stream!.shards.find((s) => s.shardId === stream!.keyLandings[0]!.shardId)!;
    expect(hot.incomingRecords).toEqual({ startMs: 0, periodMs: 1000, values: [1000, 1000, 1000] });
    expect(hot.writeThrottled.values).toEqual([500, 500, 500]);
    expect(hot.totals).toMatchObject({ incomingRecords: 3000, attemptsThrottled: 1500 });
    const cold = stream!.shards.find((s) => s !== hot)!;
    expect(cold.incomingRecords.values).toEqual([0, 0, 0]);
  });

  it('marks a fixed key where its MD5 lands, carrying every record', () => {
    const { kinesis, metrics } = hotStream(1);
    const [stream] = streamViews(kinesis, metrics, 1000, [hotKey]);
    const [mark] = stream!.keyLandings;
    expect(mark).toMatchObject({ label: 'user-1', share: 1 });
    expect(mark!.fraction).toBeCloseTo(Number(BigInt(mark!.hashKey) >> 64n) / 2 ** 64, 12);
    expect(stream!.keyStrategies).toEqual([{ producer: 'web', description: 'one fixed key "user-1"' }]);
  });

  it('names a split and a merge in the lineage', () => {
    const { kinesis, metrics } = hotStream(1);
    splitShard(
      kinesis,
      {
        StreamName: 'clicks',
        ShardToSplit: 'shardId-000000000000',
        NewStartingHashKey: (1n << 126n).toString(),
      },
      millis(2000),
    );
    mergeShards(
      kinesis,
      {
        StreamName: 'clicks',
        ShardToMerge: 'shardId-000000000002',
        AdjacentShardToMerge: 'shardId-000000000003',
      },
      millis(40_000),
    );
    const [stream] = streamViews(kinesis, metrics, 40_000, []);
    expect(stream!.openShardCount).toBe(2);
    expect(stream!.lineage).toEqual([
      {
        parentShardId: 'shardId-000000000000',
        childShardId: 'shardId-000000000002',
        operation: 'SplitShard',
        atMs: 2000,
      },
      {
        parentShardId: 'shardId-000000000000',
        childShardId: 'shardId-000000000003',
        operation: 'SplitShard',
        atMs: 2000,
      },
      {
        parentShardId: 'shardId-000000000002',
        childShardId: 'shardId-000000000004',
        operation: 'MergeShards',
        atMs: 40_000,
      },
      {
        parentShardId: 'shardId-000000000003',
        childShardId: 'shardId-000000000004',
        operation: 'MergeShards',
        atMs: 40_000,
      },
    ]);
    expect(
      lineageOf(kinesis.streams.clicks!.shards, new Map([[2000, 'UpdateShardCount']]))[0]!.operation,
    ).toBe('UpdateShardCount');
  });
});

describe('keyLandings', () => {
  it('marks the hottest Zipf ranks with shares that fall as 1/r^s', () => {
    const { kinesis } = hotStream(0);
    const open = kinesis.streams.clicks!.shards;
    const marks = keyLandings({ strategy: 'zipf', keys: 100, exponent: 1 }, open);
    expect(marks).toHaveLength(8);
    expect(marks[0]!.label).toBe('entity-1');
    expect(marks[0]!.share / marks[1]!.share).toBeCloseTo(2, 10);
    expect(marks.every((m) => m.shardId.startsWith('shardId-'))).toBe(true);
  });

  it('has no marks for random keys', () => {
    expect(keyLandings({ strategy: 'random' }, [])).toEqual([]);
  });
});

describe('seriesWindow', () => {
  it('keeps only the last periods before the clock', () => {
    const { metrics, kinesis } = hotStream(5);
    const [hot] = kinesis.streams.clicks!.shards.filter((s) => s.totals.incomingRecords > 0);
    const w = seriesWindow(metrics, hot!.metricIds.incomingRecords, 5999, 'sum', 2);
    expect(w).toEqual({ startMs: 3000, periodMs: 1000, values: [1000, 1000] });
  });

  it('fills periods without a datapoint with 0', () => {
    const { metrics, kinesis } = hotStream(1);
    const [cold] = kinesis.streams.clicks!.shards.filter((s) => s.totals.incomingRecords === 0);
    expect(seriesWindow(metrics, cold!.metricIds.incomingRecords, 2000).values).toEqual([0, 0]);
  });
});

describe('windowPhrase', () => {
  it('names the stretch a window covers, so a window count is not read as the whole run', () => {
    const { metrics } = hotStream(3);
    expect(windowPhrase(seriesWindow(metrics, 'none' as never, 3500))).toBe('in the last 3 s shown');
    expect(windowPhrase({ startMs: 0, periodMs: 1000, values: new Array<number>(120).fill(0) })).toBe(
      'in the last 2 min shown',
    );
    expect(windowPhrase({ startMs: 0, periodMs: 1000, values: [] })).toBe('nothing shown yet');
  });
});
