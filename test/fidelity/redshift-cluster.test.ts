/**
 * Fidelity: the simulated cluster against AWS-FACTS §6 (rows 65–68 for node types) and the session's own
 * create-cluster command (shared/seed, "Data Analysis with Amazon Redshift").
 */
import { describe, expect, it } from 'vitest';
import { MILLIS_PER_HOUR, millis } from '../../sim/core/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';
import {
  advanceClusters,
  clusterShape,
  createCluster,
  createClusterState,
  creatingDuration,
  redshiftCost,
  storageUse,
  type CreateClusterInput,
} from '../../sim/redshift/index.ts';
import { bytes } from '../../sim/core/index.ts';

const base = { ClusterIdentifier: 'demo', MasterUsername: 'master', MasterUserPassword: 'Workshop2016' };
const make = (input: Partial<CreateClusterInput>, era: '2016' | 'current' = '2016') =>
  createCluster(createClusterState(era), { ...base, NodeType: 'dc1.large', ...input }, millis(0));

describe('Redshift clusters (AWS-FACTS §6)', () => {
  it('the session’s create-cluster is accepted as printed: single dc1.large, db demo, port 8192, public', () => {
    const made = make({ DBName: 'demo', ClusterType: 'single-node', PubliclyAccessible: true, Port: 8192 });
    expect(made.ok && made.value.cluster).toMatchObject({
      NumberOfNodes: 1,
      Port: 8192,
      DBName: 'demo',
      PubliclyAccessible: true,
    });
  });

  it('rows 65–68 (§6.1): slices per node and node ranges decide the cluster’s shape', () => {
    const shapes = [
      ['dc1.large', 1, 2],
      ['dc1.8xlarge', 2, 32],
      ['ds2.xlarge', 32, 2],
      ['ds2.8xlarge', 128, 16],
    ] as const;
    for (const [NodeType, nodes, slices] of shapes) {
      const made = make(
        nodes === 1 ? { NodeType } : { NodeType, ClusterType: 'multi-node', NumberOfNodes: nodes },
      );
      if (!made.ok) throw new Error(made.error.message);
      expect(clusterShape(made.value.cluster)).toEqual({ nodeType: NodeType, nodes, slicesPerNode: slices });
    }
    // 8xlarge types start at 2 nodes; large/xlarge types stop at 32, 8xlarge at 128 (§6.7).
    expect(make({ NodeType: 'dc1.8xlarge' }).ok).toBe(false);
    expect(make({ NodeType: 'ds2.xlarge', ClusterType: 'multi-node', NumberOfNodes: 33 }).ok).toBe(false);
    expect(make({ NodeType: 'ds2.8xlarge', ClusterType: 'multi-node', NumberOfNodes: 129 }).ok).toBe(false);
  });

  it('§6.1: dc2.8xlarge has 16 slices, not dc1.8xlarge’s 32; DC2 and RA3 exist only today', () => {
    const today = make({ NodeType: 'dc2.8xlarge', ClusterType: 'multi-node', NumberOfNodes: 2 }, 'current');
    expect(today.ok && clusterShape(today.value.cluster).slicesPerNode).toBe(16);
    expect(make({ NodeType: 'dc2.large' }).ok).toBe(false);
    expect(make({ NodeType: 'ra3.4xlarge', ClusterType: 'multi-node', NumberOfNodes: 2 }).ok).toBe(false);
  });

  it('§6.2: the leader node is added only with 2 or more compute nodes, and is not billed', () => {
    const single = make({});
    expect(single.ok && single.value.cluster.ClusterNodes.map((n) => n.NodeRole)).toEqual(['SHARED']);
    const multi = make({ ClusterType: 'multi-node', NumberOfNodes: 3 });
    if (!multi.ok) throw new Error(multi.error.message);
    expect(multi.value.cluster.ClusterNodes.map((n) => n.NodeRole)).toEqual([
      'LEADER',
      'COMPUTE-0',
      'COMPUTE-1',
      'COMPUTE-2',
    ]);
    const start = creatingDuration(3);
    const cost = redshiftCost(
      advanceClusters(multi.value.state, start),
      PRICE_BOOKS['2016'],
      millis(start + MILLIS_PER_HOUR),
    );
    // Row 65: dc1.large at $0.25 per node-hour: three compute nodes for an hour.
    expect(cost.ok && cost.value.usdSoFar).toBeCloseTo(0.75, 10);
  });

  it('§6.1: capacity is nodes × storage per node (dc1.large 160 GB; 32 nodes = 5.12 TB)', () => {
    expect(storageUse({ NodeType: 'dc1.large', NumberOfNodes: 32 }, bytes(0)).capacityBytes).toBe(5.12e12);
    expect(storageUse({ NodeType: 'ds2.8xlarge', NumberOfNodes: 128 }, bytes(0)).capacityBytes).toBe(
      2.048e15,
    );
  });
});
