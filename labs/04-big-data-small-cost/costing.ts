/**
 * Prices the learner's pipeline with the real calculators: the Kinesis stream at the learner's shard
 * count, a month of raw clicks in S3, and the daily EMR cluster; and checks it against the workload.
 */
import { formatUsd } from '../../sim/core/index.ts';
import { calculateEmr, calculateKinesis, calculateS3 } from '../../sim/calc/index.ts';
import type { CalcError, EmrResult, KinesisResult, S3Result } from '../../sim/calc/index.ts';
import { EC2_INSTANCE_TYPES, findEc2InstanceType, type Ec2InstanceType } from '../../sim/catalog/index.ts';
import { ec2HourPriceId, emrFeePriceId, priceOf } from '../../sim/pricing/index.ts';
import { archiveTerabytes, costScenario, DAYS_PER_MONTH } from './scenario.ts';
import type { CostLabWorkspace } from './workspace.ts';

/** One service's monthly cost in the learner's pipeline. */
export interface PipelineLine {
  readonly id: 'kinesis' | 's3' | 'emr';
  readonly label: string;
  readonly usd: number;
}

/** Everything the checks (and the UI) need about the learner's pipeline. */
export interface CostAssessment {
  /** The stream the workload needs with the learner's KPL choice (the calculator's sizing). */
  readonly stream:
    | { readonly ok: true; readonly value: KinesisResult }
    | { readonly ok: false; readonly errors: readonly CalcError[] };
  readonly archive:
    | { readonly ok: true; readonly value: S3Result }
    | { readonly ok: false; readonly errors: readonly CalcError[] };
  /** Null until the learner configures a cluster. */
  readonly cluster: {
    readonly vcpuHoursPerDay: number;
    readonly emr:
      | { readonly ok: true; readonly value: EmrResult }
      | { readonly ok: false; readonly errors: readonly CalcError[] };
  } | null;
  /** Monthly cost per service; a service that cannot be priced is left out and named in `unpriced`. */
  readonly lines: readonly PipelineLine[];
  readonly unpriced: readonly string[];
  readonly monthlyUsd: number;
}

/**
 * Instance types the lab's price book can price for EMR (both the EC2 and the EMR fee): what the
 * player offers first. Other types stay selectable and the check explains the missing price.
 */
export const pricedClusterInstanceTypes: readonly Ec2InstanceType[] = EC2_INSTANCE_TYPES.filter(
  (type) =>
    priceOf(costScenario.book, ec2HourPriceId(type.name)).ok &&
    priceOf(costScenario.book, emrFeePriceId(type.name)).ok,
);

/** Cost lines of the Kinesis calculator that grow with the number of shards. */
const perShardLines = new Set(['shardHours', 'extendedRetention']);

/** The stream's monthly cost at the learner's shard count: per-shard lines scaled from the calculator's sizing. */
function streamCostAt(stream: KinesisResult, shards: number): number {
  return stream.costBreakdown.reduce(
    (sum, line) => sum + (perShardLines.has(line.id) ? (line.usd / stream.shards) * shards : line.usd),
    0,
  );
}

/** Prices and sizes the learner's configuration. Pure. */
export function assessPipeline(workspace: CostLabWorkspace): CostAssessment {
  const { book } = costScenario;
  const stream = calculateKinesis(
    {
      recordsPerSecond: costScenario.averageClicksPerSecond,
      peakRecordsPerSecond: costScenario.peakClicksPerSecond,
      recordBytes: costScenario.clickBytes,
      consumers: costScenario.consumers,
      kplAggregation: workspace.stream.kplAggregation,
    },
    book,
  );
  const archive = calculateS3({ terabytes: archiveTerabytes, months: 1 }, book, {
    explainSlideFigures: false,
  });
  const config = workspace.cluster;
  const cluster = config
    ? {
        vcpuHoursPerDay:
          (findEc2InstanceType(config.instanceType)?.vcpu ?? 0) * config.instanceCount * config.hoursPerDay,
        emr: calculateEmr(
          {
            instanceType: config.instanceType,
            instanceCount: config.instanceCount,
            hours: config.hoursPerDay,
            runs: DAYS_PER_MONTH,
          },
          book,
          { explainSlideFigures: false },
        ),
      }
    : null;
  const lines: PipelineLine[] = [];
  const unpriced: string[] = [];
  if (stream.ok)
    lines.push({
      id: 'kinesis',
      label: 'Amazon Kinesis Streams',
      usd: streamCostAt(stream.value, workspace.stream.shards),
    });
  else unpriced.push('Amazon Kinesis Streams');
  if (archive.ok) lines.push({ id: 's3', label: 'Amazon S3', usd: archive.value.monthlyCostUsd });
  else unpriced.push('Amazon S3');
  if (cluster?.emr.ok) lines.push({ id: 'emr', label: 'Amazon EMR', usd: cluster.emr.value.totalUsd });
  else if (cluster) unpriced.push('Amazon EMR');
  return {
    stream,
    archive,
    cluster,
    lines,
    unpriced,
    monthlyUsd: lines.reduce((sum, line) => sum + line.usd, 0),
  };
}

/** "$58.60 Amazon Kinesis Streams, …" for feedback. */
export const describeLines = (lines: readonly PipelineLine[]): string =>
  lines.map((line) => `${line.label} ${formatUsd(line.usd)}`).join(', ');
