import { calculatePipeline, LAB4_DEFAULTS, type PipelineResult } from '../../../sim/calc/index.ts';
import { EC2_INSTANCE_TYPES } from '../../../sim/catalog/index.ts';
import { REDSHIFT_NODE_TYPES } from '../../../sim/catalog/index.ts';
import { formatUsd } from '../../../sim/core/index.ts';
import { choiceIn, numberIn, optionalNumberIn, type CalculatorDefinition } from '../definition';

/** The choice that leaves the Redshift node type to the lab's default for the price book's era. */
const LAB_NODE = 'lab';

/** The lab-4 pipeline (web logs → Firehose → S3 → EMR → Redshift): a month's cost, service by service. */
export const pipelineCalculator: CalculatorDefinition<PipelineResult> = {
  id: 'pipeline',
  title: 'Whole pipeline',
  question:
    'What does the lab-4 pipeline — web logs through Firehose to S3, EMR and Redshift — cost in a month?',
  inputs: [
    {
      kind: 'number',
      key: 'logLinesPerSecond',
      label: 'Log lines per second',
      unit: 'lines/s',
      defaultValue: 1000,
      min: 0,
      max: 100_000_000,
    },
    {
      kind: 'number',
      key: 'bytesPerLine',
      label: 'Bytes per log line',
      unit: 'bytes',
      defaultValue: 250,
      min: 1,
      max: 1_024_000,
      integer: true,
    },
    {
      kind: 'number',
      key: 'compressionRatio',
      label: 'GZIP compression ratio',
      unit: ': 1',
      defaultValue: 1,
      min: 1,
      max: 100,
      hint: 'Raw bytes ÷ stored bytes; 1 = stored as sent. Measure your own logs.',
    },
    {
      kind: 'number',
      key: 'bufferIntervalSeconds',
      label: 'Firehose buffer interval',
      unit: 'seconds',
      defaultValue: LAB4_DEFAULTS.bufferIntervalSeconds,
      min: 0,
      max: 900,
      integer: true,
    },
    {
      kind: 'number',
      key: 'bufferSizeMiB',
      label: 'Firehose buffer size',
      unit: 'MiB',
      defaultValue: LAB4_DEFAULTS.bufferSizeMiB,
      min: 1,
      max: 128,
      integer: true,
    },
    {
      kind: 'choice',
      key: 'emrInstanceType',
      label: 'EMR instance type',
      defaultValue: LAB4_DEFAULTS.emrInstanceType,
      options: EC2_INSTANCE_TYPES.map((type) => ({ value: type.name, label: type.name })),
    },
    {
      kind: 'number',
      key: 'emrInstanceCount',
      label: 'EMR nodes',
      unit: 'nodes',
      defaultValue: LAB4_DEFAULTS.emrInstanceCount,
      min: 1,
      max: 1000,
      integer: true,
    },
    {
      kind: 'number',
      key: 'emrHoursPerDay',
      label: 'EMR hours per day',
      unit: 'hours',
      defaultValue: LAB4_DEFAULTS.emrHoursPerDay,
      min: 0,
      max: 24,
      hint: 'A cluster started once a day for this long.',
    },
    {
      kind: 'choice',
      key: 'redshiftNodeType',
      label: 'Redshift node type',
      defaultValue: LAB_NODE,
      options: [
        { value: LAB_NODE, label: 'Lab default' },
        ...REDSHIFT_NODE_TYPES.map((node) => ({ value: node.name, label: node.name })),
      ],
      hint: 'Lab default: dc1.large as in lab 4, or dc2.large in today’s book, which has no dc1.large.',
    },
    {
      kind: 'number',
      key: 'redshiftNodeCount',
      label: 'Redshift nodes',
      unit: 'nodes',
      defaultValue: LAB4_DEFAULTS.redshiftNodeCount,
      min: 1,
      max: 128,
      integer: true,
    },
  ],
  calculate(values, book) {
    const nodeType = choiceIn(values, 'redshiftNodeType');
    const compressionRatio = optionalNumberIn(values, 'compressionRatio');
    return calculatePipeline(
      {
        logLinesPerSecond: numberIn(values, 'logLinesPerSecond'),
        bytesPerLine: numberIn(values, 'bytesPerLine'),
        ...(compressionRatio === undefined ? {} : { compressionRatio }),
        bufferIntervalSeconds: numberIn(values, 'bufferIntervalSeconds'),
        bufferSizeMiB: numberIn(values, 'bufferSizeMiB'),
        emrInstanceType: choiceIn(values, 'emrInstanceType'),
        emrInstanceCount: numberIn(values, 'emrInstanceCount'),
        emrHoursPerDay: numberIn(values, 'emrHoursPerDay'),
        ...(nodeType === LAB_NODE ? {} : { redshiftNodeType: nodeType }),
        redshiftNodeCount: numberIn(values, 'redshiftNodeCount'),
      },
      book,
    );
  },
  headline(result) {
    const largest = [...result.segments].sort((a, b) => b.usd - a.usd)[0];
    return [
      { label: 'Pipeline per month', value: formatUsd(result.monthlyCostUsd) },
      ...(largest ? [{ label: 'Largest part', value: largest.label, detail: formatUsd(largest.usd) }] : []),
    ];
  },
};
