import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import {
  createKinesisState,
  createStream,
  describeStream,
  putRecords,
  RESHARD_UPDATING_MILLIS,
  splitShard,
  type KinesisState,
} from '../kinesis/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { defaultKplConfig } from './config.ts';
import { evenShardRanges, type ShardHashRange } from './hash-key.ts';
import { addUserRecord, flushDue, onPutRecordsResult } from './producer.ts';
import { createKplProducer, type KplProducerState } from './producer-state.ts';
import { updateShardMap } from './shard-map.ts';

const book = PRICE_BOOKS['2016'];

function openShards(kinesis: KinesisState, now: number): ShardHashRange[] {
  const described = describeStream(kinesis, { StreamName: 'clicks' }, millis(now));
  if (!described.ok) throw new Error(described.error.message);
  return described.value.StreamDescription.Shards.filter(
    (s) => s.SequenceNumberRange.EndingSequenceNumber === undefined,
  ).map((s) => ({ ShardId: s.ShardId, HashKeyRange: s.HashKeyRange }));
}

/** Sends whatever is due to the Kinesis model and feeds the responses back; returns the shards written. */
function flushInto(producer: KplProducerState, kinesis: KinesisState, now: number): string[] {
  const landed: string[] = [];
  for (const call of flushDue(producer, now)) {
    const put = putRecords(kinesis, call.input, millis(now));
    if (!put.ok) throw new Error(put.error.message);
    for (const entry of put.value.Records) if ('ShardId' in entry) landed.push(entry.ShardId);
    onPutRecordsResult(producer, call.requestId, put.value, now);
  }
  return landed;
}

function add(producer: KplProducerState, from: number, count: number, now: number): void {
  for (let i = from; i < from + count; i++) {
    const added = addUserRecord(producer, { PartitionKey: `user-${i}`, Data: new Uint8Array(100) }, now);
    if (!added.ok) throw new Error(added.error.message);
  }
}

describe('KPL shard map after resharding', () => {
  it('notices a put landing on an unexpected shard, then aggregates per child shard', () => {
    const kinesis = createKinesisState();
    createStream(kinesis, { StreamName: 'clicks', ShardCount: 1 }, millis(0));
    const producer = createKplProducer({
      StreamName: 'clicks',
      shards: evenShardRanges(1),
      config: { ...defaultKplConfig(book), AggregationEnabled: true },
      book,
      now: 0,
    });
    const split = splitShard(
      kinesis,
      {
        StreamName: 'clicks',
        ShardToSplit: 'shardId-000000000000',
        NewStartingHashKey: '170141183460469231731687303715884105728',
      },
      millis(0),
    );
    expect(split.ok).toBe(true);
    const after = RESHARD_UPDATING_MILLIS + 1000;
    add(producer, 0, 50, after);
    const landed = flushInto(producer, kinesis, after + 1000);
    expect(landed.length).toBeGreaterThan(0);
    expect(landed.every((id) => id !== 'shardId-000000000000')).toBe(true);
    expect(producer.shardMapStale).toBe(true);

    const children = openShards(kinesis, after + 1000);
    expect(children.map((s) => s.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    add(producer, 50, 50, after + 1000);
    expect(updateShardMap(producer, children)).toEqual({ ok: true, value: true });
    expect(producer.shardMapStale).toBe(false);
    expect(producer.stats.shardMapUpdates).toBe(1);
    // The 50 waiting records were re-aggregated for the two children, in the order they were added.
    const waiting = producer.aggregators.map((a) => a.records.map((r) => r.id));
    expect(waiting.every((ids) => ids.length > 0)).toBe(true);
    expect(waiting.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => 50 + i));
    for (const ids of waiting) expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const second = flushInto(producer, kinesis, after + 3000);
    expect(new Set(second)).toEqual(new Set(['shardId-000000000001', 'shardId-000000000002']));
    expect(producer.shardMapStale).toBe(false);
    expect(producer.stats.userRecordsSucceeded).toBe(100);
  });

  it('refuses a map with a gap, keeping the old one', () => {
    const producer = createKplProducer({
      StreamName: 'clicks',
      shards: evenShardRanges(2),
      config: defaultKplConfig(book),
      book,
      now: 0,
    });
    const result = updateShardMap(producer, evenShardRanges(2).slice(0, 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/ends at hash key .* short of/);
    expect(producer.shards).toHaveLength(2);
    expect(producer.shardMapVersion).toBe(0);
  });
});
