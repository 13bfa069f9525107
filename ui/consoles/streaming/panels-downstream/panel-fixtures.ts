/**
 * Hand-written console frames for the downstream panels' tests and demo harness, so each panel can be
 * exercised before (and apart from) the simulation worker. Object bodies are compressed by the Firehose
 * model's own `compressObject`, so the S3 browser is tested against the bytes Firehose really writes.
 * Never shown in the app.
 */
import { MIB } from '../../../../sim/core/index.ts';
import { compressObject } from '../../../../sim/firehose/index.ts';
import type {
  CostView,
  DeliveryStreamView,
  KclConsumerView,
  LambdaConsumerView,
  S3ObjectView,
  S3View,
  SeriesWindow,
  SparkConsumerView,
} from '../console-view';

/** 2016-05-24 14:00:00 UTC, the workshop's day, as the scenarios' virtual clock would read it. */
export const FIXTURE_EPOCH_MS = Date.UTC(2016, 4, 24, 14, 0, 0);

const series = (values: readonly number[], periodMs = 1000, startMs = 0): SeriesWindow => ({
  startMs,
  periodMs,
  values,
});

/** A KCL application of three workers, one crashed, with a split shard whose children wait for it. */
export function kclFixture(overrides: Partial<KclConsumerView> = {}): KclConsumerView {
  return {
    kind: 'kcl',
    name: 'clicks-app',
    stream: 'clicks',
    iteratorAgeMs: series([0, 0, 200, 400, 1200, 4800, 9800, 14800, 2000, 600]),
    recordsProcessed: 180_000,
    facts: [
      { label: 'Records processed', value: '180,000' },
      { label: 'Millis behind latest', value: '600 ms' },
    ],
    workers: [
      { workerId: 'worker-1', alive: true, leasesHeld: 2 },
      { workerId: 'worker-2', alive: false, leasesHeld: 1 },
      { workerId: 'worker-3', alive: true, leasesHeld: 2 },
    ],
    leases: [
      {
        leaseKey: 'shardId-000000000000',
        leaseOwner: 'worker-1',
        leaseCounter: 42,
        checkpoint: '49562899340341452237218958427465163553473224358052962306',
        parentShardIds: [],
        waitingForParents: false,
        ownerRunning: true,
        startedFrom: 'TRIM_HORIZON',
        behindTipMs: 600,
        recordsSkipped: 0,
      },
      {
        leaseKey: 'shardId-000000000001',
        leaseOwner: 'worker-2',
        leaseCounter: 17,
        checkpoint: '49562899340363752982417489050606699271745872719558983698',
        parentShardIds: [],
        waitingForParents: false,
        ownerRunning: false,
        startedFrom: null,
        behindTipMs: 7_000,
        recordsSkipped: 0,
      },
      {
        leaseKey: 'shardId-000000000002',
        leaseOwner: 'worker-3',
        leaseCounter: 30,
        checkpoint: 'SHARD_END',
        parentShardIds: [],
        waitingForParents: false,
        ownerRunning: true,
        startedFrom: 'TRIM_HORIZON',
        behindTipMs: 600,
        recordsSkipped: 0,
      },
      {
        leaseKey: 'shardId-000000000003',
        leaseOwner: 'worker-1',
        leaseCounter: 1,
        checkpoint: 'TRIM_HORIZON',
        parentShardIds: ['shardId-000000000002'],
        waitingForParents: true,
        ownerRunning: true,
        startedFrom: 'TRIM_HORIZON',
        behindTipMs: 4_000,
        recordsSkipped: 0,
      },
      {
        leaseKey: 'shardId-000000000004',
        leaseOwner: 'worker-3',
        leaseCounter: 1,
        checkpoint: 'TRIM_HORIZON',
        parentShardIds: ['shardId-000000000002'],
        waitingForParents: true,
        ownerRunning: true,
        startedFrom: 'TRIM_HORIZON',
        behindTipMs: 4_000,
        recordsSkipped: 0,
      },
    ],
    ...overrides,
  };
}

/** A Lambda function keeping up with the stream. */
export function lambdaFixture(): LambdaConsumerView {
  return {
    kind: 'lambda',
    name: 'clicks-to-dynamo',
    stream: 'clicks',
    iteratorAgeMs: series([0, 900, 1000, 1000, 1000, 1100, 1000, 1000, 1000, 1000]),
    recordsProcessed: 29_400,
    batchSize: 100,
    invocations: 312,
    facts: [
      { label: 'Invocations', value: '312' },
      { label: 'Average batch', value: '94.2 records' },
      { label: 'Retries', value: '3' },
    ],
  };
}

/** A Spark Streaming application whose batches take longer than its 2 s batch interval. */
export function sparkFixture(): SparkConsumerView {
  return {
    kind: 'spark',
    name: 'clicks-windows',
    stream: 'clicks',
    iteratorAgeMs: series([0, 2000, 2400, 2800, 3300, 3700, 4100, 4600, 5000, 5400]),
    recordsProcessed: 24_000,
    batchIntervalSeconds: 2,
    processingTimeMs: series([1800, 2300, 2400, 2400, 2450], 2000),
    schedulingDelayMs: series([0, 0, 300, 700, 1100], 2000),
    facts: [
      { label: 'Receivers', value: '2' },
      { label: 'Cores', value: '4' },
    ],
  };
}

/** A delivery stream whose GZIP buffer is two-fifths full, 120 s into its 300 s interval. */
export function deliveryStreamFixture(overrides: Partial<DeliveryStreamView> = {}): DeliveryStreamView {
  return {
    name: 'clicks-to-s3',
    bucket: 'bdlab-clicks',
    prefix: 'raw/',
    compression: 'GZIP',
    bufferingHints: { sizeBytes: 5 * MIB, intervalSeconds: 300 },
    buffer: { bytes: 2 * MIB, records: 4194, ageMs: 120_000 },
    incomingRecords: 12_000,
    incomingBytes: 6_000_000,
    attemptsThrottled: 0,
    deliveries: [
      {
        key: 'raw/2016/05/24/14/clicks-to-s3-1-2016-05-24-14-05-00-6f1c2a9e-0b1d-4c55-9e0f-3a7d8c2b1e44',
        records: 7806,
        bytes: 3_903_000,
        compressedBytes: 1_051_220,
        deliveredAtMs: FIXTURE_EPOCH_MS + 600_000,
        trigger: 'interval',
      },
      {
        key: 'raw/2016/05/24/14/clicks-to-s3-1-2016-05-24-14-00-00-0a9f3b27-51c6-4d0e-8f2a-7c1e9d4b6a10',
        records: 10_486,
        bytes: 5_242_880,
        compressedBytes: 1_392_604,
        deliveredAtMs: FIXTURE_EPOCH_MS + 290_000,
        trigger: 'size',
      },
    ],
    deliveryCount: 2,
    deliveryError: null,
    ...overrides,
  };
}

function clickLines(count: number, startMs: number): Uint8Array {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += `{"ts":${startMs + i * 10},"page":"/p/${i % 7}","user":"u-${(i * 37) % 101}"}\n`;
  }
  return new TextEncoder().encode(text);
}

/** Objects as Firehose would have written them, with their bodies for `loadObject`. */
export function s3Fixture(): { view: S3View; bodies: Map<string, Uint8Array> } {
  const specs = [
    { key: 'raw/2016/05/24/14/clicks-to-s3-1-2016-05-24-14-00-00-0a9f3b27', format: 'GZIP', lines: 400 },
    { key: 'raw/2016/05/24/14/clicks-to-s3-1-2016-05-24-14-05-00-6f1c2a9e', format: 'GZIP', lines: 300 },
    { key: 'raw/2016/05/24/15/clicks-to-s3-1-2016-05-24-15-00-00-77aa10c4', format: 'GZIP', lines: 200 },
    { key: 'zipped/2016/05/24/14/clicks-zip-1-2016-05-24-14-01-00-1b2c3d4e', format: 'ZIP', lines: 100 },
    {
      key: 'plain/2016/05/24/14/clicks-raw-1-2016-05-24-14-02-00-9e8d7c6b',
      format: 'UNCOMPRESSED',
      lines: 5,
    },
  ] as const;
  const bodies = new Map<string, Uint8Array>();
  const objects: S3ObjectView[] = specs.map((spec, i) => {
    const at = FIXTURE_EPOCH_MS + i * 60_000;
    const name = spec.key.split('/').at(-1) ?? spec.key;
    const compressed = compressObject(clickLines(spec.lines, at), spec.format, name, at);
    bodies.set(`bdlab-clicks/${spec.key}`, compressed.body);
    return {
      bucket: 'bdlab-clicks',
      key: spec.key,
      size: compressed.body.length,
      lastModifiedMs: at,
      contentEncoding: compressed.contentEncoding ?? null,
      etag: `"etag-${i}"`,
    };
  });
  const storedBytes = objects.reduce((sum, object) => sum + object.size, 0);
  return { view: { objects, objectCount: objects.length, storedBytes }, bodies };
}

/** A small bill: Kinesis shard-hours and PUT payload units, Firehose ingestion, S3 storage and requests. */
export function costFixture(): CostView {
  const lines: CostView['lines'] = [
    {
      label: 'Kinesis shard-hours',
      dollars: 0.005,
      source: 'kinesis.shardHour $0.015 per shard-hour (KPRICE16, PL2023, S)',
      detail: '0.333 shard-hours',
      approximation: null,
    },
    {
      label: 'Kinesis PUT payload units',
      dollars: 0.0025,
      source: 'kinesis.putPayloadUnitsPerMillion $0.014 per 1,000,000 units (KPRICE16, S)',
      detail: '180,000 PUT payload units',
      approximation: null,
    },
    {
      label: 'Firehose ingestion',
      dollars: 0.00098,
      source: 'firehose.ingestPerGb $0.035 per GB (S, SLIDES)',
      detail: '0.028 GB billed',
      approximation: null,
    },
    {
      label: 'S3 storage',
      dollars: 0.0000012,
      source: 's3.standard.tier1 $0.03 per GB-month (S)',
      detail: '0.00004 GB-months',
      approximation:
        'Storage is prorated by the simulated second; S3 bills by the hour averaged over the month.',
    },
  ];
  const totalDollars = lines.reduce((sum, line) => sum + line.dollars, 0);
  return {
    priceBook: '2016 us-east-1 (the workshop)',
    totalDollars,
    lines,
    unpriced: [
      {
        label: 'Kinesis extended retention',
        reason: 'the 2016 rate is unconfirmed, so the run is not charged a guessed price',
      },
    ],
  };
}
