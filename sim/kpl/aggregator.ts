import {
  AGGREGATE_FRAMING_BYTES,
  delimitedFieldLength,
  encodeAggregatedRecord,
  varintLength,
} from './aggregation-format.ts';
import { hashKeyHex, hashPartitionKey, partitionKeyHashKey } from '../kinesis/index.ts';
import { shardIndexForHashHex } from './hash-key.ts';
import { utf8Length } from './kinesis-api.ts';
import {
  emptyAggregator,
  type BufferedUserRecord,
  type KplProducerState,
  type ReadyKinesisRecord,
  type ShardAggregator,
} from './producer-state.ts';

/** Protobuf bytes `record` adds to `aggregator`: new key-table entries plus its `Record` message. */
function addedMessageBytes(aggregator: ShardAggregator, record: BufferedUserRecord): number {
  let added = 0;
  let keyIndex = aggregator.partitionKeys[`k${record.PartitionKey}`];
  if (keyIndex === undefined) {
    keyIndex = aggregator.partitionKeyCount;
    added += delimitedFieldLength(utf8Length(record.PartitionKey));
  }
  let recordMessage = 1 + varintLength(keyIndex) + delimitedFieldLength(record.Data.length);
  if (record.ExplicitHashKey !== undefined) {
    let hashIndex = aggregator.explicitHashKeys[`k${record.ExplicitHashKey}`];
    if (hashIndex === undefined) {
      hashIndex = aggregator.explicitHashKeyCount;
      added += delimitedFieldLength(record.ExplicitHashKey.length);
    }
    recordMessage += 1 + varintLength(hashIndex);
  }
  return added + delimitedFieldLength(recordMessage);
}

function plainKinesisRecord(state: KplProducerState, record: BufferedUserRecord): ReadyKinesisRecord {
  return {
    Data: record.Data,
    PartitionKey: record.PartitionKey,
    ...(record.ExplicitHashKey === undefined ? {} : { ExplicitHashKey: record.ExplicitHashKey }),
    shardIndex: record.shardIndex,
    userRecords: [record],
    bytes: record.Data.length + utf8Length(record.PartitionKey),
    deadlineMs: record.addedAtMs + state.config.RecordMaxBufferedTime,
  };
}

/** Appends a ready Kinesis record to its shard's outbox queue. */
export function pushReady(state: KplProducerState, ready: ReadyKinesisRecord): void {
  state.outbox[ready.shardIndex]!.push(ready);
  state.outboxCount++;
  state.outboxBytes += ready.bytes;
}

/**
 * Turns a shard's aggregate into a Kinesis record in the outbox and empties the aggregator. A lone user
 * record is sent as it is, as the KPL does. An aggregate takes its first user record's partition key and,
 * as ExplicitHashKey, that record's hash key, so Kinesis routes it to the shard it was built for.
 */
export function sealAggregator(state: KplProducerState, shardIndex: number): void {
  const aggregator = state.aggregators[shardIndex]!;
  const records = aggregator.records;
  if (records.length === 0) return;
  state.aggregators[shardIndex] = emptyAggregator();
  if (records.length === 1) {
    pushReady(state, plainKinesisRecord(state, records[0]!));
    return;
  }
  const first = records[0]!;
  const data = encodeAggregatedRecord(records);
  pushReady(state, {
    Data: data,
    PartitionKey: first.PartitionKey,
    ExplicitHashKey: first.ExplicitHashKey ?? partitionKeyHashKey(first.PartitionKey),
    shardIndex,
    userRecords: records,
    bytes: data.length + utf8Length(first.PartitionKey),
    deadlineMs: aggregator.oldestAddedAtMs + state.config.RecordMaxBufferedTime,
  });
}

/**
 * The record with its shard predicted from the current shard map: a record buffered or retried across a
 * shard-map update still carries an index into the old map.
 */
function withCurrentShard(state: KplProducerState, record: BufferedUserRecord): BufferedUserRecord {
  if (record.shardMapVersion === state.shardMapVersion) return record;
  const hashKey =
    record.ExplicitHashKey === undefined
      ? hashPartitionKey(record.PartitionKey).hex
      : hashKeyHex(BigInt(record.ExplicitHashKey));
  // `updateShardMap` accepts only maps that cover the whole hash key space, so a shard is always found.
  const shardIndex = Math.max(0, shardIndexForHashHex(state.shards, hashKey));
  return { ...record, shardIndex, shardMapVersion: state.shardMapVersion };
}

/**
 * Puts a user record where it waits to be sent: straight into the outbox when aggregation is off or the
 * record alone would exceed AggregationMaxSize (it bypasses aggregation); otherwise into its shard's
 * aggregate, sealing the aggregate first when the record would push it past AggregationMaxSize or
 * AggregationMaxCount.
 */
export function queueUserRecord(state: KplProducerState, queued: BufferedUserRecord): void {
  const record = withCurrentShard(state, queued);
  const config = state.config;
  if (!config.AggregationEnabled) {
    pushReady(state, plainKinesisRecord(state, record));
    return;
  }
  const empty = emptyAggregator();
  if (AGGREGATE_FRAMING_BYTES + addedMessageBytes(empty, record) > config.AggregationMaxSize) {
    pushReady(state, plainKinesisRecord(state, record));
    return;
  }
  let aggregator = state.aggregators[record.shardIndex]!;
  const added = addedMessageBytes(aggregator, record);
  if (
    aggregator.records.length > 0 &&
    (AGGREGATE_FRAMING_BYTES + aggregator.messageBytes + added > config.AggregationMaxSize ||
      aggregator.records.length >= config.AggregationMaxCount)
  ) {
    sealAggregator(state, record.shardIndex);
    aggregator = state.aggregators[record.shardIndex]!;
  }
  aggregator.messageBytes += addedMessageBytes(aggregator, record);
  if (aggregator.partitionKeys[`k${record.PartitionKey}`] === undefined) {
    aggregator.partitionKeys[`k${record.PartitionKey}`] = aggregator.partitionKeyCount++;
  }
  if (
    record.ExplicitHashKey !== undefined &&
    aggregator.explicitHashKeys[`k${record.ExplicitHashKey}`] === undefined
  ) {
    aggregator.explicitHashKeys[`k${record.ExplicitHashKey}`] = aggregator.explicitHashKeyCount++;
  }
  if (aggregator.records.length === 0 || record.addedAtMs < aggregator.oldestAddedAtMs) {
    aggregator.oldestAddedAtMs = record.addedAtMs;
  }
  aggregator.records.push(record);
}
