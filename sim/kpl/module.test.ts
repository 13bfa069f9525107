import { describe, expect, it } from 'vitest';
import { createSimulation, createState, scheduleAfter, type SimulationModule } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { defaultKplConfig } from './config.ts';
import { evenShardRanges } from './hash-key.ts';
import { addUserRecordAt, createKplModule, type KplFlushEvent, type KplServices } from './module.ts';
import { createKplProducer } from './producer-state.ts';
import { TestShardSink } from './test-shard-sink.ts';

interface Arrival {
  readonly type: 'load.arrival';
  readonly n: number;
}
type Event = Arrival | KplFlushEvent;

/** 2,000 user records/s of 200 bytes into a 1-shard stream through the KPL, for 5 s of virtual time. */
function run(aggregation: boolean) {
  const book = PRICE_BOOKS['2016'];
  const shards = evenShardRanges(1);
  const sink = new TestShardSink(shards);
  const producer = createKplProducer({
    StreamName: 'clicks',
    shards,
    config: { ...defaultKplConfig(book), AggregationEnabled: aggregation },
    book,
    now: 0,
  });
  const data = new Uint8Array(200);
  const load: SimulationModule<Event, KplServices> = {
    name: 'load',
    handlers: {
      'load.arrival': (ctx, event) => {
        addUserRecordAt(ctx, 'web', { PartitionKey: `session-${event.n % 500}`, Data: data });
        if (event.n < 9_999) scheduleAfter(ctx, millis(0.5), { type: 'load.arrival', n: event.n + 1 });
      },
    },
  };
  const state = createState<Event, KplServices>({
    seed: 1,
    services: { kpl: { producers: { web: producer }, flushTimers: {} } },
  });
  state.queue.push(millis(0), { type: 'load.arrival', n: 0 });
  const kpl = createKplModule((ctx, input) => sink.putRecords(input, ctx.now));
  createSimulation<Event, KplServices>([load, kpl]).run(state, millis(40_000));
  return { producer, sink, state };
}

describe('KPL simulation module', () => {
  it('with aggregation, 10,000 user records reach one shard untouched by throttling', () => {
    const { producer, sink, state } = run(true);
    expect(producer.stats.userRecordsSucceeded).toBe(10_000);
    expect(sink.throttledRecords).toBe(0);
    const put = state.metrics.seriesFor({
      namespace: 'KinesisProducerLibrary',
      metricName: 'UserRecordsPut',
      dimensions: { StreamName: 'clicks' },
    });
    expect(put.series.toSnapshot().sums.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('without aggregation the same load is throttled and retried, and takes longer to deliver', () => {
    const plain = run(false);
    const aggregated = run(true);
    expect(plain.sink.throttledRecords).toBeGreaterThan(0);
    expect(plain.producer.stats.userRecordRetries).toBeGreaterThan(0);
    const meanLatency = (p: typeof plain.producer) =>
      p.stats.userRecordLatencyMsSum / p.stats.userRecordsSucceeded;
    expect(meanLatency(plain.producer)).toBeGreaterThan(10 * meanLatency(aggregated.producer));
  });
});
