import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../sim/scenario/index.ts';
import { SHOWN_SHARDS, streamingPrinters } from './run-streaming.ts';

describe('the streams summary of bdlab run', () => {
  it('prints a 130,000-shard stream (the table printer threw past about 125,000 rows)', () => {
    const shards = Array.from({ length: 130_000 }, (_, i) => ({
      shardId: `shardId-${String(i).padStart(12, '0')}`,
      parentShardId: null,
      closedAtMs: null,
      incomingRecords: i,
      incomingBytes: i * 500,
      attemptsThrottled: 0,
    }));
    const section = [{ name: 'clicks', openShards: shards.length, retentionHours: 24, shards }];
    const lines = streamingPrinters.streams!(section as unknown as JsonValue);
    expect(lines[0]).toBe('Stream clicks: 130000 open shards, retention 24 h');
    expect(lines).toHaveLength(1 + 1 + SHOWN_SHARDS + 1);
    expect(lines.at(-1)).toBe('  … and 129,950 more shards (--json lists every one)');
  });
});
