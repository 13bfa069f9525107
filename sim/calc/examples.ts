import type { EmrInput } from './emr.ts';
import type { FirehoseInput } from './firehose.ts';
import type { KinesisInput } from './kinesis.ts';
import type { MlInput } from './ml.ts';
import type { PipelineInput } from './pipeline.ts';
import type { RedshiftInput } from './redshift.ts';
import type { S3Input } from './s3.ts';

/**
 * Starting inputs for each calculator (the UI's first state and the CLI's examples), chosen from the
 * workshop: the Kinesis example, the lab-4 Firehose interval, cluster and node.
 */
export const CALCULATOR_EXAMPLES: {
  readonly kinesis: KinesisInput;
  readonly firehose: FirehoseInput;
  readonly s3: S3Input;
  readonly emr: EmrInput;
  readonly redshift: RedshiftInput;
  readonly ml: MlInput;
  readonly pipeline: PipelineInput;
} = {
  /** 3,000 records/s of 500 bytes, one consumer: 3 shards, bound by records per second. */
  kinesis: {
    recordsPerSecond: 3000,
    recordBytes: 500,
    consumers: 1,
    retentionHours: 24,
    kplAggregation: false,
  },
  /** Lab 4 sets BufferingHints IntervalInSeconds=60. */
  firehose: { recordsPerSecond: 100, recordBytes: 3000, bufferSizeMiB: 5, bufferIntervalSeconds: 60 },
  s3: { terabytes: 1, months: 12, storageClass: 'standard' },
  /** Lab 4: emr-4.5.0 on 2 × m3.xlarge. */
  emr: { instanceType: 'm3.xlarge', instanceCount: 2, hours: 1, purchase: 'on-demand' },
  /** Lab 4: a single-node dc1.large cluster. */
  redshift: { nodeType: 'dc1.large', nodeCount: 1 },
  ml: { computeHours: 10, batchPredictions: 100_000, realtimePredictions: 0 },
  pipeline: { logLinesPerSecond: 100, bytesPerLine: 300 },
};
