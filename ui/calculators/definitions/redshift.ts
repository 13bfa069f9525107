import { calculateRedshift, type RedshiftResult } from '../../../sim/calc/index.ts';
import { REDSHIFT_NODE_TYPES } from '../../../sim/catalog/index.ts';
import { formatCount, formatNumber, formatUnitPrice, formatUsd } from '../../../sim/core/index.ts';
import { choiceIn, numberIn, type CalculatorDefinition } from '../definition';

/** Redshift: storage, slices and on-demand cost of a cluster, and where "$1,000 / TB / year" comes from. */
export const redshiftCalculator: CalculatorDefinition<RedshiftResult> = {
  id: 'redshift',
  title: 'Redshift',
  question:
    'How much storage and how many slices does my cluster have, and what does it cost per TB per year?',
  inputs: [
    {
      kind: 'choice',
      key: 'nodeType',
      label: 'Node type',
      defaultValue: 'dc1.large',
      options: REDSHIFT_NODE_TYPES.map((node) => ({
        value: node.name,
        // Short enough for the field's width at 1280 pixels; the families are named in the hint.
        label: `${node.name} — ${node.era === 'current' ? 'after 2016' : node.family}`,
      })),
      hint: 'Lab 4 uses a single dc1.large node. dc: dense compute, ds: dense storage, ra3: managed storage; types after 2016 have no 2016 price.',
    },
    {
      kind: 'number',
      key: 'nodeCount',
      label: 'Compute nodes',
      unit: 'nodes',
      defaultValue: 1,
      min: 1,
      max: 128,
      integer: true,
      hint: '8xlarge and 16xlarge types need at least 2 nodes.',
    },
  ],
  calculate(values, book) {
    return calculateRedshift(
      { nodeType: choiceIn(values, 'nodeType'), nodeCount: numberIn(values, 'nodeCount') },
      book,
    );
  },
  headline(result) {
    return [
      {
        label: 'Storage',
        value: `${formatNumber(result.storageTb, { maxDecimals: 2 })} TB`,
        detail: `${formatCount(result.slices)} slices`,
      },
      { label: 'Per hour', value: formatUnitPrice(result.usdPerHour), detail: 'on demand' },
      { label: 'Per year', value: formatUsd(result.usdPerYear) },
      {
        label: 'Per TB per year',
        value: formatUnitPrice(result.usdPerTbYear),
        detail: 'the slide says $1,000 (see below)',
      },
    ];
  },
};
