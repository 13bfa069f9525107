/**
 * The node type's modelled speeds. AWS publishes no per-slice scan or network rates, so these are the
 * model's own figures, chosen for order of magnitude and derived from the catalogue's specs (sim/catalog):
 * - scan: 100 MiB/s per slice for one vCPU per slice on SSD (dc1.large, dc1.8xlarge), scaled by the vCPUs
 *   each slice has and by the storage: HDD (ds2) × 0.5, NVMe SSD (dc2) and RA3's managed storage with its
 *   local NVMe cache × 1.5;
 * - processing: 20 ns per row per slice for filtering, hashing and aggregating a row;
 * - network: 10 Gbit/s per node for the 8xlarge, 16xlarge and 4xlarge types, 1 Gbit/s for the smaller ones;
 * - the leader node's parse, plan and dispatch: 20 ms per query (compiled segments assumed cached).
 * Every time computed from these is labelled "modelled" in the UI.
 */
import { findRedshiftNodeType } from '../../catalog/index.ts';
import { MIB, millis, type BytesPerSecond, type Millis, bytesPerSecond } from '../../core/index.ts';

/** The modelled speeds of one node type. */
export interface NodeThroughput {
  /** Bytes one slice scans per second. */
  readonly scanPerSlice: BytesPerSecond;
  /** Milliseconds one slice spends per row it processes. */
  readonly millisPerRow: number;
  /** Bytes one node sends per second over the cluster's network. */
  readonly networkPerNode: BytesPerSecond;
  /** Fixed time on the leader node per query. */
  readonly leaderOverhead: Millis;
}

const STORAGE_FACTOR: Record<string, number> = { SSD: 1, HDD: 0.5, 'NVMe SSD': 1.5, managed: 1.5 };

/** The modelled speeds of a node type (by its API name); an unknown type is refused with its name. */
export function nodeThroughput(nodeType: string): NodeThroughput {
  const node = findRedshiftNodeType(nodeType);
  if (node === undefined) throw new Error(`Unknown node type "${nodeType}": the model has no speeds for it.`);
  const vcpuPerSlice = node.vcpu / node.slicesPerNode;
  const big = /\.(8xlarge|16xlarge|4xlarge)$/.test(node.name);
  return {
    scanPerSlice: bytesPerSecond(100 * MIB * vcpuPerSlice * (STORAGE_FACTOR[node.storageKind] ?? 1)),
    millisPerRow: 20e-6,
    networkPerNode: bytesPerSecond(big ? 1.25e9 : 0.125e9),
    leaderOverhead: millis(20),
  };
}
