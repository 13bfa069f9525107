import { describe, expect, it } from 'vitest';
import { liveRecordLog, RecordLog, type RecordColumns } from './record-log.ts';

/** A log of `count` records: record i arrived at i ms, has key `k<i>`, data [i mod 256] and size i + 1. */
function filled(count: number): RecordLog {
  const log = new RecordLog();
  for (let i = 0; i < count; i++) log.append(i, Uint8Array.of(i % 256), `k${i}`, i + 1);
  return log;
}

describe('RecordLog', () => {
  it('reads back every column across chunk boundaries', () => {
    const log = filled(2500);
    expect(log.length).toBe(2500);
    for (const i of [0, 1023, 1024, 2047, 2048, 2499]) {
      expect([log.arrival(i), log.size(i), log.key(i), log.bytes(i)[0]]).toEqual([
        i,
        i + 1,
        `k${i}`,
        i % 256,
      ]);
    }
  });

  it('drops the oldest records, whole chunks and part of one, and keeps appending after', () => {
    const log = filled(2500);
    log.dropOldest(1500);
    expect(log.length).toBe(1000);
    expect(log.key(0)).toBe('k1500');
    expect(log.arrival(999)).toBe(2499);
    log.append(3000, Uint8Array.of(9), 'late', 2);
    expect([log.length, log.key(1000), log.arrival(1000)]).toEqual([1001, 'late', 3000]);
    log.dropOldest(5000);
    expect(log.length).toBe(0);
    log.append(4000, Uint8Array.of(1), 'again', 2);
    expect([log.length, log.key(0)]).toEqual([1, 'again']);
  });

  it('finds the first record at or after a time', () => {
    const log = filled(3000);
    log.dropOldest(100);
    expect(log.firstArrivalAtOrAfter(0)).toBe(0);
    expect(log.firstArrivalAtOrAfter(1500.5)).toBe(1401);
    expect(log.firstArrivalAtOrAfter(99_999)).toBe(2900);
  });

  it('serializes as the plain columns, data as binary strings, and comes back from them', () => {
    const log = filled(1100);
    log.dropOldest(1090);
    const plain = JSON.parse(JSON.stringify(log)) as RecordColumns;
    expect(plain).toEqual({
      arrivals: Array.from({ length: 10 }, (_, i) => 1090 + i),
      sizes: Array.from({ length: 10 }, (_, i) => 1091 + i),
      keys: Array.from({ length: 10 }, (_, i) => `k${1090 + i}`),
      data: Array.from({ length: 10 }, (_, i) => String.fromCharCode((1090 + i) % 256)),
    });
    const holder: { records: RecordLog | RecordColumns } = { records: plain };
    const restored = liveRecordLog(holder);
    expect(holder.records).toBe(restored);
    expect(restored.bytes(3)).toEqual(Uint8Array.of(1093 % 256));
    expect(JSON.stringify(restored)).toBe(JSON.stringify(log));
  });
});
