/** Amazon Redshift: the public face of sim/redshift/ (each sub-folder adds its own line). */
export * from './cluster/index.ts';
