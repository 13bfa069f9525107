/** Labels and units for the shard map and the streaming labs' explorables (hash key math is in sim/kinesis). */
import { formatCount, formatMib } from '../../sim/core/index.ts';

/** `shardId-000000000004` → `shard 4`, for labels where space is short. */
export function shortShardId(shardId: string): string {
  return `shard ${Number.parseInt(shardId.slice(-12), 10)}`;
}

/** Bytes per second in MiB/s with two decimals. */
export function mibPerSecond(bytesPerSecond: number): string {
  return `${formatMib(bytesPerSecond)}/s`;
}

/** A whole number with thousands separators. */
export function whole(value: number): string {
  return formatCount(value);
}
