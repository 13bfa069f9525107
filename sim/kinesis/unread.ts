import { liveRecordLog } from './record-log.ts';
import { parseSequenceNumber, sequenceNumber, sequencePrefix } from './sequence.ts';
import type { KinesisRecord } from './get.ts';
import type { KinesisState } from './types.ts';

/**
 * What a shard holds after a position, seen from outside the API: no read limit is charged and nothing is
 * counted in the shard's totals or metrics. Not an AWS operation — the simulator's own bookkeeping, for a
 * consumer model that must say how many records a reader passed over (a KCL processor starting at LATEST)
 * or how old the oldest record nobody has read yet is (while no worker reads the shard).
 */
export interface RecordsAfter {
  /** Kinesis records retained after the position. */
  readonly count: number;
  /** ApproximateArrivalTimestamp of the oldest of them, or null when there are none. */
  readonly oldestArrival: number | null;
  /** Sequence number of the newest record of the shard, or null when the shard has none retained. */
  readonly newestSequenceNumber: string | null;
  /** The records themselves, oldest first (built on demand: a long range costs one object per record). */
  records(): KinesisRecord[];
}

const NONE: RecordsAfter = { count: 0, oldestArrival: null, newestSequenceNumber: null, records: () => [] };

/**
 * The retained records of `shardId` after `sequenceNumber` (all retained records when it is null), or an
 * empty answer for a stream, shard or sequence number this state does not have.
 */
export function recordsAfter(
  state: KinesisState,
  streamName: string,
  shardId: string,
  after: string | null,
): RecordsAfter {
  const stream = Object.hasOwn(state.streams, streamName) ? state.streams[streamName] : undefined;
  const shard = stream?.shards.find((s) => s.ShardId === shardId);
  if (shard === undefined) return NONE;
  const log = liveRecordLog(shard);
  let start = shard.firstOrdinal;
  if (after !== null) {
    const parsed = parseSequenceNumber(after);
    if (parsed === undefined || parsed.shardIndex !== shard.index) return NONE;
    start = Math.max(start, parsed.ordinal + 1);
  }
  const end = shard.firstOrdinal + log.length;
  const sequenceOf = (ordinal: number) =>
    sequenceNumber(sequencePrefix(log.arrival(ordinal - shard.firstOrdinal), shard.index), ordinal);
  const count = Math.max(0, end - start);
  return {
    count,
    oldestArrival: count > 0 ? log.arrival(start - shard.firstOrdinal) : null,
    newestSequenceNumber: log.length > 0 ? sequenceOf(end - 1) : null,
    records() {
      const records: KinesisRecord[] = [];
      for (let ordinal = start; ordinal < end; ordinal++) {
        const i = ordinal - shard.firstOrdinal;
        records.push({
          SequenceNumber: sequenceOf(ordinal),
          ApproximateArrivalTimestamp: log.arrival(i),
          Data: log.bytes(i),
          PartitionKey: log.key(i),
        });
      }
      return records;
    },
  };
}
