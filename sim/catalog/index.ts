/** The public face of sim/catalog/: import it from outside the folder through this file. */
export { EC2_INSTANCE_TYPES, findEc2InstanceType, type Ec2InstanceType } from './ec2.ts';
export { REDSHIFT_NODE_TYPES, findRedshiftNodeType, type RedshiftNodeType } from './redshift.ts';
