import type { IamState, RedshiftCaller } from '../../iam/index.ts';
import type { S3State } from '../../s3/index.ts';
import {
  printValue,
  type CommandContext,
  type CommandHandler,
  type DatabaseApi,
  type StatementOutcome,
  type SystemTable,
} from '../database/index.ts';
import { clusterStorage } from '../storage/index.ts';
import { SqlError } from '../sql/index.ts';
import type { CopyContext } from './context.ts';
import { s3AccessFromIam } from './iam-access.ts';
import { createLoadLog, type LoadLog } from './load-log.ts';
import { loadSystemTables } from './load-system-tables.ts';
import { runCopy } from './run-copy.ts';
import type { StatementError } from './tokens.ts';
import { runUnload } from './unload.ts';

/** What COPY and UNLOAD need from the world around the database. */
export interface CopyExtensionOptions {
  readonly s3: S3State;
  readonly iam: IamState;
  /** Role ARNs associated with the cluster. */
  readonly attachedRoles: readonly string[];
  /** The cluster and database user Redshift names in its IAM refusals. */
  readonly caller: RedshiftCaller;
  /** The role `IAM_ROLE default` means, if any. */
  readonly defaultRoleArn?: string | null;
  /** Where stl_load_errors / stl_load_commits rows go; a new log when absent. */
  readonly log?: LoadLog;
}

/** The COPY and UNLOAD handlers and their two system tables, for RedshiftDatabase's `extensions`. */
export interface CopyExtensions {
  readonly commands: { readonly copy: CommandHandler; readonly unload: CommandHandler };
  readonly systemTables: readonly SystemTable<DatabaseApi>[];
  readonly log: LoadLog;
}

/** Redshift's master user's id; the simulation has one user. */
const MASTER_USER_ID = 100;
/** stl_query's first id in the database (query ids of COPY rows follow the history). */
const FIRST_QUERY_ID = 1000;
const SESSION = 1_073_815;

/**
 * COPY and UNLOAD as RedshiftDatabase command handlers: each statement gets a CopyContext over the
 * database (its tables, one-call bulk insert, and its SELECT for UNLOAD), the simulated S3 and IAM.
 */
export function copyExtensions(options: CopyExtensionOptions): CopyExtensions {
  const log = options.log ?? createLoadLog();
  const access = s3AccessFromIam(options.iam, options.attachedRoles, options.caller);
  const context = (command: CommandContext): CopyContext => {
    const db = command.database;
    const history = db.queryHistory();
    return {
      table: (name) => {
        const table = db.tables().find((t) => t.name === name);
        if (table === undefined) return undefined;
        // The id svv_table_info and stv_blocklist show, so stl_load_errors.tbl joins with them.
        return { name, id: clusterStorage(db).tableId(name), columns: table.columns };
      },
      insertRows: (table, rows) => db.insertRows(table, rows),
      transaction: (fn) => db.transaction(fn),
      s3: options.s3,
      access,
      defaultRoleArn: options.defaultRoleArn ?? null,
      region: options.caller.region,
      cluster: db.cluster,
      now: () => command.now,
      userId: MASTER_USER_ID,
      session: SESSION,
      queryId: history.length === 0 ? FIRST_QUERY_ID : history[history.length - 1]!.query + 1,
      log,
      select: (sql) => {
        try {
          const query = db.prepareQuery(sql);
          const types = query.columns.map((c) => c.type);
          return {
            columns: query.columns.map((c) => c.name),
            rows: db.runPrepared(query).map((row) => row.map((v, i) => printValue(types[i]!, v))),
          };
        } catch (e) {
          return e instanceof SqlError
            ? { code: e.code, message: e.message }
            : { code: 'XX000', message: e instanceof Error ? e.message : String(e) };
        }
      },
    };
  };
  const copy: CommandHandler = (command) => {
    const outcome = runCopy(context(command), command.tokens, command.start + command.text.length);
    if (outcome.error) throw sqlError(outcome.error, command.start);
    return {
      command: 'COPY',
      rowCount: outcome.rowsLoaded,
      rowsLoaded: outcome.rowsLoaded,
      loadErrors: outcome.loadErrors,
      modelledMillis: outcome.modelledMillis,
    } satisfies StatementOutcome;
  };
  const unload: CommandHandler = (command) => {
    const outcome = runUnload(context(command), command.tokens, command.start + command.text.length);
    if (outcome.error) throw sqlError(outcome.error, command.start);
    return { command: 'UNLOAD', rowCount: outcome.rowsUnloaded, modelledMillis: outcome.modelledMillis };
  };
  return { commands: { copy, unload }, systemTables: loadSystemTables(log), log };
}

/** A COPY/UNLOAD refusal as the database reports it: Redshift's message, then psql's HINT line. */
function sqlError(error: StatementError, statementStart: number): SqlError {
  const message = error.hint ? `${error.message}\nHINT:  ${error.hint}` : error.message;
  const offset = error.position === undefined ? undefined : Math.max(0, error.position - statementStart);
  return new SqlError(error.code, message, offset);
}
