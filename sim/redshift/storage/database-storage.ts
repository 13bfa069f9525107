/**
 * The one ClusterStorage of a RedshiftDatabase, shared by everything that asks about its storage: the
 * database's hooks (plan/extensions.ts), its system tables, COPY's table ids and the console's slice view.
 */
import type { DatabaseApi } from '../database/index.ts';
import { ClusterStorage } from './storage.ts';

const storages = new WeakMap<object, ClusterStorage>();

/** The storage model of this database (created on first use, kept as long as its SQLite connection). */
export function clusterStorage(database: DatabaseApi): ClusterStorage {
  let storage = storages.get(database.sqlite);
  if (storage === undefined) {
    storage = new ClusterStorage(database.sqlite, database.cluster);
    storages.set(database.sqlite, storage);
  }
  return storage;
}
