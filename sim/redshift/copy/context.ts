import type { Millis } from '../../core/index.ts';
import type { S3State } from '../../s3/index.ts';
import type { StoredValue } from '../types/index.ts';
import type { CopyColumn } from './convert.ts';
import type { LoadLog } from './load-log.ts';
import type { StatementError } from './tokens.ts';

/** An IAM decision: allowed, or refused with Redshift's own failure text and a hint in the learner's words. */
export type AccessDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly hint: string };

/**
 * What COPY and UNLOAD ask IAM (sim/iam decides: the role is valid, associated with the cluster, trusts
 * redshift.amazonaws.com and allows s3:ListBucket + s3:GetObject — or s3:PutObject for UNLOAD). See
 * iam-access.ts for the binding to sim/iam.
 */
export interface S3Access {
  /** May the role list `prefix` in `bucket` and get each of `keys`? */
  mayRead(roleArn: string, bucket: string, prefix: string, keys: readonly string[]): AccessDecision;
  /** May the role put each of `keys` into `bucket`? */
  mayWrite(roleArn: string, bucket: string, keys: readonly string[]): AccessDecision;
}

/** A table COPY loads into: its columns in declared order, and its id (stl_load_errors.tbl). */
export interface CopyTarget {
  readonly name: string;
  readonly id: number;
  readonly columns: readonly CopyColumn[];
}

/** The cluster's shape, as COPY needs it for slices and the load-time model. */
export interface CopyCluster {
  readonly nodeType: string;
  readonly nodes: number;
  readonly slicesPerNode: number;
}

/** Everything COPY and UNLOAD need from the database that runs them. */
export interface CopyContext {
  table(name: string): CopyTarget | undefined;
  /** Appends rows (values in the table's declared column order) to the table; COPY calls it once per file. */
  insertRows(table: string, rows: StoredValue[][]): void;
  /** Runs `fn` in one transaction: when it throws, every row it inserted is rolled back (a failed COPY loads nothing). */
  transaction<T>(fn: () => T): T;
  readonly s3: S3State | undefined;
  readonly access: S3Access;
  /** The role `IAM_ROLE default` means, when the cluster has one. */
  readonly defaultRoleArn: string | null;
  /** The cluster's region; S3 in this simulation lives in the same one. */
  readonly region: string;
  readonly cluster: CopyCluster;
  now(): Millis;
  readonly userId: number;
  readonly session: number;
  /** This statement's query id (stl_load_errors.query, pg_last_copy_id()). */
  readonly queryId: number;
  readonly log: LoadLog;
  /** Runs UNLOAD's SELECT: its column names and rows as Redshift prints them, or the query's error. */
  select(sql: string): SelectResult | StatementError;
}

/** A query's result as UNLOAD writes it. */
export interface SelectResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}
