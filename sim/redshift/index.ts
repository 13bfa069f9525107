/**
 * Amazon Redshift: the SQL engine (sql/, types/, database/) and, added by their folders, storage, plan,
 * COPY, the cluster and IAM. Each folder adds its own export lines here.
 */
export * from './types/index.ts';
export * from './sql/index.ts';
export * from './database/index.ts';
export * from './cluster/index.ts';
export * from './copy/index.ts';
export * from './storage/index.ts';
export * from './plan/index.ts';
export * from './warehouse.ts';
