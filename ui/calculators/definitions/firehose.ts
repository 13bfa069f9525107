import { calculateFirehose, type FirehoseResult } from '../../../sim/calc/index.ts';
import { formatCount, formatDuration, formatNumber, formatUsd } from '../../../sim/core/index.ts';
import { choiceIn, numberIn, optionalNumberIn, type CalculatorDefinition } from '../definition';

const triggerText: Record<FirehoseResult['deliveryTrigger'], string> = {
  size: 'the size hint fills first',
  interval: 'the interval hint fires first',
  none: 'no data to deliver',
};

/** Firehose: the month's ingest cost with 5 KB rounding, and what the buffering hints do to delivery. */
export const firehoseCalculator: CalculatorDefinition<FirehoseResult> = {
  id: 'firehose',
  title: 'Firehose',
  question: 'What does delivering my data with Firehose cost, and how often does it write to S3?',
  inputs: [
    {
      kind: 'choice',
      key: 'volumeAs',
      label: 'Give the volume as',
      defaultValue: 'records',
      options: [
        { value: 'records', label: 'Records per second' },
        { value: 'gb', label: 'GB per month' },
      ],
    },
    {
      kind: 'number',
      key: 'recordsPerSecond',
      label: 'Records per second',
      unit: 'records/s',
      defaultValue: 1000,
      min: 0,
      max: 100_000_000,
      showWhen: { key: 'volumeAs', equals: 'records' },
    },
    {
      kind: 'number',
      key: 'gbPerMonth',
      label: 'Data per month',
      unit: 'GB',
      defaultValue: 100,
      min: 0,
      max: 1e9,
      showWhen: { key: 'volumeAs', equals: 'gb' },
    },
    {
      kind: 'number',
      key: 'recordBytes',
      label: 'Average record size',
      unit: 'bytes',
      defaultValue: 500,
      min: 1,
      max: 1_024_000,
      integer: true,
      hint: 'Each record is billed as at least 5 KB.',
    },
    {
      kind: 'number',
      key: 'bufferSizeMiB',
      label: 'Buffer size hint',
      unit: 'MiB',
      defaultValue: 5,
      min: 1,
      max: 128,
      integer: true,
      hint: 'BufferingHints SizeInMBs.',
    },
    {
      kind: 'number',
      key: 'bufferIntervalSeconds',
      label: 'Buffer interval hint',
      unit: 'seconds',
      defaultValue: 300,
      min: 0,
      max: 900,
      integer: true,
      hint: 'BufferingHints IntervalInSeconds; 60 to 900 in 2016.',
    },
    {
      kind: 'number',
      key: 'recordsPerRequest',
      label: 'Records per PutRecordBatch call',
      unit: 'records',
      defaultValue: 500,
      min: 1,
      max: 500,
      integer: true,
    },
  ],
  calculate(values, book) {
    const byRecords = choiceIn(values, 'volumeAs') === 'records';
    const bufferSizeMiB = optionalNumberIn(values, 'bufferSizeMiB');
    const bufferIntervalSeconds = optionalNumberIn(values, 'bufferIntervalSeconds');
    const recordsPerRequest = optionalNumberIn(values, 'recordsPerRequest');
    return calculateFirehose(
      {
        ...(byRecords
          ? { recordsPerSecond: numberIn(values, 'recordsPerSecond') }
          : { gbPerMonth: numberIn(values, 'gbPerMonth') }),
        recordBytes: numberIn(values, 'recordBytes'),
        ...(bufferSizeMiB === undefined ? {} : { bufferSizeMiB }),
        ...(bufferIntervalSeconds === undefined ? {} : { bufferIntervalSeconds }),
        ...(recordsPerRequest === undefined ? {} : { recordsPerRequest }),
      },
      book,
    );
  },
  headline(result) {
    return [
      { label: 'Monthly cost', value: formatUsd(result.monthlyCostUsd) },
      {
        label: 'Billed per month',
        value: `${formatNumber(result.billedGbPerMonth, { maxDecimals: 1 })} GB`,
        detail: `${formatCount(result.billedBytesPerRecord)} bytes billed per record`,
      },
      {
        label: 'S3 objects per hour',
        value: result.objectsPerHour === null ? '—' : formatNumber(result.objectsPerHour, { maxDecimals: 1 }),
        detail: triggerText[result.deliveryTrigger],
      },
      {
        label: 'Longest wait in the buffer',
        value: result.objectsPerHour === null ? '—' : formatDuration(result.bufferSeconds),
        detail: 'before delivery to S3 starts',
      },
    ];
  },
};
