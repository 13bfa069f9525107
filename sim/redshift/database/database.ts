/**
 * RedshiftDatabase: Redshift's SQL over sql.js. A script runs statement by statement like psql (a failed
 * statement does not stop the rest); each statement goes through the token front end (TOP, DISTKEY …),
 * pgsql-ast-parser and the translator, and comes back as a StatementResult with Redshift's error, line and
 * column. COPY, UNLOAD and EXPLAIN are handled by the extensions plugged in by their folders.
 */
import type { RedshiftSyntax } from '../sql/index.ts';
import type { Statement } from 'pgsql-ast-parser';
import {
  frontEnd,
  LISTAGG_DISTINCT,
  parseStatement,
  quoteIdentifier,
  RUNTIME_FUNCTIONS,
  splitStatements,
  SqlError,
  type FrontEnd,
  type ScriptStatement,
} from '../sql/index.ts';
import { timestampFromMillis, type StoredValue } from '../types/index.ts';
import type {
  ClusterShape,
  DatabaseApi,
  DatabaseCore,
  PreparedQuery,
  RedshiftDatabaseOptions,
  TableState,
} from './core.ts';
import { createTable, createTableAs, dropTable, truncateTable } from './ddl.ts';
import { deleteRows, insert, omittedValue, updateRows } from './dml.ts';
import { isQuery, prepareParsed, prepareText, printRows, runStored } from './query.ts';
import { commandOf, emptyResult, errorOf, type StatementOutcome, type StatementResult } from './results.ts';
import type { SqlJsDatabase, SqlJsValue } from './sqljs.ts';
import { pgTableDef, stlQuery, type QueryRecord, type SystemTable } from './system-tables.ts';
import { SLICE_COLUMN, type TableDefinition } from './tables.ts';
import { inTransaction, writeRows } from './writer.ts';

/** Statements that need no work in a single-session simulator (transactions are per statement). */
const NO_OPS: Record<string, string> = {
  begin: 'BEGIN',
  start: 'START TRANSACTION',
  commit: 'COMMIT',
  end: 'COMMIT',
  rollback: 'ROLLBACK',
  analyze: 'ANALYZE',
  vacuum: 'VACUUM',
};

/** The first query id STL_QUERY shows (Redshift's ids are large; the exact start is arbitrary). */
const FIRST_QUERY_ID = 1000;

/** Redshift's SQL over sql.js, on the simulation clock. */
export class RedshiftDatabase implements DatabaseApi {
  private readonly core: DatabaseCore;
  private readonly history: QueryRecord[] = [];

  private constructor(options: RedshiftDatabaseOptions) {
    const sqlite = new options.sql.Database();
    // Redshift's LIKE matches case; ILIKE is translated with lower().
    sqlite.run('PRAGMA case_sensitive_like = ON');
    for (const [name, fn] of Object.entries(RUNTIME_FUNCTIONS)) {
      sqlite.create_function(name, fn as (...args: SqlJsValue[]) => SqlJsValue);
    }
    sqlite.create_aggregate('rs_listagg_distinct', LISTAGG_DISTINCT);
    const extensions = options.extensions ?? {};
    this.core = {
      sqlite,
      options,
      extensions,
      era: options.era ?? '2016',
      catalog: new Map(),
      systemTables: new Map(),
      api: this,
      inTransaction: false,
    };
    this.registerSystemTable(stlQuery(() => this.history, options.databaseName ?? 'dev'));
    this.registerSystemTable(pgTableDef(() => this.tables()));
    for (const table of extensions.systemTables ?? []) this.registerSystemTable(table);
  }

  /** Open an empty database for a cluster. */
  static create(options: RedshiftDatabaseOptions): RedshiftDatabase {
    return new RedshiftDatabase(options);
  }

  get cluster(): ClusterShape {
    return this.core.options.cluster;
  }

  get sqlite(): SqlJsDatabase {
    return this.core.sqlite;
  }

  /** Run a script: statements in order; a failed statement does not stop the rest (like psql). */
  execute(script: string): StatementResult[] {
    const split = splitStatements(script);
    const results = split.statements.map((statement, index) => this.runStatement(statement, index));
    if ('error' in split) {
      const e = split.error;
      results.push({
        ...emptyResult(results.length, script.slice(e.offset).trim(), 'UNKNOWN'),
        status: 'error',
        error: { code: '42601', message: e.message, line: e.line, column: e.column },
      });
    }
    return results;
  }

  /** The user tables, in creation order. */
  tables(): readonly TableDefinition[] {
    return [...this.core.catalog.values()].map((s) => s.definition);
  }

  /** A user table by name (case-insensitive). */
  table(name: string): TableDefinition | undefined {
    return this.core.catalog.get(name.toLowerCase())?.definition;
  }

  /** Add a system table (STV_SLICES, STL_LOAD_ERRORS …) that queries can read. */
  registerSystemTable(table: SystemTable<DatabaseApi>): void {
    this.core.systemTables.set(table.name.toLowerCase(), table);
  }

  /**
   * A registered system table's rows (STL_LOAD_ERRORS, SVV_TABLE_INFO …) without running a query, so a
   * console panel can show them without adding to the learner's STL_QUERY history.
   */
  systemRows(name: string): readonly StoredValue[][] | undefined {
    return this.core.systemTables.get(name.toLowerCase())?.rows(this);
  }

  rowsPerSlice(name: string): number[] {
    const state = this.state(name);
    const slices = this.cluster.nodes * this.cluster.slicesPerNode;
    const counts = new Array<number>(slices).fill(0);
    const result = this.core.sqlite.exec(
      `SELECT ${quoteIdentifier(SLICE_COLUMN)}, count(*) FROM ${quoteIdentifier(state.definition.name)} GROUP BY 1`,
    );
    for (const [slice, count] of result[0]?.values ?? []) counts[Number(slice)] = Number(count);
    return counts;
  }

  storedRows(name: string): StoredValue[][] {
    const state = this.state(name);
    const columns = [...state.definition.columns.map((c) => c.name), SLICE_COLUMN].map(quoteIdentifier);
    const statement = this.core.sqlite.prepare(
      `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(state.definition.name)}`,
    );
    const rows: StoredValue[][] = [];
    try {
      while (statement.step()) rows.push(statement.get() as StoredValue[]);
    } finally {
      statement.free();
    }
    return rows;
  }

  insertRows(
    name: string,
    rows: readonly (readonly StoredValue[])[],
    options: { readonly loadedColumns?: readonly string[] } = {},
  ): void {
    const state = this.state(name);
    const columns = state.definition.columns;
    const loaded = options.loadedColumns?.map((c) => c.toLowerCase());
    // IDENTITY columns are never loaded; columns left out of COPY's column list take their DEFAULT.
    const filled = columns.flatMap((c, k) => (c.identity || (loaded && !loaded.includes(c.name)) ? [k] : []));
    const notNull = columns.flatMap((c, k) => (c.notNull ? [k] : []));
    inTransaction(this.core, () => {
      const complete =
        filled.length === 0
          ? rows
          : rows.map((row) => {
              const copy = [...row];
              for (const k of filled) {
                const column = columns[k]!;
                if (column.identity ? copy[k] === null || copy[k] === undefined : true) {
                  copy[k] = omittedValue(this.core, state, column);
                }
              }
              return copy;
            });
      for (const row of complete) {
        for (const k of notNull) {
          if (row[k] === null || row[k] === undefined) {
            throw new SqlError('23502', `Cannot insert a NULL value into column ${columns[k]!.name}`);
          }
        }
      }
      writeRows(this.core, state, complete);
    });
  }

  transaction<T>(fn: () => T): T {
    return inTransaction(this.core, fn);
  }

  prepareQuery(text: string): PreparedQuery {
    return prepareText(this.core, text);
  }

  runPrepared(query: PreparedQuery): StoredValue[][] {
    return runStored(this.core, query);
  }

  queryHistory(): readonly QueryRecord[] {
    return this.history;
  }

  /** Free the SQLite database. */
  close(): void {
    this.core.sqlite.close();
  }

  private state(name: string): TableState {
    const state = this.core.catalog.get(name.toLowerCase());
    if (!state) throw new SqlError('42P01', `relation "${name.toLowerCase()}" does not exist`);
    return state;
  }

  private runStatement(statement: ScriptStatement, index: number): StatementResult {
    const started = this.core.options.now();
    let command = commandOf(statement);
    try {
      const fe = frontEnd(statement);
      const outcome = this.dispatch(statement, fe);
      command = outcome.command;
      const result: StatementResult = {
        ...emptyResult(index, statement.text, outcome.command),
        columns: outcome.columns ?? null,
        rows: outcome.rows ?? null,
        rowCount: outcome.rowCount ?? outcome.rows?.length ?? 0,
        rowsLoaded: outcome.rowsLoaded ?? null,
        loadErrors: outcome.loadErrors ?? null,
        explain: outcome.explain ?? null,
        modelledMillis: outcome.modelledMillis ?? 0,
        scan: outcome.scan ?? null,
      };
      this.record(statement, command, started, result.modelledMillis, false);
      this.changed(command, false);
      return result;
    } catch (e) {
      this.record(statement, command, started, 0, true);
      this.changed(command, true);
      return {
        ...emptyResult(index, statement.text, command),
        status: 'error',
        error: errorOf(e, statement),
      };
    }
  }

  /**
   * Tell storage that a statement other than a query may have changed rows. A successful INSERT or COPY
   * wrote through writeRows, which names its table; anything else (or a failure) may have touched any.
   */
  private changed(command: string, failed: boolean): void {
    if (command === 'SELECT' || command === 'EXPLAIN' || command === 'UNLOAD') return;
    if (!failed && (command === 'INSERT' || command === 'COPY')) return;
    this.core.extensions.tableChanged?.(null, this);
  }

  private dispatch(statement: ScriptStatement, fe: FrontEnd): StatementOutcome {
    switch (fe.kind) {
      case 'command': {
        const noOp = NO_OPS[fe.command];
        if (noOp) return { command: noOp };
        const handler = this.core.extensions.commands?.[fe.command];
        if (!handler)
          throw new SqlError(
            '0A000',
            `${fe.command.toUpperCase()} is not available in this simulator build`,
            0,
          );
        return handler({
          database: this,
          tokens: fe.tokens,
          text: statement.text,
          start: statement.start,
          now: this.core.options.now(),
        });
      }
      case 'create table':
        return createTable(this.core, fe);
      case 'create table as':
        return createTableAs(this.core, fe);
      case 'parse':
        return this.runParsed(parseStatement(fe.text), fe.syntax);
    }
  }

  private runParsed(ast: Statement, syntax: RedshiftSyntax): StatementOutcome {
    if (isQuery(ast)) {
      const query = prepareParsed(this.core, ast, syntax);
      const stored = runStored(this.core, query);
      const model = this.core.extensions.modelQuery?.(
        { ast, tables: query.tables, sqliteSql: query.sqliteSql },
        this,
      );
      return {
        command: 'SELECT',
        columns: query.columns.map((c) => c.name),
        rows: printRows(
          stored,
          query.columns.map((c) => c.type),
        ),
        rowCount: stored.length,
        modelledMillis: model?.modelledMillis ?? 0,
        scan: model?.scan ?? null,
      };
    }
    switch (ast.type) {
      case 'insert':
        return insert(this.core, ast, syntax);
      case 'update':
        return inTransaction(this.core, () => updateRows(this.core, ast));
      case 'delete':
        return deleteRows(this.core, ast);
      case 'drop table':
      case 'drop index':
      case 'drop sequence':
      case 'drop type':
      case 'drop trigger':
        return dropTable(this.core, ast);
      case 'truncate table':
        return truncateTable(this.core, ast);
      case 'values':
        throw new SqlError('0A000', 'VALUES as a statement is not supported by this simulator yet');
      default:
        throw new SqlError('0A000', `${ast.type.toUpperCase()} is not supported by this simulator yet`);
    }
  }

  private record(
    statement: ScriptStatement,
    command: string,
    started: number,
    modelled: number,
    aborted: boolean,
  ): void {
    if (!['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'COPY', 'UNLOAD', 'CREATE TABLE AS'].includes(command))
      return;
    const query = FIRST_QUERY_ID + this.history.length;
    this.history.push({
      query,
      xid: query * 3,
      querytxt: statement.text,
      starttime: timestampFromMillis(started),
      endtime: timestampFromMillis(started + modelled),
      aborted,
    });
  }
}
