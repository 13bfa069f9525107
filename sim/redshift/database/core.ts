/**
 * The state the database's statement handlers share: the SQLite connection, the catalogue of user tables,
 * the registered system tables and extensions. The class in database.ts is the public face; the handlers
 * (ddl.ts, dml.ts, query.ts, writer.ts) take this core so each file keeps one job.
 */
import type { Era, Millis } from '../../core/index.ts';
import type { SqlType, Token } from '../sql/index.ts';
import type { StoredValue } from '../types/index.ts';
import type { StatementOutcome, SliceScan } from './results.ts';
import type { SqlJsDatabase, SqlJsStatic } from './sqljs.ts';
import type { QueryRecord, SystemTable } from './system-tables.ts';
import type { TableDefinition } from './tables.ts';

/** The cluster's shape as the SQL engine needs it. */
export interface ClusterShape {
  readonly nodeType: string;
  readonly nodes: number;
  readonly slicesPerNode: number;
}

/** Picks the slice a new row lives on (sim/redshift/storage supplies Redshift's rules). */
export type SliceForRow = (
  table: TableDefinition,
  row: readonly StoredValue[],
  ordinal: number,
  cluster: ClusterShape,
) => number;

/** A query the database is about to run, for the plan and cost model. */
export interface QueryInfo {
  /** pgsql-ast-parser's tree of the query. */
  readonly ast: unknown;
  /** The user tables the query reads. */
  readonly tables: readonly TableDefinition[];
  /** The SQLite text the query runs as. */
  readonly sqliteSql: string;
}

/** The model's answer for one query. */
export interface QueryModel {
  readonly modelledMillis: number;
  readonly scan: SliceScan[] | null;
}

/** What a command handler (COPY, UNLOAD, EXPLAIN) may use. */
export interface CommandContext {
  readonly database: DatabaseApi;
  /** The statement's tokens (offsets are the script's) and text. */
  readonly tokens: readonly Token[];
  readonly text: string;
  /** Offset of the statement's first character in the script (to turn token offsets into statement offsets). */
  readonly start: number;
  readonly now: Millis;
}

/** A handler for a statement by its first word; throw a SqlError to fail the statement. */
export type CommandHandler = (context: CommandContext) => StatementOutcome;

/** Parts other folders plug in; every one is optional. */
export interface DatabaseExtensions {
  /** Handlers by first word, lower case: `copy`, `unload`, `explain`. */
  readonly commands?: Readonly<Record<string, CommandHandler>>;
  readonly sliceForRow?: SliceForRow;
  readonly modelQuery?: (query: QueryInfo, database: DatabaseApi) => QueryModel;
  readonly systemTables?: readonly SystemTable<DatabaseApi>[];
  /** Functions of the session without arguments, such as PG_LAST_COPY_ID() and PG_LAST_COPY_COUNT(). */
  readonly sessionFunctions?: Readonly<Record<string, () => StoredValue>>;
  /**
   * Called after rows of a table may have changed (INSERT, COPY, UPDATE, DELETE, DDL): `table` when the
   * writer knows it, null for "any". Storage drops its cached blocks and zone maps.
   */
  readonly tableChanged?: (table: string | null, database: DatabaseApi) => void;
}

/** Options of RedshiftDatabase.create. */
export interface RedshiftDatabaseOptions {
  /** Initialised sql.js (see sqljs.ts). */
  readonly sql: SqlJsStatic;
  readonly cluster: ClusterShape;
  /** The simulation clock: GETDATE()/SYSDATE read it, never the computer's clock. */
  readonly now: () => Millis;
  /** Which era's defaults apply (DISTSTYLE EVEN in 2016, AUTO today). Default '2016'. */
  readonly era?: Era;
  /** The database name STL_QUERY shows. Default 'dev'. */
  readonly databaseName?: string;
  /** Plug-ins: COPY/UNLOAD (copy/), placement, the plan and EXPLAIN (storage/, plan/). */
  readonly extensions?: DatabaseExtensions;
}

/** A query prepared for a command handler (EXPLAIN, UNLOAD). */
export interface PreparedQuery {
  readonly ast: unknown;
  readonly sqliteSql: string;
  /** Statements run before and after the query (a hash aggregate's group table). */
  readonly setup: readonly string[];
  readonly teardown: readonly string[];
  readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
  readonly tables: readonly TableDefinition[];
}

/** The database as command handlers and system tables see it. */
export interface DatabaseApi {
  readonly cluster: ClusterShape;
  /** The SQLite connection, for reads that must not copy a million rows (storage's blocks and zone maps). */
  readonly sqlite: SqlJsDatabase;
  tables(): readonly TableDefinition[];
  table(name: string): TableDefinition | undefined;
  /** Rows per slice of a table, counted from the hidden __slice column. */
  rowsPerSlice(table: string): number[];
  /** Every stored row of a table in declared column order, with its slice last. */
  storedRows(table: string): StoredValue[][];
  /**
   * Store rows already converted to column types (COPY's path), in one transaction. IDENTITY columns get
   * their next values where a row has NULL; with `loadedColumns`, the other columns get their DEFAULT.
   */
  insertRows(
    table: string,
    rows: readonly (readonly StoredValue[])[],
    options?: { readonly loadedColumns?: readonly string[] },
  ): void;
  /** Run `fn` inside one transaction: everything or nothing. */
  transaction<T>(fn: () => T): T;
  /** Translate a query (the text after EXPLAIN, UNLOAD's SELECT) without running it. */
  prepareQuery(text: string): PreparedQuery;
  /** Run a prepared query and return its rows as stored values. */
  runPrepared(query: PreparedQuery): StoredValue[][];
  /** The queries run so far (STL_QUERY). */
  queryHistory(): readonly QueryRecord[];
}

/** The catalogue entry of a user table. */
export interface TableState {
  definition: TableDefinition;
  /** Rows ever inserted: the ordinal the next row gets (EVEN distribution is round-robin over it). */
  inserted: number;
  /** The next value of each IDENTITY column. */
  readonly identityNext: Map<string, number>;
}

/** The state handlers share. */
export interface DatabaseCore {
  readonly sqlite: SqlJsDatabase;
  readonly options: RedshiftDatabaseOptions;
  readonly era: Era;
  readonly catalog: Map<string, TableState>;
  readonly systemTables: Map<string, SystemTable<DatabaseApi>>;
  readonly api: DatabaseApi;
  readonly extensions: DatabaseExtensions;
  inTransaction: boolean;
}
