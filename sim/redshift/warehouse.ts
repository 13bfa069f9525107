/**
 * The one composition of Redshift's parts: the SQL engine (database/) with COPY and UNLOAD (copy/), slice
 * placement, blocks and the storage system tables (storage/). The console, the labs and `bdlab sql` open
 * a cluster's database here, so all three run the same engine with the same plug-ins.
 */
import type { Era, Millis } from '../core/index.ts';
import type { IamState, RedshiftCaller } from '../iam/index.ts';
import type { S3State } from '../s3/index.ts';
import { copyExtensions, type LoadLog } from './copy/index.ts';
import { RedshiftDatabase, type ClusterShape, type SqlJsStatic } from './database/index.ts';
import { ClusterStorage, storageSystemTables } from './storage/index.ts';

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

/** Open an empty database on a cluster with COPY, UNLOAD and storage plugged in. */
export function openWarehouse(options: WarehouseOptions): Warehouse {
  const copy = copyExtensions({
    s3: options.s3,
    iam: options.iam,
    attachedRoles: options.attachedRoles,
    caller: options.caller,
    defaultRoleArn: options.defaultRoleArn ?? null,
  });
  // The storage reads the connection the database opens, so it is built inside the database's factory.
  const built: { storage?: ClusterStorage } = {};
  const database = RedshiftDatabase.create({
    sql: options.sql,
    cluster: options.cluster,
    now: options.now,
    ...(options.era ? { era: options.era } : {}),
    ...(options.databaseName ? { databaseName: options.databaseName } : {}),
    extensions: (connection) => {
      const storage = new ClusterStorage(connection, options.cluster);
      built.storage = storage;
      return {
        commands: copy.commands,
        sliceForRow: (table, row) => storage.sliceForRow(table, row),
        onWrite: (table, change) =>
          change === 'drop' || change === 'truncate' ? storage.forget(table) : storage.invalidate(table),
        systemTables: [...copy.systemTables, ...storageSystemTables(storage, () => database.tables())],
      };
    },
  });
  if (!built.storage) throw new Error('the database did not build its extensions');
  return { database, storage: built.storage, loadLog: copy.log };
}
