import {
  bytes,
  GB_DECIMAL,
  MILLIS_PER_HOUR,
  ok,
  usd,
  type Bytes,
  type Millis,
  type Result,
  type Usd,
} from '../../core/index.ts';
import { findRedshiftNodeType } from '../../catalog/index.ts';
import { priceOf, redshiftNodePriceId, type PriceBook } from '../../pricing/index.ts';
import type { RedshiftCluster, RedshiftClusterState } from './clusters.ts';

/**
 * What the clusters cost and how full they are. On demand, Redshift bills each compute node per hour from
 * the moment the cluster is available until it terminates; a multi-node cluster's leader node is free
 * (AWS-FACTS §6.1–6.2). Node-hours here are exact fractions of an hour: how AWS rounded partial hours in
 * 2016 is not modelled.
 */

/** The meter of one cluster. */
export interface ClusterCostLine {
  readonly ClusterIdentifier: string;
  readonly NodeType: string;
  readonly nodes: number;
  /** The price book's id for this node type's node-hour. */
  readonly priceId: string;
  readonly usdPerNodeHour: Usd;
  /** What the cluster costs per hour while it runs: nodes × price per node-hour. */
  readonly usdPerHour: Usd;
  readonly nodeHours: number;
  readonly usdSoFar: Usd;
}

/** The cost of every cluster the account has run, up to `now`. */
export interface RedshiftCost {
  readonly lines: readonly ClusterCostLine[];
  readonly usdSoFar: Usd;
  /** What the running clusters cost per hour now. */
  readonly usdPerHourNow: Usd;
}

/** Adds up node-hours from the billing periods, priced from `book`; fails when the book lacks a price. */
export function redshiftCost(
  state: RedshiftClusterState,
  book: PriceBook,
  now: Millis,
): Result<RedshiftCost> {
  const lines: ClusterCostLine[] = [];
  let total = 0;
  let perHourNow = 0;
  for (const period of state.billing) {
    const priceId = redshiftNodePriceId(period.NodeType);
    const price = priceOf(book, priceId);
    if (!price.ok) return price;
    const end = period.until === null ? now : Math.min(now, period.until);
    const nodeHours = (period.nodes * Math.max(0, end - period.from)) / MILLIS_PER_HOUR;
    const usdSoFar = nodeHours * price.value.value;
    const running = now >= period.from && (period.until === null || now < period.until);
    if (running) perHourNow += period.nodes * price.value.value;
    total += usdSoFar;
    lines.push({
      ClusterIdentifier: period.ClusterIdentifier,
      NodeType: period.NodeType,
      nodes: period.nodes,
      priceId,
      usdPerNodeHour: price.value.value,
      usdPerHour: usd(period.nodes * price.value.value),
      nodeHours,
      usdSoFar: usd(usdSoFar),
    });
  }
  return ok({ lines, usdSoFar: usd(total), usdPerHourNow: usd(perHourNow) });
}

/** What a cluster of this shape would cost per hour, before it is created (for the create form). */
export function clusterUsdPerHour(nodeType: string, nodes: number, book: PriceBook): Result<Usd> {
  const price = priceOf(book, redshiftNodePriceId(nodeType));
  return price.ok ? ok(usd(nodes * price.value.value)) : price;
}

/** How full a cluster is: stored bytes against what its nodes hold. */
export interface StorageUse {
  readonly usedBytes: Bytes;
  readonly capacityBytes: Bytes;
  /** used ÷ capacity, 0 to 1 (or above, when the data would not fit). */
  readonly fraction: number;
  /** RA3 keeps data in managed storage: the capacity is the most the nodes can address, billed separately. */
  readonly managed: boolean;
}

/**
 * Storage used against capacity: nodes × storage per node (GB as the node table prints them, 10^9 bytes).
 * `usedBytes` comes from the table storage (1 MB blocks per column per slice).
 */
export function storageUse(
  cluster: Pick<RedshiftCluster, 'NodeType' | 'NumberOfNodes'>,
  usedBytes: Bytes,
): StorageUse {
  const node = findRedshiftNodeType(cluster.NodeType);
  if (node === undefined) throw new Error(`No node type ${cluster.NodeType} in the catalogue.`);
  const capacity = cluster.NumberOfNodes * node.storageGbPerNode * GB_DECIMAL;
  return {
    usedBytes,
    capacityBytes: bytes(capacity),
    fraction: usedBytes / capacity,
    managed: node.storageKind === 'managed',
  };
}
