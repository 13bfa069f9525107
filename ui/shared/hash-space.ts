/** Hash-key-space helpers for the shard map and the streaming labs' explorables: positions, labels and units. */
import { HASH_KEY_SPACE } from '../../sim/kinesis/hash-key';

/** Where a decimal hash key sits in the 128-bit space, from 0 to 1. */
export function hashKeyFraction(hashKey: string): number {
  return Number((BigInt(hashKey) * 1_000_000n) / HASH_KEY_SPACE) / 1_000_000;
}

/** `shardId-000000000004` → `shard 4`, for labels where space is short. */
export function shortShardId(shardId: string): string {
  return `shard ${Number.parseInt(shardId.slice(-12), 10)}`;
}

/** Bytes per second in MiB/s with two decimals. */
export function mibPerSecond(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1_048_576).toFixed(2)} MiB/s`;
}

/** A whole number with thousands separators. */
export function whole(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
