import { MIB } from '../core/index.ts';
import { partitionKeyHash, shardIndexForHashKey, type ShardHashRange } from './hash-key.ts';
import {
  utf8Length,
  type PutRecordsInput,
  type PutRecordsOutput,
  type PutRecordsResultEntry,
} from './kinesis-api.ts';
import { addUserRecord, flushDue, onPutRecordsResult } from './producer.ts';
import type { KplProducerState } from './producer-state.ts';
import { nextDueAt } from './schedule.ts';

/**
 * A test double for the Kinesis write path, used only by the KPL's tests until they can run against
 * sim/kinesis: each shard accepts 1,000 records and 1,048,576 bytes (data + key) per whole virtual second
 * (AWS-FACTS rows 1–2) and answers every other entry with ProvisionedThroughputExceededException.
 */
export class TestShardSink {
  private readonly windows = new Map<number, { second: number; records: number; bytes: number }>();
  acceptedRecords = 0;
  throttledRecords = 0;
  /** Every accepted Data blob, in order, per shard index. */
  readonly accepted: Uint8Array[][];

  constructor(private readonly shards: readonly ShardHashRange[]) {
    this.accepted = shards.map(() => []);
  }

  putRecords(input: PutRecordsInput, now: number): PutRecordsOutput {
    const second = Math.floor(now / 1000);
    let failed = 0;
    const results = input.Records.map((entry): PutRecordsResultEntry => {
      const hash =
        entry.ExplicitHashKey === undefined
          ? partitionKeyHash(entry.PartitionKey)
          : BigInt(entry.ExplicitHashKey);
      const shard = shardIndexForHashKey(this.shards, hash);
      let window = this.windows.get(shard);
      if (!window || window.second !== second) {
        window = { second, records: 0, bytes: 0 };
        this.windows.set(shard, window);
      }
      const bytes = entry.Data.length + utf8Length(entry.PartitionKey);
      if (window.records + 1 > 1000 || window.bytes + bytes > MIB) {
        failed++;
        this.throttledRecords++;
        return {
          ErrorCode: 'ProvisionedThroughputExceededException',
          ErrorMessage: 'Rate exceeded for shard',
        };
      }
      window.records++;
      window.bytes += bytes;
      this.acceptedRecords++;
      this.accepted[shard]!.push(entry.Data);
      return { ShardId: this.shards[shard]!.ShardId, SequenceNumber: String(this.acceptedRecords) };
    });
    return { FailedRecordCount: failed, Records: results };
  }
}

/**
 * Drives a producer the way a simulation handler would: user records arrive evenly at `recordsPerSecond`
 * for `seconds`; before each arrival every flush due by then runs and its calls are answered by `sink`.
 * Keys cycle through `keys` distinct partition keys.
 */
export function driveProducer(
  state: KplProducerState,
  sink: TestShardSink,
  options: { recordsPerSecond: number; seconds: number; recordBytes: number; keys: number; drainMs?: number },
): void {
  const gap = 1000 / options.recordsPerSecond;
  const total = options.recordsPerSecond * options.seconds;
  const data = new Uint8Array(options.recordBytes).fill(120);
  const flushUntil = (t: number) => {
    for (let due = nextDueAt(state, t); due !== undefined && due <= t; due = nextDueAt(state, due)) {
      for (const call of flushDue(state, due)) {
        onPutRecordsResult(state, call.requestId, sink.putRecords(call.input, due), due);
      }
      if (nextDueAt(state, due) === due) break;
    }
  };
  for (let i = 0; i < total; i++) {
    const t = i * gap;
    flushUntil(t);
    addUserRecord(state, { PartitionKey: `user-${i % options.keys}`, Data: data }, t);
  }
  flushUntil(options.seconds * 1000 + (options.drainMs ?? 0));
}
