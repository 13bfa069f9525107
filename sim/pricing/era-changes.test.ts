import { describe, expect, it } from 'vitest';
import { limitChanges, STREAMING_FEATURE_CHANGES } from './era-changes.ts';
import { sourceFor } from './sources.ts';

describe('what changed in streaming since 2016', () => {
  it('reads the changed limits from the two books: retention, buffer interval, Direct-PUT rate, shard limit', () => {
    const changes = Object.fromEntries(
      limitChanges(['kinesis.', 'firehose.']).map((c) => [c.id, [c.in2016.value, c.today.value]]),
    );
    // AWS-FACTS §1.5 (168 h → 8,760 h), §3 (60 s → 0 s; 5,000 → 500,000 records/s), §1.8 (shard limit).
    expect(changes['kinesis.retentionMaxHours']).toEqual([168, 8760]);
    expect(changes['firehose.bufferIntervalMinSeconds']).toEqual([60, 0]);
    expect(changes['firehose.directPutRecordsPerSecond']).toEqual([5000, 500_000]);
    expect(changes['kinesis.defaultShardLimitPerRegion']).toEqual([50, 500]);
    expect(changes['kinesis.shardWriteBytesPerSecond']).toBeUndefined();
  });

  it('keeps limits of other services out', () => {
    expect(limitChanges(['kinesis.']).every((c) => c.id.startsWith('kinesis.'))).toBe(true);
    expect(limitChanges(['kinesis.']).some((c) => c.id.startsWith('emr.'))).toBe(false);
  });

  it('lists later features oldest first, each with a known source and what the simulator does', () => {
    const dates = STREAMING_FEATURE_CHANGES.map((c) => c.since);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((date) => date > '2016-06-30')).toBe(true);
    for (const change of STREAMING_FEATURE_CHANGES) {
      expect(change.sources.length).toBeGreaterThan(0);
      for (const tag of change.sources) expect(sourceFor(tag), `${change.feature}: ${tag}`).toBeDefined();
      expect(change.inThisSimulator.length).toBeGreaterThan(0);
    }
  });
});
