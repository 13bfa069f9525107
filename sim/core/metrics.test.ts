import { describe, expect, it } from 'vitest';
import { metricKey, MetricStore } from './metrics.ts';
import { millis } from './units.ts';

const shard = (shardId: string) => ({
  namespace: 'AWS/Kinesis',
  metricName: 'IncomingBytes',
  dimensions: { StreamName: 'clicks', ShardId: shardId },
});

describe('metricKey', () => {
  it('does not depend on the order dimensions were written in', () => {
    const a = metricKey({ namespace: 'N', metricName: 'M', dimensions: { B: '2', A: '1' } });
    const b = metricKey({ namespace: 'N', metricName: 'M', dimensions: { A: '1', B: '2' } });
    expect(a).toBe(b);
    expect(a).toBe('N|M|A=1|B=2');
  });
});

describe('MetricStore', () => {
  it('keeps one series per namespace, name and dimensions', () => {
    const store = new MetricStore({ periodMillis: 1000, capacity: 60 });
    store.put(shard('shardId-000000000000'), millis(10), 500, 'Bytes');
    store.put(shard('shardId-000000000000'), millis(20), 700, 'Bytes');
    store.put(shard('shardId-000000000001'), millis(20), 100, 'Bytes');
    const series = store.find('AWS/Kinesis', 'IncomingBytes');
    expect(series.map((s) => s.id.dimensions?.ShardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
    ]);
    expect(store.get(shard('shardId-000000000000'))?.series.datapoints()[0]?.sum).toBe(1200);
    expect(store.get(shard('shardId-000000000009'))).toBeUndefined();
  });

  it('refuses a second unit for the same metric', () => {
    const store = new MetricStore({ periodMillis: 1000, capacity: 60 });
    store.put(shard('a'), millis(0), 1, 'Bytes');
    expect(() => store.put(shard('a'), millis(0), 1, 'Count')).toThrow(/first recorded in Bytes/);
  });

  it('restores from a JSON snapshot with the same series and units', () => {
    const store = new MetricStore({ periodMillis: 1000, capacity: 5 });
    store.put(shard('b'), millis(0), 3, 'Bytes');
    store.put({ namespace: 'BDLab', metricName: 'Events' }, millis(1500), 1);
    const copy = MetricStore.fromSnapshot(JSON.parse(JSON.stringify(store.toSnapshot())));
    expect(copy.toSnapshot()).toEqual(store.toSnapshot());
    expect(copy.get(shard('b'))?.unit).toBe('Bytes');
  });
});
