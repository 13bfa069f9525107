export { RedshiftDatabase } from './database.ts';
export type {
  ClusterShape,
  CommandContext,
  CommandHandler,
  DatabaseApi,
  DatabaseExtensions,
  PreparedQuery,
  QueryInfo,
  QueryModel,
  RedshiftDatabaseOptions,
  SliceForRow,
} from './core.ts';
export {
  printValue,
  type PrintedValue,
  type SliceScan,
  type StatementError,
  type StatementOutcome,
  type StatementResult,
} from './results.ts';
export { pgTableDef, stlQuery, systemColumn, type QueryRecord, type SystemTable } from './system-tables.ts';
export {
  defaultDistStyle,
  INTERLEAVED_MAX_COLUMNS,
  SLICE_COLUMN,
  type ColumnDefinition,
  type TableDefinition,
} from './tables.ts';
export { roundRobinPlacement } from './writer.ts';
export type { SqlJsDatabase, SqlJsStatement, SqlJsStatic, SqlJsValue } from './sqljs.ts';
