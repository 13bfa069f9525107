import type { Result } from '../core/index.ts';
import type { MetricId } from '../core/index.ts';
import { recordMetric, schedule, type SimContext, type SimulationModule } from '../core/index.ts';
import { millis } from '../core/index.ts';
import type { S3State } from '../s3/index.ts';
import { deliverDue, nextFirehoseDeliveryAt } from './deliver.ts';
import { putRecordBatch, type FirehoseRecord, type PutRecordBatchOutput } from './ingest.ts';
import type { FirehoseState } from './state.ts';

/** The event the Firehose module schedules for itself: deliver whatever is due. */
export interface FirehoseDeliverEvent {
  readonly type: 'firehose.deliver';
}

/** The services the Firehose module reads and changes. */
export interface FirehoseServices {
  readonly firehose: FirehoseState;
  readonly s3: S3State;
}

type Context = SimContext<FirehoseDeliverEvent, FirehoseServices>;

const metric = (metricName: string, stream: string): MetricId => ({
  namespace: 'AWS/Firehose',
  metricName,
  dimensions: { DeliveryStreamName: stream },
});

/**
 * Makes sure a `firehose.deliver` event is pending for the earliest time a delivery stream will deliver.
 * A later event already in the queue is left there and ignored when it fires (it no longer matches the
 * timer); call this after every put.
 */
export function scheduleFirehoseDelivery(ctx: Context): void {
  const firehose = ctx.services.firehose;
  const next = nextFirehoseDeliveryAt(firehose, ctx.now);
  if (next === null) return;
  if (firehose.deliveryTimerAtMs !== null && firehose.deliveryTimerAtMs <= next) return;
  firehose.deliveryTimerAtMs = next;
  schedule(ctx, millis(next), { type: 'firehose.deliver' });
}

/**
 * PutRecordBatch at the simulation's clock, as a producer's handler calls it: records IncomingRecords,
 * IncomingBytes and ThrottledRecords (CloudWatch names) and schedules the delivery.
 */
export function putRecordBatchAt(
  ctx: Context,
  input: { readonly DeliveryStreamName: string; readonly Records: readonly FirehoseRecord[] },
): Result<PutRecordBatchOutput> {
  const stream = ctx.services.firehose.deliveryStreams[input.DeliveryStreamName];
  const before = stream ? { records: stream.stats.incomingRecords, bytes: stream.stats.incomingBytes } : null;
  const result = putRecordBatch(ctx.services.firehose, input, ctx.now);
  if (result.ok && stream && before) {
    const name = input.DeliveryStreamName;
    recordMetric(ctx, metric('IncomingRecords', name), stream.stats.incomingRecords - before.records);
    recordMetric(ctx, metric('IncomingBytes', name), stream.stats.incomingBytes - before.bytes, 'Bytes');
    if (result.value.FailedPutCount > 0) {
      recordMetric(ctx, metric('ThrottledRecords', name), result.value.FailedPutCount);
    }
    scheduleFirehoseDelivery(ctx);
  }
  return result;
}

/**
 * The Firehose simulation module: on `firehose.deliver` it writes every due buffer to S3, records
 * DeliveryToS3.Records, DeliveryToS3.Bytes and DeliveryToS3.DataFreshness, and schedules the next delivery.
 */
export const firehoseModule: SimulationModule<FirehoseDeliverEvent, FirehoseServices> = {
  name: 'firehose',
  handlers: {
    'firehose.deliver': (ctx) => {
      const firehose = ctx.services.firehose;
      if (firehose.deliveryTimerAtMs === null || ctx.now < firehose.deliveryTimerAtMs) return;
      firehose.deliveryTimerAtMs = null;
      for (const name of Object.keys(firehose.deliveryStreams).sort()) {
        const stream = firehose.deliveryStreams[name]!;
        const oldest = stream.buffer.oldestArrivalMs;
        const before = stream.deliveries.length;
        deliverDue(
          {
            deliveryStreams: { [name]: stream },
            deliveryTimerAtMs: null,
            clockStartsAtMs: firehose.clockStartsAtMs,
          },
          ctx.services.s3,
          ctx.rng,
          ctx.now,
        );
        for (const entry of stream.deliveries.slice(before)) {
          recordMetric(ctx, metric('DeliveryToS3.Records', name), entry.records);
          recordMetric(ctx, metric('DeliveryToS3.Bytes', name), entry.compressedBytes, 'Bytes');
          if (oldest !== null) {
            recordMetric(
              ctx,
              metric('DeliveryToS3.DataFreshness', name),
              (ctx.now - oldest) / 1000,
              'Seconds',
            );
          }
        }
      }
      scheduleFirehoseDelivery(ctx);
    },
  },
};
