import { calculateS3, type S3Result, type StorageClass } from '../../../sim/calc/index.ts';
import { formatUnitPrice, formatUsd } from '../../../sim/core/index.ts';
import { choiceIn, numberIn, optionalNumberIn, type CalculatorDefinition } from '../definition';

/** S3 and Glacier: what keeping some terabytes for some months costs, per storage class. */
export const s3Calculator: CalculatorDefinition<S3Result> = {
  id: 's3',
  title: 'S3 and Glacier',
  question: 'What does keeping my data in S3 or Glacier cost over the months I need it?',
  inputs: [
    {
      kind: 'number',
      key: 'terabytes',
      label: 'Data stored',
      unit: 'TB',
      defaultValue: 1,
      min: 0,
      max: 1_000_000,
      hint: '1 TB = 1,024 GB, as the price list counts it.',
    },
    {
      kind: 'number',
      key: 'months',
      label: 'Months stored',
      unit: 'months',
      defaultValue: 12,
      min: 1,
      max: 120,
      integer: true,
    },
    {
      kind: 'choice',
      key: 'storageClass',
      label: 'Storage class',
      defaultValue: 'standard',
      options: [
        { value: 'standard', label: 'S3 Standard' },
        { value: 'standard-ia', label: 'S3 Standard-IA' },
        { value: 'glacier', label: 'Glacier' },
      ],
    },
    {
      kind: 'number',
      key: 'putRequestsPerMonth',
      label: 'PUT, COPY, POST, LIST requests',
      unit: 'per month',
      defaultValue: 0,
      min: 0,
      max: 1e12,
      integer: true,
    },
    {
      kind: 'number',
      key: 'getRequestsPerMonth',
      label: 'GET requests',
      unit: 'per month',
      defaultValue: 0,
      min: 0,
      max: 1e12,
      integer: true,
    },
  ],
  calculate(values, book) {
    const puts = optionalNumberIn(values, 'putRequestsPerMonth');
    const gets = optionalNumberIn(values, 'getRequestsPerMonth');
    return calculateS3(
      {
        terabytes: numberIn(values, 'terabytes'),
        months: numberIn(values, 'months'),
        storageClass: choiceIn(values, 'storageClass') as StorageClass,
        ...(puts === undefined ? {} : { putRequestsPerMonth: puts }),
        ...(gets === undefined ? {} : { getRequestsPerMonth: gets }),
      },
      book,
    );
  },
  headline(result) {
    return [
      { label: 'Monthly cost', value: formatUsd(result.monthlyCostUsd) },
      { label: 'Total for the period', value: formatUsd(result.totalCostUsd) },
      {
        label: 'Storage per TB-month',
        value: formatUnitPrice(result.usdPerTbMonth),
        detail: 'average over the tiers used',
      },
    ];
  },
};
