import { calculateEmr, type EmrResult, type PurchaseOption } from '../../../sim/calc/index.ts';
import { EC2_INSTANCE_TYPES } from '../../../sim/catalog/index.ts';
import { formatUnitPrice, formatUsd } from '../../../sim/core/index.ts';
import { choiceIn, numberIn, optionalNumberIn, type CalculatorDefinition } from '../definition';

/** EMR: EC2 instance-hours plus the EMR fee, and whether the slide's "$0.15/hr, 10 nodes" can arise. */
export const emrCalculator: CalculatorDefinition<EmrResult> = {
  id: 'emr',
  title: 'EMR',
  question:
    'What does an EMR cluster cost per hour and per job — and could a 10-node Spark cluster cost $0.15/hr?',
  inputs: [
    {
      kind: 'choice',
      key: 'instanceType',
      label: 'Instance type',
      defaultValue: 'm3.xlarge',
      options: EC2_INSTANCE_TYPES.map((type) => ({
        value: type.name,
        label: `${type.name} (${type.vcpu} vCPU, ${type.memoryGiB} GiB)`,
      })),
      hint: 'Every node (master, core, task) of this type; lab 4 uses m3.xlarge.',
    },
    {
      kind: 'number',
      key: 'instanceCount',
      label: 'Nodes',
      unit: 'nodes',
      defaultValue: 10,
      min: 1,
      max: 1000,
      integer: true,
    },
    {
      kind: 'number',
      key: 'hours',
      label: 'Hours per run',
      unit: 'hours',
      defaultValue: 1,
      min: 0,
      max: 8760,
    },
    {
      kind: 'number',
      key: 'runs',
      label: 'Runs',
      unit: 'clusters',
      defaultValue: 1,
      min: 0,
      max: 10_000,
      hint: 'Each run is a cluster started and terminated, billed on its own.',
    },
    {
      kind: 'choice',
      key: 'purchase',
      label: 'Purchase option',
      defaultValue: 'on-demand',
      options: [
        { value: 'on-demand', label: 'On-demand' },
        { value: 'spot', label: 'Spot' },
      ],
    },
    {
      kind: 'number',
      key: 'spotPriceUsd',
      label: 'Spot price',
      unit: 'US $ per instance-hour',
      defaultValue: 0.05,
      min: 0,
      max: 1000,
      showWhen: { key: 'purchase', equals: 'spot' },
      hint: 'Spot prices move with demand: enter the price you bid or saw.',
    },
  ],
  calculate(values, book) {
    const purchase = choiceIn(values, 'purchase') as PurchaseOption;
    const runs = optionalNumberIn(values, 'runs');
    return calculateEmr(
      {
        instanceType: choiceIn(values, 'instanceType'),
        instanceCount: numberIn(values, 'instanceCount'),
        hours: numberIn(values, 'hours'),
        ...(runs === undefined ? {} : { runs }),
        purchase,
        ...(purchase === 'spot' ? { spotPriceUsd: numberIn(values, 'spotPriceUsd') } : {}),
      },
      book,
    );
  },
  headline(result) {
    const figures = [
      {
        label: 'Cluster per hour',
        value: formatUnitPrice(result.clusterUsdPerHour),
        detail: 'EC2 + EMR fee',
      },
      {
        label: 'Total',
        value: formatUsd(result.totalUsd),
        detail: `EC2 ${formatUsd(result.ec2Usd)} + EMR ${formatUsd(result.emrFeeUsd)}`,
      },
    ];
    if (result.slideCheck) {
      figures.push({
        label: 'Slide: “$0.15/hr, 10-node Spark cluster”',
        value: result.slideCheck.possible ? 'Possible' : 'Not with these prices',
        detail: `it implies ${formatUnitPrice(result.slideCheck.impliedUsdPerNodeHour)} per node-hour`,
      });
    }
    return figures;
  },
};
