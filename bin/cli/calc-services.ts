import {
  calculateEmr,
  calculateFirehose,
  calculateKinesis,
  calculateMl,
  calculatePipeline,
  calculateRedshift,
  calculateS3,
  type Calculation,
  type CalculationBase,
} from '../../sim/calc/index.ts';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatUnitPrice,
  formatUsd,
} from '../../sim/core/index.ts';
import type { PriceBook } from '../../sim/pricing/index.ts';

/** One command-line flag of a calculator and the input field it fills. */
export interface FlagSpec {
  /** Flag name without dashes, such as `records-per-second`. */
  readonly flag: string;
  /** The calculator input field, such as `recordsPerSecond`. */
  readonly field: string;
  readonly kind: 'number' | 'boolean' | 'string';
  readonly description: string;
  readonly required?: boolean;
  /** Value used when the flag is absent (as typed on the command line). */
  readonly default?: string;
}

/** A `bdlab calc <service>` subcommand: its flags, calculator and headline figures. */
export interface ServiceSpec {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  /** An example invocation (arguments after the service name). */
  readonly example: string;
  readonly calculate: (input: Record<string, unknown>, book: PriceBook) => Calculation<CalculationBase>;
  /** The figures shown first in human output, as [label, text] rows. */
  readonly headline: (result: CalculationBase) => Array<readonly [string, string]>;
}

const num = (flag: string, field: string, description: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  flag,
  field,
  kind: 'number',
  description,
  ...extra,
});
const str = (flag: string, field: string, description: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  flag,
  field,
  kind: 'string',
  description,
  ...extra,
});

// Results are typed per calculator; the CLI handles them through the shared base and reads fields by name.
type Fields = Record<string, unknown>;
const field = (result: CalculationBase, key: string) => (result as unknown as Fields)[key] as number;
const run = <I>(calc: (input: I, book: PriceBook) => Calculation<unknown>) =>
  calc as unknown as ServiceSpec['calculate'];

/** Every calculator the CLI offers, in the order help lists them. */
export const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'kinesis',
    title: 'Kinesis Streams',
    summary: 'shards needed under each per-shard limit, and the monthly cost',
    example: '--records-per-second 3000 --record-bytes 500 --consumers 1',
    flags: [
      num('records-per-second', 'recordsPerSecond', 'average user records per second', { required: true }),
      num(
        'peak-records-per-second',
        'peakRecordsPerSecond',
        'peak records per second (default: the average)',
      ),
      num('record-bytes', 'recordBytes', 'average record size in bytes', { required: true }),
      num('partition-key-bytes', 'partitionKeyBytes', 'partition key bytes per record', { default: '0' }),
      num('consumers', 'consumers', 'consuming applications reading every shard', { default: '1' }),
      num('retention-hours', 'retentionHours', 'retention period in hours', { default: '24' }),
      { flag: 'kpl', field: 'kplAggregation', kind: 'boolean', description: 'producers use KPL aggregation' },
    ],
    calculate: run(calculateKinesis),
    headline: (r) => {
      const k = r as unknown as Fields & { bindingLimitLabel: string };
      return [
        ['Shards', `${formatCount(field(r, 'shards'))} — bound by ${k.bindingLimitLabel}`],
        ['Headroom at peak', formatPercent(field(r, 'headroomPercent') / 100)],
        ['Monthly cost', formatUsd(field(r, 'monthlyCostUsd'))],
      ];
    },
  },
  {
    name: 'firehose',
    title: 'Kinesis Firehose',
    summary: 'ingestion cost with 5 KB rounding, S3 objects per hour and buffering delay',
    example: '--records-per-second 100 --record-bytes 3000 --buffer-interval-seconds 60',
    flags: [
      num('records-per-second', 'recordsPerSecond', 'records per second (or give --gb-per-month)'),
      num('gb-per-month', 'gbPerMonth', 'raw GB per month (or give --records-per-second)'),
      num('record-bytes', 'recordBytes', 'average record size in bytes', { required: true }),
      num('buffer-size-mb', 'bufferSizeMiB', 'BufferingHints SizeInMBs', { default: '5' }),
      num('buffer-interval-seconds', 'bufferIntervalSeconds', 'BufferingHints IntervalInSeconds', {
        default: '300',
      }),
      num('records-per-request', 'recordsPerRequest', 'records per PutRecordBatch call (1 = PutRecord)', {
        default: '500',
      }),
    ],
    calculate: run(calculateFirehose),
    headline: (r) => {
      const objects = (r as unknown as Fields).objectsPerHour as number | null;
      // With no data or a 0 s interval the buffer is never filled, so its size and wait are not known.
      const estimated = objects !== null;
      return [
        ['Billed per month', `${formatNumber(field(r, 'billedGbPerMonth'))} GB (1 GB = 2^30 bytes)`],
        ['Objects per hour', estimated ? formatNumber(objects, { maxDecimals: 1 }) : 'not estimated'],
        ['Object size', estimated ? formatBytes(field(r, 'objectBytes')) : 'not estimated'],
        ['Buffer delay', estimated ? `up to ${formatDuration(field(r, 'bufferSeconds'))}` : 'not estimated'],
        ['Monthly cost', formatUsd(field(r, 'monthlyCostUsd'))],
      ];
    },
  },
  {
    name: 's3',
    title: 'S3 and Glacier',
    summary: 'storage cost of TB over months, tier by tier',
    example: '--terabytes 10 --months 12',
    flags: [
      num('terabytes', 'terabytes', 'TB stored (1 TB = 1,024 GB)', { required: true }),
      num('months', 'months', 'months stored', { default: '1' }),
      str('storage-class', 'storageClass', 'standard, standard-ia or glacier', { default: 'standard' }),
      num('put-requests', 'putRequestsPerMonth', 'PUT/COPY/POST/LIST requests per month', { default: '0' }),
      num('get-requests', 'getRequestsPerMonth', 'GET requests per month', { default: '0' }),
    ],
    calculate: run(calculateS3),
    headline: (r) => [
      ['Per TB-month', formatUnitPrice(field(r, 'usdPerTbMonth'))],
      ['Monthly cost', formatUsd(field(r, 'monthlyCostUsd'))],
      ['Total', formatUsd(field(r, 'totalCostUsd'))],
    ],
  },
  {
    name: 'emr',
    title: 'EMR',
    summary: 'EC2 plus EMR fee for a cluster, on demand or spot',
    example: '--instance-type m3.xlarge --instance-count 2 --hours 1.5',
    flags: [
      str('instance-type', 'instanceType', 'EC2 instance type of every node', { default: 'm3.xlarge' }),
      num('instance-count', 'instanceCount', 'nodes, master included', { default: '2' }),
      num('hours', 'hours', 'hours the cluster runs', { required: true }),
      num('runs', 'runs', 'separate runs, each billed on its own', { default: '1' }),
      str('purchase', 'purchase', 'on-demand or spot', { default: 'on-demand' }),
      num('spot-price', 'spotPriceUsd', 'spot price in USD per instance-hour (with --purchase spot)'),
    ],
    calculate: run(calculateEmr),
    headline: (r) => [
      ['Cluster per hour', formatUnitPrice(field(r, 'clusterUsdPerHour'))],
      ['Instance-hours billed', formatNumber(field(r, 'instanceHours'), { maxDecimals: 4 })],
      ['Total', formatUsd(field(r, 'totalUsd'))],
    ],
  },
  {
    name: 'redshift',
    title: 'Redshift',
    summary: 'storage, slices and on-demand cost of a cluster, and $/TB/year',
    example: '--node-type ds2.xlarge --node-count 4',
    flags: [
      str(
        'node-type',
        'nodeType',
        'node type (dc1.large, dc1.8xlarge, ds2.xlarge, ds2.8xlarge, dc2.*, ra3.*)',
        {
          default: 'dc1.large',
        },
      ),
      num('node-count', 'nodeCount', 'compute nodes', { default: '1' }),
    ],
    calculate: run(calculateRedshift),
    headline: (r) => [
      ['Storage', `${formatNumber(field(r, 'storageTb'), { maxDecimals: 3 })} TB`],
      ['Slices', formatCount(field(r, 'slices'))],
      ['Per hour', formatUnitPrice(field(r, 'usdPerHour'))],
      ['Per year', formatUsd(field(r, 'usdPerYear'))],
      ['Per TB-year', formatUnitPrice(field(r, 'usdPerTbYear'))],
    ],
  },
  {
    name: 'ml',
    title: 'Amazon Machine Learning',
    summary: 'compute hours, batch and real-time predictions, endpoint capacity',
    example: '--compute-hours 10 --batch-predictions 100000',
    flags: [
      num('compute-hours', 'computeHours', 'hours of data analysis, training and evaluation', {
        default: '0',
      }),
      num('batch-predictions', 'batchPredictions', 'batch predictions per month', { default: '0' }),
      num('realtime-predictions', 'realtimePredictions', 'real-time predictions per month', { default: '0' }),
      num('endpoint-model-mb', 'endpointModelMb', 'model size in MB of a real-time endpoint'),
      num('endpoint-hours', 'endpointHours', 'hours the endpoint is up (default 730 with an endpoint)'),
    ],
    calculate: run(calculateMl),
    headline: (r) => [['Total', formatUsd(field(r, 'totalUsd'))]],
  },
  {
    name: 'pipeline',
    title: 'Whole pipeline (lab 4)',
    summary: 'web logs → Firehose → S3 → EMR → Redshift, monthly cost per service',
    example: '--log-lines-per-second 100 --bytes-per-line 300',
    flags: [
      num('log-lines-per-second', 'logLinesPerSecond', 'web log lines per second', { required: true }),
      num('bytes-per-line', 'bytesPerLine', 'bytes per log line', { required: true }),
      num('compression-ratio', 'compressionRatio', 'raw ÷ stored size after GZIP', { default: '1' }),
      num('buffer-size-mb', 'bufferSizeMiB', 'Firehose buffer size hint', { default: '5' }),
      num('buffer-interval-seconds', 'bufferIntervalSeconds', 'Firehose buffer interval hint', {
        default: '60',
      }),
      str('emr-instance-type', 'emrInstanceType', 'EMR instance type', { default: 'm3.xlarge' }),
      num('emr-instance-count', 'emrInstanceCount', 'EMR nodes', { default: '2' }),
      num('emr-hours-per-day', 'emrHoursPerDay', 'hours the EMR cluster runs each day', { default: '1' }),
      str(
        'redshift-node-type',
        'redshiftNodeType',
        'Redshift node type (default dc1.large; dc2.large today)',
      ),
      num('redshift-node-count', 'redshiftNodeCount', 'Redshift nodes', { default: '1' }),
    ],
    calculate: run(calculatePipeline),
    headline: (r) => {
      const segments = (r as unknown as Fields).segments as Array<{ label: string; usd: number }>;
      return [
        ...segments.map((segment) => [segment.label, formatUsd(segment.usd)] as const),
        ['Monthly cost', formatUsd(field(r, 'monthlyCostUsd'))],
      ];
    },
  },
];

/** The service spec with this name, if any. */
export function findService(name: string): ServiceSpec | undefined {
  return SERVICES.find((service) => service.name === name);
}
