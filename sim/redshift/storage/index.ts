/**
 * The public face of sim/redshift/storage/: where a cluster's rows live (slices by distribution style),
 * their 1 MB blocks and zone maps, skew, and the storage system tables.
 */
export { columnBlocks, leadingColumnBlocks, sortOrder, type Block, type SortOrder } from './blocks.ts';
export { fmix32, fnv1a, sliceForKey } from './hash.ts';
export {
  columnIndex,
  firstSlices,
  nodeOfSlice,
  sliceCount,
  type ColumnLayout,
  type ColumnTypeLike,
  type DistStyle,
  type SliceLayout,
  type TableLayout,
} from './layout.ts';
export { clusterStorage } from './database-storage.ts';
export { placeRow, SlicePlacement } from './placement.ts';
export { eachRow, type SqlRunner, type SqlStatement } from './sql-runner.ts';
export { ClusterStorage, type EffectiveDistribution, type SliceShare, type TableStorage } from './storage.ts';
export {
  storageSystemTables,
  type StorageSource,
  type StorageSystemTable,
  type SystemColumn,
  type SystemColumnType,
} from './system-tables.ts';
export {
  BLOCK_BYTES,
  declaredWidth,
  rawWidth,
  storedWidth,
  valuesPerBlock,
  VARCHAR_OVERHEAD,
} from './width.ts';
export {
  blocklistValue,
  compareKeys,
  instantOf,
  isExactZone,
  prefix8,
  zoneKey,
  type ZoneKey,
} from './zone-value.ts';
