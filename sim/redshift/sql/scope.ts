/**
 * Name resolution for the translator: which relations a query reads (each under its alias), how a column
 * reference finds its relation (PostgreSQL's rules: qualified by alias, else the one relation that has the
 * column, else the enclosing query for a correlated subquery), and what the whole statement touched.
 */
import type { SelectStatement } from 'pgsql-ast-parser';
import type { StoredValue } from '../types/index.ts';
import { SqlError } from './errors.ts';
import type { RedshiftSyntax } from './front-end.ts';
import {
  quoteIdentifier,
  type Catalog,
  type CatalogRelation,
  type Emitted,
  type RelationColumn,
} from './sql-types.ts';

/** A relation in a query's FROM list. */
export interface ScopeRelation {
  /** The alias (or the table's name) references use, lower-cased. */
  readonly alias: string;
  readonly columns: readonly RelationColumn[];
}

/** The relations visible at one level of a query; `parent` is the enclosing query. */
export class Scope {
  constructor(
    readonly relations: readonly ScopeRelation[],
    readonly parent: Scope | null,
  ) {}

  /** Resolve a column reference, or throw PostgreSQL's error. */
  resolve(name: string, table: string | undefined, offset: number | undefined): Emitted {
    const found = this.find(name, table, offset);
    if (found) return found;
    const shown = table ? `${table}.${name}` : name;
    throw new SqlError('42703', `column "${shown}" does not exist`, offset);
  }

  /** The alias of the relation a column reference resolves to (PostgreSQL names it in grouping errors). */
  aliasOf(name: string, table: string | undefined): string | undefined {
    if (table !== undefined) return table;
    const here = this.relations.find((r) => r.columns.some((c) => c.name === name));
    return here ? here.alias : this.parent?.aliasOf(name, undefined);
  }

  /** Like resolve, but undefined instead of an error when no relation has the column. */
  find(name: string, table: string | undefined, offset: number | undefined): Emitted | undefined {
    if (table !== undefined) {
      const relation = this.relations.find((r) => r.alias === table);
      if (relation) {
        const column = relation.columns.find((c) => c.name === name);
        if (!column) throw new SqlError('42703', `column ${table}.${name} does not exist`, offset);
        return { sql: `${quoteIdentifier(relation.alias)}.${quoteIdentifier(name)}`, type: column.type };
      }
      if (this.parent) return this.parent.find(name, table, offset);
      throw new SqlError('42P01', `missing FROM-clause entry for table "${table}"`, offset);
    }
    let match: Emitted | undefined;
    for (const relation of this.relations) {
      const column = relation.columns.find((c) => c.name === name);
      if (!column) continue;
      if (match) throw new SqlError('42702', `column reference "${name}" is ambiguous`, offset);
      match = { sql: `${quoteIdentifier(relation.alias)}.${quoteIdentifier(name)}`, type: column.type };
    }
    return match ?? this.parent?.find(name, table, offset);
  }
}

/** A leader-node-only function a statement used, for Redshift's refusal when it also reads tables. */
export interface LeaderOnlyUse {
  readonly name: string;
  readonly offset: number | undefined;
}

/** What the whole statement needs while it is translated; shared by its subqueries. */
export interface QueryContext {
  readonly catalog: Catalog;
  /** Redshift's TOP n, by the offset of the SELECT keyword it follows (read by the front end). */
  readonly syntax: RedshiftSyntax;
  /** GETDATE(): the statement's start on the simulation clock, 'YYYY-MM-DD HH:MM:SS'. */
  readonly statementStart: string;
  /** SYSDATE: the transaction's start, with fractional seconds. */
  readonly transactionStart: string;
  readonly leaderOnly: LeaderOnlyUse[];
  /** Kinds of relations read: compute-node relations make leader-only functions fail. */
  readonly touched: Set<CatalogRelation['kind']>;
  /** System tables the statement reads, which the database materialises before running it. */
  readonly systemTables: Set<string>;
  /** Functions of the session without arguments (PG_LAST_COPY_ID() …), by lower-case name. */
  readonly sessionFunctions: Readonly<Record<string, () => StoredValue>>;
  /** Common table expressions visible by name (WITH). */
  readonly ctes: Map<string, readonly RelationColumn[]>;
  /** Translate a subquery (scalar, IN, EXISTS or in FROM) inside the given scope. */
  readonly translateSubquery: (select: SelectStatement, scope: Scope) => TranslatedQuery;
}

/** A query translated to SQLite with its result columns. */
export interface TranslatedQuery {
  readonly sql: string;
  readonly columns: readonly RelationColumn[];
  /** Statements to run before the query (a hash aggregate fills its group table) and after it. */
  readonly setup?: readonly string[];
  readonly teardown?: readonly string[];
}
