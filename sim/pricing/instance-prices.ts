import { EC2_INSTANCE_TYPES } from '../catalog/index.ts';
import { REDSHIFT_NODE_TYPES } from '../catalog/index.ts';
import { HOW_TO_OVERRIDE, type PriceSpec } from './facts.ts';

/**
 * Per-hour prices of EC2 instances, the EMR fee on top of them, and Redshift nodes — only where a source
 * gives the number. Every other catalogue type is listed as missing, so a calculator asks for an override
 * instead of inventing a price.
 */

/** Price id of an EC2 on-demand Linux instance-hour. */
export const ec2HourPriceId = (instanceType: string): string => `ec2.${instanceType}.onDemandHour`;
/** Price id of the EMR fee per instance-hour. */
export const emrFeePriceId = (instanceType: string): string => `emr.${instanceType}.feeHour`;
/** Price id of a Redshift on-demand node-hour. */
export const redshiftNodePriceId = (nodeType: string): string => `redshift.${nodeType}.nodeHour`;

const noSourcedPrice = `No sourced price in this book. ${HOW_TO_OVERRIDE}`;

const sourced2016: Record<string, PriceSpec> = {
  [ec2HourPriceId('m3.xlarge')]: {
    label: 'EC2 m3.xlarge on-demand (Linux)',
    value: 0.266,
    per: 'instance-hour',
    sources: ['S'],
    confidence: 'secondary',
    note: 'Several copies of the 2016 EC2 price page (row 60).',
  },
  [emrFeePriceId('m3.xlarge')]: {
    label: 'EMR fee for m3.xlarge',
    value: 0.07,
    per: 'instance-hour',
    sources: ['S'],
    confidence: 'secondary',
    note: 'From a third-party cost tool’s fallback EMR table — treat as secondary (row 60).',
  },
  [redshiftNodePriceId('dc1.large')]: {
    label: 'Redshift dc1.large on-demand',
    value: 0.25,
    per: 'node-hour',
    sources: ['RS-PRICE', 'SLIDES'],
    confidence: 'primary',
    note: 'The pricing page’s "start at $0.25 per hour" (row 65).',
  },
  [redshiftNodePriceId('dc1.8xlarge')]: {
    label: 'Redshift dc1.8xlarge on-demand',
    value: 4.8,
    per: 'node-hour',
    sources: ['S'],
    confidence: 'secondary',
  },
  [redshiftNodePriceId('ds2.xlarge')]: {
    label: 'Redshift ds2.xlarge on-demand',
    value: 0.85,
    per: 'node-hour',
    sources: ['S'],
    confidence: 'secondary',
  },
  [redshiftNodePriceId('ds2.8xlarge')]: {
    label: 'Redshift ds2.8xlarge on-demand',
    value: 6.8,
    per: 'node-hour',
    sources: ['S'],
    confidence: 'secondary',
  },
};

const currentNode = (nodeType: string, value: number): [string, PriceSpec] => [
  redshiftNodePriceId(nodeType),
  {
    label: `Redshift ${nodeType} on-demand`,
    value,
    per: 'node-hour',
    sources: ['S'],
    confidence: 'secondary',
    note: nodeType.startsWith('ra3')
      ? 'RA3 managed storage is billed separately per GB-month; that rate is unconfirmed and not included.'
      : undefined,
  },
];

const sourcedCurrent: Record<string, PriceSpec> = Object.fromEntries([
  currentNode('dc2.large', 0.25),
  currentNode('dc2.8xlarge', 4.8),
  currentNode('ra3.xlplus', 1.086),
  currentNode('ra3.4xlarge', 3.26),
  currentNode('ra3.16xlarge', 13.04),
]);

function missingFor(
  sourced: Readonly<Record<string, PriceSpec>>,
  reasonFor: (id: string, label: string) => string,
): Record<string, readonly [string, string, string]> {
  const missing: Record<string, readonly [string, string, string]> = {};
  const consider = (id: string, label: string, per: string) => {
    if (!(id in sourced)) missing[id] = [label, per, reasonFor(id, label)];
  };
  for (const type of EC2_INSTANCE_TYPES) {
    consider(ec2HourPriceId(type.name), `EC2 ${type.name} on-demand (Linux)`, 'instance-hour');
    consider(emrFeePriceId(type.name), `EMR fee for ${type.name}`, 'instance-hour');
  }
  for (const node of REDSHIFT_NODE_TYPES) {
    consider(redshiftNodePriceId(node.name), `Redshift ${node.name} on-demand`, 'node-hour');
  }
  return missing;
}

/** Sourced instance and node prices of the 2016 book. */
export const instancePrices2016: Readonly<Record<string, PriceSpec>> = sourced2016;
/** Instance and node prices the 2016 book does not have, with the reason. */
export const instanceMissing2016 = missingFor(sourced2016, (id) => {
  const node = REDSHIFT_NODE_TYPES.find((n) => id === redshiftNodePriceId(n.name));
  if (node && node.era === 'current') return `${node.name} did not exist in 2016 (${node.introduced}).`;
  return noSourcedPrice;
});

/** Sourced instance and node prices of the current book. */
export const instancePricesCurrent: Readonly<Record<string, PriceSpec>> = sourcedCurrent;
/** Instance and node prices the current book does not have, with the reason. */
export const instanceMissingCurrent = missingFor(sourcedCurrent, (id) => {
  const node = REDSHIFT_NODE_TYPES.find((n) => id === redshiftNodePriceId(n.name));
  if (node && node.era === '2016') {
    return `${node.name} is a legacy node type (upgrade path to DC2/RA3); no current price is sourced. ${HOW_TO_OVERRIDE}`;
  }
  return `No current price is sourced for this instance type. ${HOW_TO_OVERRIDE}`;
});
