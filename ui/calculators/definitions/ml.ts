import { calculateMl, type MlResult } from '../../../sim/calc/index.ts';
import { formatUsd } from '../../../sim/core/index.ts';
import { numberIn, optionalNumberIn, type CalculatorDefinition } from '../definition';

/** Amazon ML: compute hours, batch and real-time predictions, and the real-time endpoint's reservation. */
export const mlCalculator: CalculatorDefinition<MlResult> = {
  id: 'ml',
  title: 'Amazon ML',
  question: 'What do training, evaluation and predictions with Amazon Machine Learning cost in a month?',
  inputs: [
    {
      kind: 'number',
      key: 'computeHours',
      label: 'Compute hours',
      unit: 'hours',
      defaultValue: 10,
      min: 0,
      max: 1e6,
      hint: 'Data analysis, training and evaluation.',
    },
    {
      kind: 'number',
      key: 'batchPredictions',
      label: 'Batch predictions',
      unit: 'per month',
      defaultValue: 100_000,
      min: 0,
      max: 1e12,
      integer: true,
    },
    {
      kind: 'number',
      key: 'realtimePredictions',
      label: 'Real-time predictions',
      unit: 'per month',
      defaultValue: 0,
      min: 0,
      max: 1e12,
      integer: true,
      hint: 'Real-time predictions need an endpoint: give its model size below.',
    },
    {
      kind: 'number',
      key: 'endpointModelMb',
      label: 'Endpoint model size',
      unit: 'MB',
      defaultValue: 0,
      min: 0,
      max: 2048,
      hint: '0 = no real-time endpoint.',
    },
    {
      kind: 'number',
      key: 'endpointHours',
      label: 'Endpoint hours',
      unit: 'hours',
      defaultValue: undefined,
      optional: true,
      min: 0,
      max: 8760,
      hint: 'Leave empty for a whole month (730 h) when there is an endpoint.',
    },
  ],
  calculate(values, book) {
    const endpointModelMb = optionalNumberIn(values, 'endpointModelMb');
    const endpointHours = optionalNumberIn(values, 'endpointHours');
    return calculateMl(
      {
        computeHours: numberIn(values, 'computeHours'),
        batchPredictions: numberIn(values, 'batchPredictions'),
        realtimePredictions: numberIn(values, 'realtimePredictions'),
        ...(endpointModelMb === undefined ? {} : { endpointModelMb }),
        ...(endpointHours === undefined ? {} : { endpointHours }),
      },
      book,
    );
  },
  headline(result) {
    return [
      { label: 'Monthly cost', value: formatUsd(result.totalUsd) },
      { label: 'Compute', value: formatUsd(result.computeUsd) },
      {
        label: 'Predictions',
        value: formatUsd(result.batchUsd + result.realtimeUsd + result.reservedCapacityUsd),
        detail: 'batch + real-time + endpoint reservation',
      },
    ];
  },
};
