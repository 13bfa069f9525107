import { describe, expect, it } from 'vitest';
import type { KinesisRecord } from '../kinesis/index.ts';
import type { SparkWindowConfig } from './config.ts';
import {
  addKey,
  countRecords,
  emptyKeyCounts,
  fieldValue,
  NO_FIELD,
  NOT_JSON,
  windowFiresAt,
  windowKind,
  windowResult,
  type BatchKeyCounts,
} from './windows.ts';
import { seconds } from '../core/index.ts';

const encoder = new TextEncoder();
const record = (key: string, data = '{}'): KinesisRecord => ({
  SequenceNumber: '0',
  ApproximateArrivalTimestamp: 0,
  PartitionKey: key,
  Data: encoder.encode(data),
});

/** Batches at 1, 2, 3, 4 s with known partition keys. */
function history(): BatchKeyCounts[] {
  const keysPerBatch = [['a', 'a', 'b'], ['a', 'c'], ['b', 'b', 'b'], ['c']];
  return keysPerBatch.map((keys, i) => {
    const counts = emptyKeyCounts();
    countRecords(
      counts,
      'partitionKey',
      keys.map((k) => record(k)),
    );
    return { batchTimeMs: (i + 1) * 1000, bySpec: [{ spec: 'partitionKey', counts }] };
  });
}

describe('window counts on known records', () => {
  const tumbling: SparkWindowConfig = {
    lengthSeconds: seconds(2),
    slideSeconds: seconds(2),
    countBy: 'partitionKey',
  };
  const sliding: SparkWindowConfig = {
    lengthSeconds: seconds(3),
    slideSeconds: seconds(1),
    countBy: 'partitionKey',
  };

  it('tumbling 2 s windows count each batch once', () => {
    const first = windowResult(0, tumbling, history(), 2000, 10);
    const second = windowResult(0, tumbling, history(), 4000, 10);
    expect(first.top).toEqual([
      { key: 'a', count: 3 },
      { key: 'b', count: 1 },
      { key: 'c', count: 1 },
    ]);
    expect(second.top).toEqual([
      { key: 'b', count: 3 },
      { key: 'c', count: 1 },
    ]);
    expect(first.totalRecords + second.totalRecords).toBe(9);
    expect(windowKind(tumbling, 1)).toBe('tumbling');
  });

  it('sliding 3 s windows every second overlap', () => {
    const at3 = windowResult(1, sliding, history(), 3000, 10);
    const at4 = windowResult(1, sliding, history(), 4000, 10);
    expect(at3).toMatchObject({ startMs: 0, endMs: 3000, totalRecords: 8, distinctKeys: 3, partial: false });
    expect(at3.top[0]).toEqual({ key: 'b', count: 4 });
    expect(at4.top).toEqual([
      { key: 'b', count: 3 },
      { key: 'c', count: 2 },
      { key: 'a', count: 1 },
    ]);
    expect(windowResult(1, sliding, history(), 1000, 10).partial).toBe(true);
    expect(windowKind(sliding, 1)).toBe('sliding');
  });

  it('keeps only the most frequent keys, ties by key', () => {
    expect(windowResult(0, sliding, history(), 3000, 2).top).toEqual([
      { key: 'b', count: 4 },
      { key: 'a', count: 3 },
    ]);
  });

  it('fires a window only at multiples of its slide', () => {
    expect([1000, 2000, 3000, 4000].map((t) => windowFiresAt(tumbling, 1, t))).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(windowFiresAt({ lengthSeconds: seconds(3), countBy: 'partitionKey' }, 1, 7000)).toBe(true);
  });
});

describe('keys', () => {
  it('counts by a JSON field, naming records that are not JSON or lack the field', () => {
    expect(fieldValue(encoder.encode('{"page":"/home","n":3}'), 'page')).toBe('/home');
    expect(fieldValue(encoder.encode('{"page":"/home","n":3}'), 'n')).toBe('3');
    expect(fieldValue(encoder.encode('{"page":"/home"}'), 'user')).toBe(NO_FIELD);
    expect(fieldValue(encoder.encode('GET /home'), 'page')).toBe(NOT_JSON);
    expect(fieldValue(encoder.encode('[1,2]'), 'page')).toBe(NOT_JSON);
  });

  it('counts any partition key, __proto__ and constructor included', () => {
    const counts = emptyKeyCounts();
    for (const key of ['__proto__', 'constructor', '__proto__']) addKey(counts, key);
    expect(counts).toEqual({ keys: ['__proto__', 'constructor'], counts: [2, 1] });
    const restored = JSON.parse(JSON.stringify(counts)) as typeof counts;
    addKey(restored, '__proto__');
    expect(restored.counts).toEqual([3, 1]);
  });
});
