import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  bytes,
  hours,
  millis,
  seconds,
  type Bytes,
  type Hours,
  type Mebibytes,
  type Millis,
  type RecordsPerSecond,
  type Seconds,
  type Usd,
} from '../core/index.ts';
import type { ConsumerReport } from '../consumers/index.ts';
import type { KclConfig } from '../kcl/index.ts';
import type { LambdaConsumerDetails } from '../lambda-consumer/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import type { SparkConsumerView } from '../spark-streaming/index.ts';
import { openStreamingSession } from '../run/index.ts';
import { validScenario } from '../run/scenario-fixtures.ts';
import { streamingCost, type CostReport } from './cost.ts';
import type { DeliveryStreamReport } from './firehose-component.ts';
import { producersReport, type RecordTotals } from './producers-report.ts';
import { streamsReport, type ShardReport, type StreamReport } from './report.ts';
import type { DeliveryStreamScenario, ProducerConfig, StreamScenario } from './scenario-schema.ts';
import { streamingScenario } from './streams-component.ts';

const scenario = validScenario({
  seed: 1,
  durationSeconds: 5,
  streams: [{ name: 'clicks', shards: 1, retentionHours: 48 }],
  producers: [
    { stream: 'clicks', recordsPerSecond: 10, recordBytes: 100, partitionKeys: { strategy: 'random' } },
  ],
});

describe('scenario fields carry their units', () => {
  it('types each field in its unit, with the number as written in the file', () => {
    expectTypeOf<StreamScenario['retentionHours']>().toEqualTypeOf<Hours>();
    expectTypeOf<ProducerConfig['recordsPerSecond']>().toEqualTypeOf<RecordsPerSecond>();
    expectTypeOf<DeliveryStreamScenario['bufferSeconds']>().toEqualTypeOf<Seconds>();
    expectTypeOf<DeliveryStreamScenario['bufferMB']>().toEqualTypeOf<Mebibytes>();
    expectTypeOf<KclConfig['failoverTimeMillis']>().toEqualTypeOf<Millis>();
    const streaming = streamingScenario(scenario);
    expect(streaming.streams[0]!.retentionHours).toBe(48);
    expect(streaming.durationSeconds).toBe(5);
  });

  it('refuses a plain number or the wrong unit where a scenario field is expected', () => {
    const stream = streamingScenario(scenario).streams[0]!;
    const withRetention = (retentionHours: Hours): StreamScenario => ({ ...stream, retentionHours });
    expect(withRetention(hours(72)).retentionHours).toBe(72);
    // @ts-expect-error a plain number has no unit: say hours(…)
    withRetention(72);
    // @ts-expect-error seconds are not hours
    withRetention(seconds(72));
  });
});

describe('report sections carry their units', () => {
  const session = openStreamingSession(scenario);
  session.advanceTo(5000);
  const services = session.state.services;

  it('types bytes, times and dollars in each section, with the numbers the run counted', () => {
    expectTypeOf<ShardReport['incomingBytes']>().toEqualTypeOf<Bytes>();
    expectTypeOf<ShardReport['openedAtMs']>().toEqualTypeOf<Millis>();
    expectTypeOf<StreamReport['retentionHours']>().toEqualTypeOf<Hours>();
    expectTypeOf<RecordTotals['bytesAccepted']>().toEqualTypeOf<Bytes | null>();
    expectTypeOf<CostReport['totalUsd']>().toEqualTypeOf<Usd>();
    expectTypeOf<DeliveryStreamReport['bufferSeconds']>().toEqualTypeOf<Seconds>();
    expectTypeOf<ConsumerReport['maxMillisBehindLatest']>().toEqualTypeOf<Millis>();
    expectTypeOf<LambdaConsumerDetails['billedDurationMs']>().toEqualTypeOf<Millis>();
    expectTypeOf<SparkConsumerView['batchIntervalMs']>().toEqualTypeOf<Millis>();
    const [stream] = streamsReport(services);
    // 10 records/s of 100 bytes for 5 s, each with its partition key: more than 5,000 bytes in all.
    expect(stream!.totals.incomingBytes).toBeGreaterThan(5000);
    expect(stream!.totals.incomingBytes).toBe(producersReport(services).totals.bytesAccepted);
    expect(stream!.retentionHours).toBe(48);
    const cost = streamingCost(services, PRICE_BOOKS['2016'], session.state.now);
    expect(cost.totalUsd).toBeCloseTo(
      cost.lines.reduce((sum, line) => sum + (line.usd ?? 0), 0),
      12,
    );
  });

  it('refuses a report figure where another unit is expected', () => {
    const [stream] = streamsReport(services);
    const shard = stream!.shards[0]!;
    const after = (at: Millis, by: Millis): Millis => millis(at + by);
    expect(after(shard.openedAtMs, millis(1000))).toBe(shard.openedAtMs + 1000);
    // @ts-expect-error bytes are not milliseconds
    after(shard.incomingBytes, millis(1000));
    // @ts-expect-error dollars are not bytes
    const spent: Bytes = streamingCost(services, PRICE_BOOKS['2016'], session.state.now).totalUsd;
    expect(spent).toBeGreaterThan(0);
    expect(bytes(shard.incomingBytes)).toBe(shard.incomingBytes);
  });
});
