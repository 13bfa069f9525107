import { describe, expect, it } from 'vitest';
import { createSimulation, createState, scheduleAfter, type SimulationModule } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { createBucket, createS3State, listObjectsV2 } from '../s3/index.ts';
import {
  firehoseModule,
  putRecordBatchAt,
  type FirehoseDeliverEvent,
  type FirehoseServices,
} from './module.ts';
import { createDeliveryStream, createFirehoseState } from './state.ts';

/** A producer that puts 10 log lines every second. */
interface Tick {
  readonly type: 'producer.tick';
}
const line = new TextEncoder().encode('GET /index.html 200\n');
const producer: SimulationModule<Tick | FirehoseDeliverEvent, FirehoseServices> = {
  name: 'producer',
  handlers: {
    'producer.tick': (ctx, event) => {
      putRecordBatchAt(ctx, { DeliveryStreamName: 'logs', Records: Array(10).fill({ Data: line }) });
      scheduleAfter(ctx, millis(1000), event);
    },
  },
};

function run(seed: number) {
  const start = Date.UTC(2016, 5, 14, 14, 0, 0);
  const s3 = createS3State(millis(start));
  createBucket(s3, { Bucket: 'weblogs' }, millis(start));
  const firehose = createFirehoseState();
  createDeliveryStream(
    firehose,
    s3,
    {
      DeliveryStreamName: 'logs',
      S3DestinationConfiguration: { BucketName: 'weblogs', BufferingHints: { IntervalInSeconds: 60 } },
    },
    PRICE_BOOKS['2016'],
    start,
  );
  const state = createState<Tick | FirehoseDeliverEvent, FirehoseServices>({
    seed,
    services: { firehose, s3 },
    startMillis: millis(start),
  });
  state.queue.push(millis(start), { type: 'producer.tick' });
  createSimulation<Tick | FirehoseDeliverEvent, FirehoseServices>([producer, firehoseModule]).run(
    state,
    millis(start + 180_500),
  );
  return state;
}

describe('firehose simulation module', () => {
  it('delivers every 60 s of virtual time while a producer puts records', () => {
    const state = run(1);
    const deliveries = state.services.firehose.deliveryStreams['logs']!.deliveries;
    expect(deliveries.map((d) => d.deliveredAtMs - Date.UTC(2016, 5, 14, 14, 0, 0))).toEqual([
      60_000, 120_000, 180_000,
    ]);
    expect(deliveries[0]!.records).toBe(600);
    const listed = listObjectsV2(state.services.s3, { Bucket: 'weblogs', Prefix: '2016/06/14/14/' });
    expect(listed.ok && listed.value.KeyCount).toBe(3);
    const series = state.metrics.seriesFor({
      namespace: 'AWS/Firehose',
      metricName: 'DeliveryToS3.Records',
      dimensions: { DeliveryStreamName: 'logs' },
    });
    expect(series.series.toSnapshot().sums.reduce((a, b) => a + b, 0)).toBe(1800);
  });

  it('the same seed names the same objects; another seed other ones', () => {
    const keys = (seed: number) =>
      run(seed).services.firehose.deliveryStreams['logs']!.deliveries.map((d) => d.key);
    expect(keys(1)).toEqual(keys(1));
    expect(keys(1)).not.toEqual(keys(2));
  });
});
