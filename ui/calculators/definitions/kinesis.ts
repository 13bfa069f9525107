import { calculateKinesis, PARTITION_KEY_BYTES_RULE, type KinesisResult } from '../../../sim/calc/index.ts';
import { formatCount, formatNumber, formatUsd } from '../../../sim/core/index.ts';
import { MIB } from '../../../sim/core/index.ts';
import { choiceIn, numberIn, optionalNumberIn, type CalculatorDefinition } from '../definition';

/** Kinesis Streams: shards needed under each per-shard limit, the binding one, headroom and a month's cost. */
export const kinesisCalculator: CalculatorDefinition<KinesisResult> = {
  id: 'kinesis',
  title: 'Kinesis Streams',
  question: 'How many shards does my stream need, which limit decides it, and what does a month cost?',
  inputs: [
    {
      kind: 'number',
      key: 'recordsPerSecond',
      label: 'Average records per second',
      unit: 'records/s',
      defaultValue: 3000,
      min: 0,
      max: 100_000_000,
    },
    {
      kind: 'number',
      key: 'peakRecordsPerSecond',
      label: 'Peak records per second',
      unit: 'records/s',
      defaultValue: undefined,
      optional: true,
      min: 0,
      max: 100_000_000,
      hint: 'The stream is sized for the peak. Leave empty to use the average.',
    },
    {
      kind: 'number',
      key: 'recordBytes',
      label: 'Average record size',
      unit: 'bytes',
      defaultValue: 500,
      min: 1,
      max: MIB,
      integer: true,
    },
    {
      kind: 'number',
      key: 'partitionKeyBytes',
      label: PARTITION_KEY_BYTES_RULE.label,
      unit: 'bytes',
      defaultValue: 0,
      min: PARTITION_KEY_BYTES_RULE.min,
      max: PARTITION_KEY_BYTES_RULE.max,
      integer: PARTITION_KEY_BYTES_RULE.integer ?? false,
      hint: 'Keys count toward the 1 MiB/s write limit per shard (and, with the KPL, into each aggregate). 0 leaves them out.',
    },
    {
      kind: 'number',
      key: 'consumers',
      label: 'Consuming applications',
      unit: 'apps',
      defaultValue: 1,
      min: 0,
      max: 1000,
      integer: true,
      hint: 'KCL apps, Lambda functions… each reads every shard.',
    },
    {
      kind: 'number',
      key: 'retentionHours',
      label: 'Retention',
      unit: 'hours',
      defaultValue: 24,
      min: 24,
      max: 8760,
      integer: true,
      hint: '24 h included; 2016 allowed up to 168 h (7 days).',
    },
    {
      kind: 'choice',
      key: 'kplAggregation',
      label: 'KPL aggregation',
      defaultValue: 'off',
      options: [
        { value: 'off', label: 'Off' },
        { value: 'on', label: 'On' },
      ],
      hint: 'On: the KPL packs many user records into each Kinesis record.',
    },
  ],
  calculate(values, book) {
    const peak = optionalNumberIn(values, 'peakRecordsPerSecond');
    return calculateKinesis(
      {
        recordsPerSecond: numberIn(values, 'recordsPerSecond'),
        ...(peak === undefined ? {} : { peakRecordsPerSecond: peak }),
        recordBytes: numberIn(values, 'recordBytes'),
        partitionKeyBytes: numberIn(values, 'partitionKeyBytes'),
        consumers: numberIn(values, 'consumers'),
        retentionHours: numberIn(values, 'retentionHours'),
        kplAggregation: choiceIn(values, 'kplAggregation') === 'on',
      },
      book,
    );
  },
  headline(result) {
    return [
      {
        label: 'Shards needed',
        value: formatCount(result.shards),
        detail: `bound by ${result.bindingLimitLabel}`,
      },
      { label: 'Monthly cost', value: formatUsd(result.monthlyCostUsd) },
      {
        label: 'Headroom at the peak',
        value: `${formatNumber(result.headroomPercent, { maxDecimals: 1 })} %`,
        detail: 'spare capacity on the busiest limit',
      },
    ];
  },
};
