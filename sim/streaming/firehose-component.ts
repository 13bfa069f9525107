import { SimException } from '../core/index.ts';
import {
  bytes,
  mebibytes,
  millis,
  seconds,
  type Bytes,
  type Mebibytes,
  type Seconds,
} from '../core/index.ts';
import {
  createDeliveryStream,
  createFirehoseState,
  firehoseModule,
  maxDeliveryStreams,
  validateDeliveryStream,
  type CreateDeliveryStreamInput,
  type DeliveryLogEntry,
  type FirehoseDeliverEvent,
  type FirehoseState,
} from '../firehose/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { createBucket } from '../s3/index.ts';
import { toJsonValue, type SchemaIssue } from '../scenario/index.ts';
import { firehoseSchema, type DeliveryStreamScenario, type StreamingScenario } from './scenario-schema.ts';
import { needsStreaming } from './services.ts';
import { clockStartsAtMs, streamingScenario } from './streams-component.ts';

/** One delivery stream in the `firehose` section of the report: its settings, totals and every object. */
export interface DeliveryStreamReport {
  readonly name: string;
  readonly bucket: string;
  readonly prefix: string;
  /** The buffering hints in force (`SizeInMBs`, `IntervalInSeconds`). */
  readonly bufferMB: Mebibytes;
  readonly bufferSeconds: Seconds;
  readonly compression: string;
  readonly incomingRecords: number;
  readonly incomingBytes: Bytes;
  /** Record entries refused for throughput (each retry counts again). */
  readonly attemptsThrottled: number;
  /** Calls refused whole for exceeding the requests-per-second limit. */
  readonly throttledCalls: number;
  /** Ingested bytes as billed: each record rounded up to 5 KB. */
  readonly billedBytes: Bytes;
  readonly deliveredRecords: number;
  readonly deliveredBytes: Bytes;
  readonly deliveredCompressedBytes: Bytes;
  /** Records and bytes still in the buffer when the run ended. */
  readonly bufferedRecords: number;
  readonly bufferedBytes: Bytes;
  readonly deliveries: readonly DeliveryLogEntry[];
}

/** The bucket a delivery stream writes to when the scenario names none: `bdlab-<name in lower case>`. */
export function defaultBucketName(deliveryStreamName: string): string {
  return `bdlab-${deliveryStreamName.toLowerCase().replace(/[^a-z0-9.-]/g, '-')}`;
}

/** The CreateDeliveryStream request of a delivery stream as written in the scenario. */
export function createDeliveryStreamInput(d: DeliveryStreamScenario): CreateDeliveryStreamInput {
  return {
    DeliveryStreamName: d.name,
    S3DestinationConfiguration: {
      BucketName: d.bucket ?? defaultBucketName(d.name),
      Prefix: d.prefix,
      BufferingHints: { SizeInMBs: d.bufferMB, IntervalInSeconds: d.bufferSeconds },
      CompressionFormat: d.compression,
    },
  };
}

/** Where each CreateDeliveryStream field is written in the scenario. */
const SCENARIO_FIELD: Readonly<Record<string, string>> = {
  DeliveryStreamName: 'name',
  'S3DestinationConfiguration.BucketName': 'bucket',
  'S3DestinationConfiguration.BufferingHints.SizeInMBs': 'bufferMB',
  'S3DestinationConfiguration.BufferingHints.IntervalInSeconds': 'bufferSeconds',
  'S3DestinationConfiguration.CompressionFormat': 'compression',
};

function checkFirehose(
  streams: readonly DeliveryStreamScenario[],
  scenario: StreamingScenario,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const book = PRICE_BOOKS[scenario.era];
  const limit = maxDeliveryStreams(book);
  if (streams.length > limit) {
    issues.push({
      path: '$.firehose',
      message: `${streams.length} delivery streams is not allowed in the ${scenario.era} era; an account may have ${limit} per region.`,
    });
  }
  const seen = new Map<string, number>();
  streams.forEach((d, i) => {
    const first = seen.get(d.name);
    if (first !== undefined) {
      issues.push({
        path: `$.firehose[${i}].name`,
        message: `"${d.name}" is already the name of $.firehose[${first}]; each delivery stream needs its own name.`,
      });
    } else seen.set(d.name, i);
    const checked = validateDeliveryStream(createDeliveryStreamInput(d), book);
    if (!checked.ok) {
      const field = SCENARIO_FIELD[checked.error.path ?? ''];
      const hint =
        d.bucket === undefined && field === 'bucket' ? ' Set "bucket" to a valid bucket name.' : '';
      issues.push({
        path: field !== undefined ? `$.firehose[${i}].${field}` : `$.firehose[${i}]`,
        message: `${checked.error.code}: ${checked.error.message}${hint}`,
      });
    }
  });
  return issues;
}

/** `firehose`: Direct-PUT delivery streams buffering into S3 (see sim/firehose). */
export const firehoseComponent = needsStreaming('era', 's3').defineComponent<
  'firehose',
  DeliveryStreamScenario[],
  FirehoseState,
  FirehoseDeliverEvent
>({
  field: 'firehose',
  schema: firehoseSchema,
  checkScenario: (streams, scenario) => checkFirehose(streams, streamingScenario(scenario)),
  initialState: (_streams, scenario) => createFirehoseState(clockStartsAtMs(scenario)),
  module: firehoseModule,
  start(state, streams) {
    const services = state.services;
    const book = PRICE_BOOKS[services.era];
    for (const d of streams) {
      const input = createDeliveryStreamInput(d);
      const Bucket = input.S3DestinationConfiguration.BucketName;
      if (!services.s3.buckets[Bucket]) createBucket(services.s3, { Bucket }, millis(0));
      const created = createDeliveryStream(services.firehose, services.s3, input, book, 0);
      if (!created.ok) throw new SimException(created.error);
    }
  },
  report(state, streams) {
    const firehose = state.services.firehose;
    const report = streams.map((d): DeliveryStreamReport => {
      const stream = firehose.deliveryStreams[d.name]!;
      const stats = stream.stats;
      return {
        name: d.name,
        bucket: stream.config.BucketName,
        prefix: stream.config.Prefix,
        bufferMB: mebibytes(stream.config.BufferingHints.SizeInMBs),
        bufferSeconds: seconds(stream.config.BufferingHints.IntervalInSeconds),
        compression: stream.config.CompressionFormat,
        incomingRecords: stats.incomingRecords,
        incomingBytes: bytes(stats.incomingBytes),
        attemptsThrottled: stats.attemptsThrottled,
        throttledCalls: stats.throttledCalls,
        billedBytes: bytes(stats.billedBytes),
        deliveredRecords: stats.deliveredRecords,
        deliveredBytes: bytes(stats.deliveredBytes),
        deliveredCompressedBytes: bytes(stats.deliveredCompressedBytes),
        bufferedRecords: stream.buffer.records.length,
        bufferedBytes: bytes(stream.buffer.bytes),
        deliveries: stream.deliveries.map((e) => ({ ...e })),
      };
    });
    return toJsonValue(report);
  },
});
