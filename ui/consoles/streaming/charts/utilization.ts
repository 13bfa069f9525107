/**
 * How full a shard is against its write limits, second by second: the larger of records ÷ 1,000/s and
 * bytes ÷ 1 MiB/s (AWS-FACTS rows 1–2), so whichever limit binds first shows.
 */
import type { ShardLimitsView, ShardView } from '../console-view.ts';

/** Write utilization of period `i` of the shard's windows (0 = idle, 1 = at a limit). */
export function utilizationAt(shard: ShardView, limits: ShardLimitsView, i: number): number {
  const records = (shard.incomingRecords.values[i] ?? 0) / limits.writeRecordsPerSecond;
  const bytes = (shard.incomingBytes.values[i] ?? 0) / limits.writeBytesPerSecond;
  return Math.max(records, bytes);
}

/** Utilization and refused put attempts of the last complete second (0 before the first one). */
export function latestLoad(
  shard: ShardView,
  limits: ShardLimitsView,
): { utilization: number; throttled: number } {
  const last = shard.incomingRecords.values.length - 1;
  if (last < 0) return { utilization: 0, throttled: 0 };
  return {
    utilization: utilizationAt(shard, limits, last),
    throttled: shard.writeThrottled.values[last] ?? 0,
  };
}

/** `shardId-000000000007` → `…0007`, for tight labels (the full id is always in the title and table). */
export function shortShardId(shardId: string): string {
  const match = /(\d{4})$/.exec(shardId);
  return match ? `…${match[1]}` : shardId;
}

/** Percent with no decimals: 0.734 → `73 %`. */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
