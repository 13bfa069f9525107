/** COPY from the simulated S3 and UNLOAD to it: options, IAM checks, load errors, the load-time model. */
export { s3AccessFromIam } from './iam-access.ts';
export type {
  AccessDecision,
  CopyCluster,
  CopyContext,
  CopyTarget,
  S3Access,
  SelectResult,
} from './context.ts';
export type { CopyColumn } from './convert.ts';
export { parseCopy, type CopyCommand } from './copy-statement.ts';
export { MAX_MAXERROR, type CopyParameters } from './copy-parameters.ts';
export { createLoadLog, type LoadCommitRow, type LoadErrorRow, type LoadLog } from './load-log.ts';
export { LOAD_MODEL, modelLoadTime, type LoadTimeModel, type SliceLoad } from './load-time.ts';
export { executeCopy, runCopy, type CopyOutcome } from './run-copy.ts';
export type { SqlToken, StatementError as CopyStatementError } from './tokens.ts';
export { executeUnload, runUnload, type UnloadOutcome } from './unload.ts';
export { parseUnload, type UnloadCommand } from './unload-statement.ts';
export { loadSystemTables, type LoadSystemTable } from './load-system-tables.ts';
export { copyExtensions, type CopyExtensionOptions, type CopyExtensions } from './copy-commands.ts';
