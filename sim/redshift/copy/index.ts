/**
 * COPY from the simulated S3 and UNLOAD to it: options, IAM checks, load errors, the load-time model.
 *
 * Where this differs from Redshift, on purpose:
 * - Formats: delimited text and CSV, plain or GZIP. FIXEDWIDTH, JSON, Avro, Parquet/ORC, MANIFEST, BZIP2,
 *   LZOP, ZSTD, NOLOAD, ENCRYPTED and key-based credentials are refused by name as not simulated.
 * - Files are read one after another in key order, each by one slice (the 2016 behaviour: no 64 MB scan
 *   ranges); load time is modelled from files against slices (load-time.ts), not measured.
 * - A load stops at the error past MAXERROR; Redshift's slices run in parallel and may report more errors.
 * - COMPUPDATE and STATUPDATE are accepted and have no effect (encodings and planner statistics are not
 *   modelled). UNLOAD cuts the result into equal consecutive runs, one per slice, since a SELECT's rows
 *   carry no slice of origin.
 */
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
