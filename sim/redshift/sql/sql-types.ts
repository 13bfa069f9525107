/**
 * Types the translator infers for expressions: a column type, `unknown` for a string literal or NULL whose
 * type the context decides (as in PostgreSQL), `interval` for INTERVAL literals. Knowing the types lets the
 * translator emit native SQLite (a timestamp compared with a date becomes a text comparison of two
 * timestamps) and print results as Redshift does (1 → true for a boolean column).
 */
import { bytes } from '../../core/index.ts';
import type { RedshiftType, StoredValue } from '../types/index.ts';

/** The type of an expression. */
export type SqlType = RedshiftType | { readonly kind: 'unknown' } | { readonly kind: 'interval' };

/** An expression translated to SQLite. */
export interface Emitted {
  readonly sql: string;
  readonly type: SqlType;
  /** The value when the expression is a constant the translator can read (literals, GETDATE()). */
  readonly constant?: StoredValue | boolean;
}

/** A column of a relation the translator can read from: a table, a view of a system table, a subquery. */
export interface RelationColumn {
  readonly name: string;
  readonly type: SqlType;
}

/** A relation the catalogue knows. */
export interface CatalogRelation {
  readonly name: string;
  readonly columns: readonly RelationColumn[];
  /**
   * `user`: a table a learner created (its queries run on the compute nodes); `system`: STL/STV/SVV
   * tables (also compute nodes); `catalog`: PG_ tables, which live on the leader node.
   */
  readonly kind: 'user' | 'system' | 'catalog';
}

/** What the translator needs to know about the database. */
export interface Catalog {
  relation(name: string): CatalogRelation | undefined;
}

export const INTEGER: SqlType = { kind: 'integer' };
export const BIGINT: SqlType = { kind: 'bigint' };
export const DOUBLE: SqlType = { kind: 'double precision' };
export const BOOLEAN: SqlType = { kind: 'boolean' };
export const DATE: SqlType = { kind: 'date' };
export const TIMESTAMP: SqlType = { kind: 'timestamp' };
export const TIMESTAMPTZ: SqlType = { kind: 'timestamptz' };
export const UNKNOWN: SqlType = { kind: 'unknown' };
export const TEXT: SqlType = { kind: 'varchar', length: bytes(65535) };

/** True for integer types. */
export function isInteger(t: SqlType): boolean {
  return t.kind === 'smallint' || t.kind === 'integer' || t.kind === 'bigint';
}

/** True for any number type. */
export function isNumber(t: SqlType): boolean {
  return isInteger(t) || t.kind === 'real' || t.kind === 'double precision' || t.kind === 'decimal';
}

/** True for CHAR/VARCHAR. */
export function isText(t: SqlType): boolean {
  return t.kind === 'varchar' || t.kind === 'char';
}

/** True for DATE/TIMESTAMP/TIMESTAMPTZ. */
export function isDateTime(t: SqlType): boolean {
  return t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamptz';
}

/** The name PostgreSQL uses in "operator does not exist" messages. */
export function typeLabel(t: SqlType): string {
  switch (t.kind) {
    case 'varchar':
      return 'character varying';
    case 'char':
      return 'character';
    case 'decimal':
      return 'numeric';
    case 'timestamp':
      return 'timestamp without time zone';
    case 'timestamptz':
      return 'timestamp with time zone';
    default:
      return t.kind;
  }
}

/** Quote a string as an SQLite literal. */
export function quoteString(s: string): string {
  return `'${s.split("'").join("''")}'`;
}

/** Quote an identifier for SQLite. */
export function quoteIdentifier(name: string): string {
  return `"${name.split('"').join('""')}"`;
}
