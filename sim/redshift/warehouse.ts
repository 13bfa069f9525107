/**
 * The one composition of Redshift's parts: the SQL engine (database/) with COPY and UNLOAD (copy/), slice
 * placement, blocks and the storage system tables (storage/), the query-time model and EXPLAIN (plan/). The console, the labs and `bdlab sql` open
 * a cluster's database here, so all three run the same engine with the same plug-ins.
 */
import type { Era, Millis } from '../core/index.ts';
import type { IamState, RedshiftCaller } from '../iam/index.ts';
import type { S3State } from '../s3/index.ts';
import { copyExtensions, type LoadLog } from './copy/index.ts';
import { RedshiftDatabase, type ClusterShape, type SqlJsStatic } from './database/index.ts';
import { storageExtensions } from './plan/index.ts';
import { clusterStorage, type ClusterStorage } from './storage/index.ts';

/** What a cluster's database needs from the world around it. */
export interface WarehouseOptions {
  /** Initialised sql.js. */
  readonly sql: SqlJsStatic;
  readonly cluster: ClusterShape;
  /** The simulation clock. */
  readonly now: () => Millis;
  readonly era?: Era;
  readonly databaseName?: string;
  /** The simulated S3 COPY reads and UNLOAD writes (changed in place by UNLOAD). */
  readonly s3: S3State;
  readonly iam: IamState;
  /** Role ARNs associated with the cluster. */
  readonly attachedRoles: readonly string[];
  /** The cluster and database user Redshift names in its IAM refusals. */
  readonly caller: RedshiftCaller;
  readonly defaultRoleArn?: string | null;
}

/** A cluster's database with the parts the console and the labs read directly. */
export interface Warehouse {
  readonly database: RedshiftDatabase;
  /** Rows and blocks per slice, zone maps and skew of each table. */
  readonly storage: ClusterStorage;
  /** STL_LOAD_ERRORS and STL_LOAD_COMMITS rows. */
  readonly loadLog: LoadLog;
}

/** Open an empty database on a cluster with COPY, UNLOAD, storage, the plan and EXPLAIN plugged in. */
export function openWarehouse(options: WarehouseOptions): Warehouse {
  const copy = copyExtensions({
    s3: options.s3,
    iam: options.iam,
    attachedRoles: options.attachedRoles,
    caller: options.caller,
    defaultRoleArn: options.defaultRoleArn ?? null,
  });
  const storage = storageExtensions();
  const database = RedshiftDatabase.create({
    sql: options.sql,
    cluster: options.cluster,
    now: options.now,
    ...(options.era ? { era: options.era } : {}),
    ...(options.databaseName ? { databaseName: options.databaseName } : {}),
    extensions: {
      ...storage,
      commands: { ...copy.commands, ...storage.commands },
      systemTables: [...copy.systemTables, ...storage.systemTables],
      sessionFunctions: {
        // Redshift answers -1 and 0 before the session's first COPY.
        pg_last_copy_id: () => copy.log.lastCopy?.query ?? -1,
        pg_last_copy_count: () => copy.log.lastCopy?.rowsLoaded ?? 0,
      },
    },
  });
  return { database, storage: clusterStorage(database), loadLog: copy.log };
}
