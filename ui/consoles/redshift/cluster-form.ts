/**
 * The create-cluster form's choices: the workshop's cluster by default (`demo`, dc1.large, single node,
 * port 8192, publicly accessible), the node types of the chosen era, and the hourly price from that era's
 * price book. Whether AWS would accept the values is the cluster model's to say (sim/redshift/cluster).
 */
import { REDSHIFT_NODE_TYPES, type RedshiftNodeType } from '../../../sim/catalog/index.ts';
import type { Era } from '../../../sim/core/index.ts';
import { PRICE_BOOKS, redshiftNodePriceId } from '../../../sim/pricing/index.ts';
import type { CreateClusterForm } from './protocol.ts';

/**
 * The workshop's `aws redshift create-cluster` (session 4), password left for the learner to choose, with
 * the account's COPY role associated (`roleArn`, when there is one) so COPY can read the sample data.
 */
export function workshopCluster(era: Era, roleArn: string | null = null): CreateClusterForm {
  return {
    era,
    ClusterIdentifier: 'demo',
    DBName: 'demo',
    NodeType: nodeTypesOf(era)[0]!.name,
    ClusterType: 'single-node',
    NumberOfNodes: null,
    MasterUsername: 'master',
    MasterUserPassword: '',
    Port: 8192,
    PubliclyAccessible: true,
    Encrypted: false,
    IamRoles: roleArn === null ? [] : [roleArn],
  };
}

/** The node types the era offered, in the catalogue's order (2016: dc1 and ds2; today: dc2 and ra3). */
export function nodeTypesOf(era: Era): readonly RedshiftNodeType[] {
  return REDSHIFT_NODE_TYPES.filter((node) => node.era === era);
}

/** Compute nodes the form asks for: 1 for a single node, else the count given. */
export function nodeCountOf(form: CreateClusterForm): number {
  return form.ClusterType === 'single-node' ? 1 : (form.NumberOfNodes ?? 0);
}

/** The cluster's on-demand price per hour, or why the era's price book has none. */
export function hourlyPrice(
  form: CreateClusterForm,
):
  | { readonly usdPerHour: number; readonly perNode: number; readonly source: string }
  | { readonly missing: string } {
  const book = PRICE_BOOKS[form.era];
  const id = redshiftNodePriceId(form.NodeType);
  const price = book.prices[id];
  if (price === undefined)
    return {
      missing: book.missing[id]?.reason ?? `The ${book.label} price book has no price for ${form.NodeType}.`,
    };
  const nodes = nodeCountOf(form);
  return { usdPerHour: price.value * nodes, perNode: price.value, source: book.label };
}
