import { describe, expect, it } from 'vitest';
import type { ShardLimitsView, ShardView, StreamView } from '../console-view.ts';
import { layoutHeatmap } from './heatmap.ts';
import { layoutIngressChart } from './ingress-chart.ts';
import { layoutLineage } from './lineage-layout.ts';
import { layoutShardMap } from './shard-map.ts';
import { latestLoad, shortShardId } from './utilization.ts';

const limits: ShardLimitsView = {
  writeBytesPerSecond: 1_048_576,
  writeRecordsPerSecond: 1000,
  readBytesPerSecond: 2_097_152,
  readCallsPerSecond: 5,
};

function shard(
  id: string,
  from: number,
  to: number,
  records: number[],
  throttled: number[] = [],
  parent: string | null = null,
): ShardView {
  const window = (values: number[]) => ({ startMs: 0, periodMs: 1000, values });
  return {
    shardId: id,
    parentShardId: parent,
    adjacentParentShardId: null,
    startingHashKey: '0',
    endingHashKey: '0',
    startFraction: from,
    endFraction: to,
    status: 'OPEN',
    openedAtMs: 0,
    closedAtMs: null,
    incomingBytes: window(records.map((r) => r * 100)),
    incomingRecords: window(records),
    writeThrottled: window(throttled.length > 0 ? throttled : records.map(() => 0)),
    readThrottled: window(records.map(() => 0)),
    totals: { incomingRecords: 0, incomingBytes: 0, attemptsThrottled: 0 },
  };
}

describe('layoutIngressChart', () => {
  it('puts the limit line at 100 % and a marker on each throttled second', () => {
    const layout = layoutIngressChart(
      shard('shardId-000000000000', 0, 1, [500, 1000, 1000], [0, 200, 300]),
      limits,
      120,
    );
    expect(layout.yTicks.map((t) => t.label)).toContain('100 %');
    expect(layout.limitY).toBe(layout.yTicks.find((t) => t.label === '100 %')!.y);
    expect(layout.throttleMarks.map((m) => [m.atSeconds, m.count])).toEqual([
      [1, 200],
      [2, 300],
    ]);
    expect(layout.throttledInWindow).toBe(500);
    expect(layout.latest).toEqual({ records: 1000, bytes: 100_000, throttled: 300 });
  });
});

describe('layoutHeatmap', () => {
  it('orders rows by hash range and leaves idle seconds blank', () => {
    const layout = layoutHeatmap(
      [shard('shardId-000000000001', 0.5, 1, [0, 0]), shard('shardId-000000000000', 0, 0.5, [500, 1500])],
      limits,
      120,
    );
    expect(layout.rows.map((r) => r.shardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(layout.rows[0]!.cells.map((c) => c.utilization)).toEqual([0.5, 1]);
    expect(layout.rows[1]!.cells).toEqual([]);
  });
});

describe('layoutLineage', () => {
  it('puts children one generation after their parent, over the parent’s part of the key space', () => {
    const parent = { ...shard('shardId-000000000000', 0, 0.5, []), status: 'CLOSED' as const };
    const low = shard('shardId-000000000002', 0, 0.25, [], [], parent.shardId);
    const high = shard('shardId-000000000003', 0.25, 0.5, [], [], parent.shardId);
    const other = shard('shardId-000000000001', 0.5, 1, []);
    const edges = [low, high].map((c) => ({
      parentShardId: parent.shardId,
      childShardId: c.shardId,
      operation: 'SplitShard' as const,
      atMs: 0,
    }));
    const layout = layoutLineage([parent, other, low, high], edges, { width: 400, height: 200 });
    expect(layout.generations).toBe(2);
    const node = (id: string) => layout.nodes.find((n) => n.shardId === id)!;
    expect(node(low.shardId).generation).toBe(1);
    expect(node(other.shardId).generation).toBe(0);
    expect(node(low.shardId).y).toBeCloseTo(1);
    expect(node(high.shardId).y).toBeCloseTo(51);
    expect(layout.links).toHaveLength(2);
  });
});

describe('layoutShardMap', () => {
  it('draws open shards over their ranges and labels only the heaviest keys', () => {
    const stream: StreamView = {
      name: 'clicks',
      status: 'ACTIVE',
      retentionHours: 24,
      openShardCount: 2,
      writes: {
        recordsOffered: 0,
        recordsAccepted: 0,
        recordsThrottled: 0,
        attemptsThrottled: 0,
        recordsDropped: 0,
      },
      shards: [
        shard('shardId-000000000000', 0, 0.5, [1000], [400]),
        shard('shardId-000000000001', 0.5, 1, [250]),
      ],
      limits,
      keyLandings: [0.5, 0.2, 0.1, 0.05].map((share, i) => ({
        label: `entity-${i + 1}`,
        hashKey: '0',
        fraction: i / 10,
        shardId: 'shardId-000000000000',
        share,
      })),
      lineage: [],
      keyStrategies: [],
      api: { era: '2016', allowUpdateShardCount: false },
    };
    const layout = layoutShardMap(stream, 1000);
    expect(layout.segments.map((s) => [s.x, s.width, s.utilization, s.throttled])).toEqual([
      [0, 500, 1, 400],
      [500, 500, 0.25, 0],
    ]);
    expect(layout.marks.filter((m) => m.labelled).map((m) => m.label)).toEqual([
      'entity-1',
      'entity-2',
      'entity-3',
    ]);
  });
});

describe('utilization helpers', () => {
  it('takes the binding limit and shortens shard ids', () => {
    const bytesBound = {
      ...shard('shardId-000000000000', 0, 1, [100]),
      incomingBytes: { startMs: 0, periodMs: 1000, values: [1_048_576] },
    };
    expect(latestLoad(bytesBound, limits).utilization).toBe(1);
    expect(shortShardId('shardId-000000000012')).toBe('…0012');
  });
});
