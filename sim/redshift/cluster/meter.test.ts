import { describe, expect, it } from 'vitest';
import { bytes, MILLIS_PER_HOUR, millis } from '../../core/index.ts';
import { PRICE_BOOKS } from '../../pricing/index.ts';
import { advanceClusters, createCluster, createClusterState, deleteCluster } from './clusters.ts';
import { creatingDuration } from './lifecycle.ts';
import { clusterUsdPerHour, redshiftCost, storageUse } from './meter.ts';

const INPUT = {
  ClusterIdentifier: 'demo',
  NodeType: 'dc1.large',
  ClusterType: 'multi-node',
  NumberOfNodes: 2,
  MasterUsername: 'master',
  MasterUserPassword: 'Workshop2016',
};

describe('the Redshift meters', () => {
  it('bills compute nodes per hour from available until the cluster is gone, not while creating', () => {
    const made = createCluster(createClusterState('2016'), INPUT, millis(0));
    if (!made.ok) throw new Error(made.error.message);
    const start = creatingDuration(2);
    expect(redshiftCost(made.value.state, PRICE_BOOKS['2016'], millis(start - 1))).toMatchObject({
      ok: true,
      value: { usdSoFar: 0, usdPerHourNow: 0 },
    });
    const running = advanceClusters(made.value.state, start);
    const hour = redshiftCost(running, PRICE_BOOKS['2016'], millis(start + MILLIS_PER_HOUR));
    // AWS-FACTS §6.1 row 65: dc1.large $0.25 per node-hour; two compute nodes, the leader free.
    expect(hour).toMatchObject({
      ok: true,
      value: {
        usdSoFar: 0.5,
        usdPerHourNow: 0.5,
        lines: [{ nodeHours: 2, priceId: 'redshift.dc1.large.nodeHour' }],
      },
    });
    const deleting = deleteCluster(
      running,
      { ClusterIdentifier: 'demo', SkipFinalClusterSnapshot: true },
      millis(start + 2 * MILLIS_PER_HOUR),
    );
    if (!deleting.ok) throw new Error(deleting.error.message);
    const end = deleting.value.cluster.deletedAt!;
    const after = redshiftCost(
      advanceClusters(deleting.value.state, end),
      PRICE_BOOKS['2016'],
      millis(end + 10 * MILLIS_PER_HOUR),
    );
    expect(after.ok && after.value.usdSoFar).toBeCloseTo((2 * 0.25 * (end - start)) / MILLIS_PER_HOUR, 10);
    expect(after.ok && after.value.usdPerHourNow).toBe(0);
  });

  it('prices a cluster before it exists, and fails with the price book’s reason when a price is missing', () => {
    expect(clusterUsdPerHour('ds2.xlarge', 3, PRICE_BOOKS['2016'])).toEqual({ ok: true, value: 2.55 });
    expect(clusterUsdPerHour('dc1.large', 1, PRICE_BOOKS.current)).toMatchObject({
      ok: false,
      error: { code: 'PriceNotInBook' },
    });
  });

  it('measures storage against nodes × storage per node (160 GB per dc1.large)', () => {
    expect(storageUse({ NodeType: 'dc1.large', NumberOfNodes: 2 }, bytes(32e9))).toEqual({
      usedBytes: 32e9,
      capacityBytes: 320e9,
      fraction: 0.1,
      managed: false,
    });
    expect(storageUse({ NodeType: 'ra3.4xlarge', NumberOfNodes: 2 }, bytes(0)).managed).toBe(true);
  });
});
