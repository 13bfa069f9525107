/**
 * EC2 instance types the day names (EMR clusters in the labs and slides): the lab's m3.xlarge and the
 * m4, c3/c4 and r3 families. Specs come from AWS-FACTS (m3.xlarge, §5.2) or from AWS documentation pages
 * found since, cited per entry. A spec no source gives is left out, never guessed.
 */

/** One EC2 instance type. */
export interface Ec2InstanceType {
  /** The API name, such as `m3.xlarge`. */
  readonly name: string;
  /** General purpose, compute optimised or memory optimised, as the 2016 EC2 pages grouped them. */
  readonly family: 'general purpose' | 'compute optimized' | 'memory optimized';
  readonly vcpu: number;
  /** EC2 compute units, where a source gives them (only m3.xlarge's is sourced). */
  readonly ecu?: number;
  readonly memoryGiB: number;
  /** Instance store, such as `2 × 40 GB SSD`, or `EBS only`. */
  readonly instanceStorage: string;
  /** Source tags (see sim/pricing/sources.ts) or URLs of the pages the specs come from. */
  readonly sources: readonly string[];
  readonly note?: string;
}

/** Every EC2 instance type the calculators know. */
export const EC2_INSTANCE_TYPES: readonly Ec2InstanceType[] = [
  {
    name: 'm3.xlarge',
    family: 'general purpose',
    vcpu: 4,
    ecu: 13,
    memoryGiB: 15,
    instanceStorage: '2 × 40 GB SSD',
    sources: ['EC2-18', 'S'],
    note: 'The lab-4 cluster: emr-4.5.0 with 2 × m3.xlarge (AWS-FACTS row 59).',
  },
  {
    name: 'm4.large',
    family: 'general purpose',
    vcpu: 2,
    memoryGiB: 8,
    instanceStorage: 'EBS only',
    sources: ['EC2-TABLE16'],
  },
  {
    name: 'm4.xlarge',
    family: 'general purpose',
    vcpu: 4,
    memoryGiB: 16,
    instanceStorage: 'EBS only',
    sources: ['EC2-TABLE16'],
  },
  {
    name: 'c3.xlarge',
    family: 'compute optimized',
    vcpu: 4,
    memoryGiB: 7.5,
    instanceStorage: '2 × 40 GB SSD',
    sources: ['EC2-TABLE16'],
  },
  {
    name: 'c4.xlarge',
    family: 'compute optimized',
    vcpu: 4,
    memoryGiB: 7.5,
    instanceStorage: 'EBS only',
    sources: ['EC2-TABLE16'],
  },
  {
    name: 'r3.xlarge',
    family: 'memory optimized',
    vcpu: 4,
    memoryGiB: 30.5,
    instanceStorage: '1 × 80 GB SSD',
    sources: ['EC2-TABLE16'],
  },
];

/** The instance type with this API name, if the catalogue has it. */
export function findEc2InstanceType(name: string): Ec2InstanceType | undefined {
  return EC2_INSTANCE_TYPES.find((type) => type.name === name);
}
