/**
 * Redshift node types with their specs and cluster-size limits. 2016 types from RS-MG18 (the earliest
 * table, January 2018; DC2 did not exist in 2016), today's from RS-MG23 — AWS-FACTS §6.1, rows 65–68.
 */

import type { Era } from '../core/index.ts';

/** One Redshift node type. */
export interface RedshiftNodeType {
  /** The API name, such as `dc1.large`. */
  readonly name: string;
  /** Which price book era the node type belongs to. */
  readonly era: Era;
  /** Dense compute (SSD), dense storage (HDD) or RA3 with managed storage. */
  readonly family: 'dense compute' | 'dense storage' | 'ra3 managed storage';
  readonly vcpu: number;
  /** EC2 compute units; only the 2016 table gives them. */
  readonly ecu?: number;
  readonly memoryGiB: number;
  /** Storage per node in GB (decimal, as the table prints "160 GB", "2 TB", "2.56 TB"). */
  readonly storageGbPerNode: number;
  readonly storageKind: 'SSD' | 'HDD' | 'NVMe SSD' | 'managed';
  readonly slicesPerNode: number;
  /** Fewest compute nodes per cluster (2 for the 8xlarge types: no single-node 8xlarge cluster). */
  readonly minNodes: number;
  /** Most compute nodes per cluster. */
  readonly maxNodes: number;
  readonly sources: readonly string[];
  /** When it appeared, for types not in the 2016 book. */
  readonly introduced?: string;
  readonly note?: string;
}

/** Every Redshift node type the calculators know. */
export const REDSHIFT_NODE_TYPES: readonly RedshiftNodeType[] = [
  {
    name: 'dc1.large',
    era: '2016',
    family: 'dense compute',
    vcpu: 2,
    ecu: 7,
    memoryGiB: 15,
    storageGbPerNode: 160,
    storageKind: 'SSD',
    slicesPerNode: 2,
    minNodes: 1,
    maxNodes: 32,
    sources: ['RS-MG18'],
    note: 'The lab-4 cluster: a single dc1.large node.',
  },
  {
    name: 'dc1.8xlarge',
    era: '2016',
    family: 'dense compute',
    vcpu: 32,
    ecu: 104,
    memoryGiB: 244,
    storageGbPerNode: 2560,
    storageKind: 'SSD',
    slicesPerNode: 32,
    minNodes: 2,
    maxNodes: 128,
    sources: ['RS-MG18'],
  },
  {
    name: 'ds2.xlarge',
    era: '2016',
    family: 'dense storage',
    vcpu: 4,
    ecu: 13,
    memoryGiB: 31,
    storageGbPerNode: 2000,
    storageKind: 'HDD',
    slicesPerNode: 2,
    minNodes: 1,
    maxNodes: 32,
    sources: ['RS-MG18'],
  },
  {
    name: 'ds2.8xlarge',
    era: '2016',
    family: 'dense storage',
    vcpu: 36,
    ecu: 119,
    memoryGiB: 244,
    storageGbPerNode: 16000,
    storageKind: 'HDD',
    slicesPerNode: 16,
    minNodes: 2,
    maxNodes: 128,
    sources: ['RS-MG18'],
  },
  {
    name: 'dc2.large',
    era: 'current',
    family: 'dense compute',
    vcpu: 2,
    memoryGiB: 15,
    storageGbPerNode: 160,
    storageKind: 'NVMe SSD',
    slicesPerNode: 2,
    minNodes: 1,
    maxNodes: 32,
    sources: ['RS-MG23'],
    introduced: 'DC2 launched after 2016',
  },
  {
    name: 'dc2.8xlarge',
    era: 'current',
    family: 'dense compute',
    vcpu: 32,
    memoryGiB: 244,
    storageGbPerNode: 2560,
    storageKind: 'NVMe SSD',
    slicesPerNode: 16,
    minNodes: 2,
    maxNodes: 128,
    sources: ['RS-MG23'],
    introduced: 'DC2 launched after 2016',
    note: '16 slices, not dc1.8xlarge’s 32: restoring a dc1.8xlarge snapshot needs a resize.',
  },
  {
    name: 'ra3.xlplus',
    era: 'current',
    family: 'ra3 managed storage',
    vcpu: 4,
    memoryGiB: 32,
    storageGbPerNode: 32_000,
    storageKind: 'managed',
    slicesPerNode: 2,
    minNodes: 2,
    maxNodes: 32,
    sources: ['RS-MG23'],
    introduced: 'RA3 launched after 2016',
    note: '2–16 nodes at create, elastic resize to 32; storage is managed (billed separately).',
  },
  {
    name: 'ra3.4xlarge',
    era: 'current',
    family: 'ra3 managed storage',
    vcpu: 12,
    memoryGiB: 96,
    storageGbPerNode: 128_000,
    storageKind: 'managed',
    slicesPerNode: 4,
    minNodes: 2,
    maxNodes: 64,
    sources: ['RS-MG23'],
    introduced: 'RA3 launched after 2016',
    note: '2–32 nodes at create, elastic resize to 64; storage is managed (billed separately).',
  },
  {
    name: 'ra3.16xlarge',
    era: 'current',
    family: 'ra3 managed storage',
    vcpu: 48,
    memoryGiB: 384,
    storageGbPerNode: 128_000,
    storageKind: 'managed',
    slicesPerNode: 16,
    minNodes: 2,
    maxNodes: 128,
    sources: ['RS-MG23'],
    introduced: 'RA3 launched after 2016',
  },
];

/** The node type with this API name, if the catalogue has it. */
export function findRedshiftNodeType(name: string): RedshiftNodeType | undefined {
  return REDSHIFT_NODE_TYPES.find((node) => node.name === name);
}
