/** Fidelity: the hardware catalogue against AWS-FACTS rows 59 and 65–68 and the slides. */
import { describe, expect, it } from 'vitest';
import { findEc2InstanceType } from '../../sim/catalog/index.ts';
import { findRedshiftNodeType } from '../../sim/catalog/index.ts';

describe('EC2 catalogue', () => {
  it('row 59: m3.xlarge has 4 vCPU, 13 ECU, 15 GiB, 2 × 40 GB SSD', () => {
    expect(findEc2InstanceType('m3.xlarge')).toMatchObject({
      vcpu: 4,
      ecu: 13,
      memoryGiB: 15,
      instanceStorage: '2 × 40 GB SSD',
    });
  });

  it('m4/c3/c4/r3 specs come from the 2016 EC2 table copy and carry no ECU guess', () => {
    expect(findEc2InstanceType('r3.xlarge')).toMatchObject({
      vcpu: 4,
      memoryGiB: 30.5,
      sources: ['EC2-TABLE16'],
    });
    expect(findEc2InstanceType('c4.xlarge')?.ecu).toBeUndefined();
  });
});

describe('Redshift catalogue', () => {
  it.each([
    [
      'row 65: dc1.large',
      'dc1.large',
      { vcpu: 2, ecu: 7, memoryGiB: 15, storageGbPerNode: 160, slicesPerNode: 2 },
    ],
    [
      'row 66: dc1.8xlarge',
      'dc1.8xlarge',
      { vcpu: 32, ecu: 104, memoryGiB: 244, storageGbPerNode: 2560, slicesPerNode: 32 },
    ],
    [
      'row 67: ds2.xlarge',
      'ds2.xlarge',
      { vcpu: 4, ecu: 13, memoryGiB: 31, storageGbPerNode: 2000, slicesPerNode: 2 },
    ],
    [
      'row 67: ds2.8xlarge',
      'ds2.8xlarge',
      { vcpu: 36, ecu: 119, memoryGiB: 244, storageGbPerNode: 16_000, slicesPerNode: 16 },
    ],
    ['§6.1 today: dc2.8xlarge has 16 slices', 'dc2.8xlarge', { slicesPerNode: 16, maxNodes: 128 }],
  ])('%s', (_row, name, spec) => {
    expect(findRedshiftNodeType(name)).toMatchObject(spec);
  });

  it('row 68: max nodes 32 (large/xlarge), 128 (8xlarge); 8xlarge needs at least 2', () => {
    expect(findRedshiftNodeType('dc1.large')).toMatchObject({ minNodes: 1, maxNodes: 32 });
    expect(findRedshiftNodeType('ds2.xlarge')).toMatchObject({ minNodes: 1, maxNodes: 32 });
    expect(findRedshiftNodeType('dc1.8xlarge')).toMatchObject({ minNodes: 2, maxNodes: 128 });
    expect(findRedshiftNodeType('ds2.8xlarge')).toMatchObject({ minNodes: 2, maxNodes: 128 });
  });

  it('SEED-FIGURES Redshift "160 GB to 2 PB": one dc1.large to 128 ds2.8xlarge', () => {
    expect(findRedshiftNodeType('dc1.large')?.storageGbPerNode).toBe(160);
    expect((findRedshiftNodeType('ds2.8xlarge')?.storageGbPerNode ?? 0) * 128).toBe(2_048_000);
  });
});
