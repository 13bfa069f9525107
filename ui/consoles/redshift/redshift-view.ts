/**
 * The Redshift console's frame: what its panels draw, built by the engine in the worker after every change
 * (plain data, bounded: at most the last load errors and the last query's slices). Query rows are not in
 * the frame: they come with each statement's answer (see protocol.ts).
 */
import type { Era } from '../../../sim/core/index.ts';
import type { RealCommand } from '../../shared/cli-commands.ts';
import type { ConsoleFrame } from '../shell/clock.ts';

/** Where the cluster is in its life. */
export type ClusterStatus = 'creating' | 'available' | 'deleting';

/** The cluster as the console shows it. */
export interface ClusterView {
  readonly identifier: string;
  readonly dbName: string;
  readonly nodeType: string;
  readonly nodes: number;
  readonly slicesPerNode: number;
  readonly status: ClusterStatus;
  /** When a creating cluster becomes available (or a deleting one is gone), on the console's clock. */
  readonly readyAtMs: number | null;
  readonly port: number;
  readonly masterUsername: string;
  /** The endpoint address psql connects to. */
  readonly endpoint: string;
  /** On-demand price of the whole cluster per hour, from the price book. */
  readonly usdPerHour: number;
  /** Where the hourly price comes from (the price book's source). */
  readonly priceSource: string;
  /** Bytes the tables take in 1 MB blocks, or null while the storage model is not part of the engine. */
  readonly storageUsedBytes: number | null;
  readonly storageCapacityBytes: number;
  /** The psql line that connects (the workshop's `psql -h … -p 8192 -U master demo`). */
  readonly psql: RealCommand;
}

/** One action on the cluster, with its real command. */
export interface ClusterActionView {
  readonly atMs: number;
  /** What was done, such as `Created cluster demo`. */
  readonly summary: string;
  readonly command: RealCommand;
}

/** A column as completion and the schema list show it. */
export interface ColumnSchema {
  readonly name: string;
  /** As pg_table_def prints it: `character varying(512)`, `integer`. */
  readonly type: string;
}

/** A user table with its distribution and where its rows live. */
export interface TableView {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
  /** As svv_table_info prints it: EVEN, KEY(host_address), ALL, AUTO(ALL)… */
  readonly distStyle: string;
  readonly distKey: string | null;
  readonly sortKey: readonly string[];
  readonly rows: number;
  /** Rows on each slice (index = slice). */
  readonly rowsPerSlice: readonly number[];
  /** 1 MB blocks on each slice, all columns together. */
  readonly blocksPerSlice: readonly number[];
  /** Rows on the fullest slice over rows on the emptiest (svv_table_info's skew_rows); null when empty. */
  readonly skewRows: number | null;
}

/** What the last query read, slice by slice. */
export interface LastScanView {
  readonly sql: string;
  readonly modelledMillis: number;
  readonly slices: readonly {
    readonly slice: number;
    readonly rowsScanned: number;
    readonly blocksScanned: number;
    readonly blocksSkipped: number;
  }[];
}

/** One COPY, as its statement's result tells it. */
export interface LoadView {
  readonly atMs: number;
  /** The COPY as the learner wrote it. */
  readonly sql: string;
  readonly status: 'loaded' | 'failed';
  readonly rowsLoaded: number;
  readonly errors: number;
  readonly modelledMillis: number;
}

/** One row of stl_load_errors, the columns a learner reads first. */
export interface LoadErrorView {
  readonly query: number;
  readonly filename: string;
  readonly lineNumber: number;
  readonly colname: string;
  readonly type: string;
  readonly rawFieldValue: string;
  readonly errCode: number;
  readonly errReason: string;
}

/** An object of the simulated S3 that COPY can read. */
export interface S3ObjectView {
  readonly bucket: string;
  readonly key: string;
  readonly bytes: number;
}

/** The sample data set in S3, when the learner put it there. */
export interface SampleDataView {
  readonly bucket: string;
  readonly prefix: string;
  readonly objects: number;
  readonly rows: number;
  readonly bytes: number;
  /** The IAM role COPY may use to read it (attached to the cluster). */
  readonly roleArn: string;
  /** The workshop's COPY for it, ready to paste. */
  readonly copySql: string;
}

/** The Redshift console's frame. */
export interface RedshiftView extends ConsoleFrame {
  /** The cluster's era (node types, prices, default DISTSTYLE); the workshop's 2016 before there is one. */
  readonly era: Era;
  /** UTC ms of the clock's 0: GETDATE() is this plus the clock. */
  readonly epochMs: number;
  readonly cluster: ClusterView | null;
  /** Dollars spent on the cluster so far (node-hours on the clock × the hourly price). */
  readonly usdSoFar: number;
  readonly actions: readonly ClusterActionView[];
  readonly tables: readonly TableView[];
  readonly lastScan: LastScanView | null;
  readonly loads: readonly LoadView[];
  /** The latest rows of stl_load_errors, newest first (at most 20). */
  readonly loadErrors: readonly LoadErrorView[];
  readonly sampleData: SampleDataView | null;
  /** The IAM role the account has for COPY (trusts Redshift, may read the sample bucket). */
  readonly copyRoleArn: string;
  /** Where the model approximates, said once for the page. */
  readonly notes: readonly string[];
}
