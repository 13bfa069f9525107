import { describe, expect, it } from 'vitest';
import { hourlyPrice, nodeTypesOf, workshopCluster } from './cluster-form.ts';

describe('the create-cluster form', () => {
  it('starts as the workshop’s cluster: demo, dc1.large, single node, port 8192', () => {
    expect(workshopCluster('2016')).toMatchObject({
      ClusterIdentifier: 'demo',
      DBName: 'demo',
      NodeType: 'dc1.large',
      ClusterType: 'single-node',
      MasterUsername: 'master',
      Port: 8192,
      PubliclyAccessible: true,
    });
  });

  it('offers the node types of the era', () => {
    expect(nodeTypesOf('2016').map((n) => n.name)).toEqual([
      'dc1.large',
      'dc1.8xlarge',
      'ds2.xlarge',
      'ds2.8xlarge',
    ]);
    expect(nodeTypesOf('current').map((n) => n.name)).toContain('ra3.4xlarge');
    expect(workshopCluster('current').NodeType).toBe('dc2.large');
  });

  it('prices the workshop cluster at $0.25 an hour (AWS-FACTS row 65)', () => {
    expect(hourlyPrice(workshopCluster('2016'))).toMatchObject({ usdPerHour: 0.25 });
  });

  it('multiplies by the nodes of a multi-node cluster', () => {
    const form = { ...workshopCluster('2016'), ClusterType: 'multi-node' as const, NumberOfNodes: 4 };
    expect(hourlyPrice(form)).toMatchObject({ usdPerHour: 1, perNode: 0.25 });
  });
});
