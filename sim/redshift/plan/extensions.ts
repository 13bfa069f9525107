/**
 * Storage and the plan as RedshiftDatabase extensions: Redshift's slice placement for every inserted row,
 * the query-time model for every query, EXPLAIN, the storage system tables, and dropping cached blocks
 * after writes. Spread the result into `RedshiftDatabaseOptions.extensions` (with COPY's commands).
 */
import { toSql, type Expr, type Statement } from 'pgsql-ast-parser';
import type {
  CommandContext,
  DatabaseApi,
  DatabaseExtensions,
  QueryInfo,
  QueryModel as DatabaseQueryModel,
  StatementOutcome,
  SystemTable,
} from '../database/index.ts';
import { SqlError } from '../sql/index.ts';
import {
  clusterStorage,
  placeRow,
  storageSystemTables,
  storedWidth,
  VARCHAR_OVERHEAD,
} from '../storage/index.ts';
import { utf8Length, type StoredValue } from '../types/index.ts';
import { PlanError, type PlanContext } from './context.ts';
import { explain } from './explain.ts';
import { modelPlan, modelQuery } from './model.ts';
import { scanTable } from './scan.ts';

/** The extensions storage and the plan add to a database. */
export interface StorageExtensions {
  readonly sliceForRow: NonNullable<DatabaseExtensions['sliceForRow']>;
  readonly modelQuery: NonNullable<DatabaseExtensions['modelQuery']>;
  readonly tableChanged: NonNullable<DatabaseExtensions['tableChanged']>;
  readonly systemTables: readonly SystemTable<DatabaseApi>[];
  readonly commands: { readonly explain: (context: CommandContext) => StatementOutcome };
}

/** Rows placed since the database last reported a write to their table. */
interface Batch {
  readonly perSlice: number[];
  readonly fresh: boolean;
  /** Stored bytes of each VARCHAR column per slice. */
  readonly bytes: Map<number, number[]>;
}

/** The planner's view of a database: its tables, its storage, and constants evaluated by its own SQL. */
export function planContextOf(database: DatabaseApi): PlanContext {
  return {
    table: (name) => database.table(name),
    storage: clusterStorage(database),
    constant: (expr: Expr): StoredValue | undefined => {
      try {
        const query = database.prepareQuery(`select ${toSql.expr(expr)}`);
        if (query.tables.length > 0) return undefined;
        return database.runPrepared(query)[0]?.[0] ?? undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * A query the plan does not cover still reads its tables: modelled as a full scan of every column of
 * every user table it reads, so its time is an upper bound rather than nothing.
 */
function fullScanModel(query: QueryInfo, context: PlanContext): DatabaseQueryModel {
  const scans = query.tables.map((table) => {
    const report = context.storage.tableStorage(table);
    return { alias: table.name, slices: scanTable(report, new Set(table.columns.map((_, i) => i)), []) };
  });
  const model = modelPlan(
    { scans, joins: [], aggregationBytes: 0, resultRows: 0, resultBytes: 0, leaderSort: false },
    context,
  );
  return { modelledMillis: model.modelledMillis, scan: [...model.scan] };
}

/** The query text after EXPLAIN, as the statement wrote it. */
function explainedText(context: CommandContext): string {
  const second = context.tokens[1];
  if (second === undefined)
    throw new SqlError('42601', 'syntax error at end of input: EXPLAIN needs a query after it');
  if (second.value.toLowerCase() === 'verbose') {
    throw new SqlError(
      '0A000',
      'EXPLAIN VERBOSE is not supported by this simulator yet; use EXPLAIN',
      second.start - context.start,
    );
  }
  return context.text.slice(second.start - context.start);
}

/** The outer SELECT's TOP n, read from the statement's tokens (EXPLAIN SELECT TOP n …). */
function topOf(context: CommandContext): number | undefined {
  const [, select, top, count] = context.tokens;
  if (select?.value !== 'select' || top?.value !== 'top' || count?.kind !== 'number') return undefined;
  return Number(count.value);
}

/** Storage and plan extensions for a RedshiftDatabase. */
export function storageExtensions(): StorageExtensions {
  // Rows placed since the database last reported a write, per table and slice: an append keeps the
  // table's row counts known without reading it again.
  const placed = new Map<string, Batch>();
  return {
    sliceForRow: (table, row, ordinal, cluster) => {
      const slice = placeRow(table, row, ordinal, cluster);
      let batch = placed.get(table.name);
      if (batch === undefined) {
        const slices = cluster.nodes * cluster.slicesPerNode;
        const varchar = table.columns.flatMap((c, i) => (storedWidth(c) === null ? [i] : []));
        batch = {
          perSlice: new Array<number>(slices).fill(0),
          fresh: ordinal === 0,
          bytes: new Map(varchar.map((c) => [c, new Array<number>(slices).fill(0)])),
        };
        placed.set(table.name, batch);
      }
      batch.perSlice[slice]!++;
      for (const [column, perSlice] of batch.bytes) {
        const value = row[column];
        perSlice[slice]! += (typeof value === 'string' ? utf8Length(value) : 0) + VARCHAR_OVERHEAD;
      }
      return slice;
    },
    modelQuery: (query, database) => {
      const context = planContextOf(database);
      if (query.tables.length === 0) return { modelledMillis: 0, scan: null };
      try {
        const model = modelQuery(query.ast as Statement, context);
        return { modelledMillis: model.modelledMillis, scan: [...model.scan] };
      } catch (e) {
        if (e instanceof PlanError) return fullScanModel(query, context);
        throw e;
      }
    },
    tableChanged: (table, database) => {
      const storage = clusterStorage(database);
      if (table === null) {
        placed.clear();
        storage.invalidateAll();
        return;
      }
      const batch = placed.get(table);
      placed.delete(table);
      if (batch !== undefined) storage.appended(table, batch.perSlice, batch.fresh, batch.bytes);
      else storage.invalidate(table);
    },
    systemTables: storageSystemTables((database: DatabaseApi) => ({
      storage: clusterStorage(database),
      tables: () => database.tables(),
    })),
    commands: {
      explain: (command) => {
        const database = command.database;
        const query = database.prepareQuery(explainedText(command));
        let lines: string[];
        try {
          lines = explain(query.ast as Statement, planContextOf(database), topOf(command));
        } catch (e) {
          if (e instanceof PlanError) throw new SqlError('0A000', e.message, 0);
          throw e;
        }
        return {
          command: 'EXPLAIN',
          columns: ['QUERY PLAN'],
          rows: lines.map((l) => [l]),
          rowCount: lines.length,
          explain: lines,
        };
      },
    },
  };
}
