import type { SampledShard } from '../../sim/streaming/index.ts';

/**
 * One shard's load over a window of the run, against its limits: what the labs' checks read and their
 * shard tables show, so both say the same number. Rates are means per second over the window; `refused`
 * is the window's total.
 */
export interface ShardLoad {
  readonly shardId: string;
  readonly status: 'OPEN' | 'CLOSED';
  /** Records offered per second (accepted + refused), the mean over the window. */
  readonly offeredPerSecond: number;
  /** Bytes accepted per second (data + partition key, as IncomingBytes counts them), the mean. */
  readonly bytesPerSecond: number;
  /** Put attempts refused with ProvisionedThroughputExceededException over the window, in total. */
  readonly refused: number;
  /** Bytes per second all consumers together need to read (each reads all that is written), when read. */
  readonly readBytesPerSecond?: number;
  /** GetRecords calls refused (ReadProvisionedThroughputExceeded) over the window, when read. */
  readonly readRefused?: number;
}

/** A sampled shard's mean write load over a whole run of `seconds`. */
export function meanLoad(shard: SampledShard, seconds: number): ShardLoad {
  return {
    shardId: shard.shardId,
    status: shard.status,
    offeredPerSecond: (shard.incomingRecords + shard.attemptsThrottled) / seconds,
    bytesPerSecond: shard.incomingBytes / seconds,
    refused: shard.attemptsThrottled,
  };
}
