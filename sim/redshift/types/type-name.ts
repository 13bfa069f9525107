/**
 * Redshift's column types and their names: the aliases CREATE TABLE accepts (`int4`, `character varying`,
 * `text` …) and the canonical names `pg_table_def` prints. Lengths of character types are in bytes,
 * because Redshift counts bytes, not characters: 'héllo' is 6 bytes and does not fit a VARCHAR(5).
 */
import { bytes, type Bytes } from '../../core/index.ts';

/** A Redshift column type. */
export type RedshiftType =
  | {
      readonly kind:
        | 'smallint'
        | 'integer'
        | 'bigint'
        | 'real'
        | 'double precision'
        | 'boolean'
        | 'date'
        | 'timestamp'
        | 'timestamptz';
    }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'varchar' | 'char'; readonly length: Bytes };

/** Why a type name is refused, with Redshift's message. */
export interface TypeNameError {
  readonly error: string;
}

/** Largest VARCHAR in bytes (also what VARCHAR(MAX) means). */
export const VARCHAR_MAX = bytes(65535);
/** VARCHAR's length when none is given, and TEXT's (Redshift stores TEXT as VARCHAR(256)). */
export const TEXT_DEFAULT_LENGTH = bytes(256);
/** Largest CHAR in bytes. */
export const CHAR_MAX = bytes(4096);
/** DECIMAL's most digits. */
export const DECIMAL_MAX_PRECISION = 38;

const SIMPLE: Record<string, RedshiftType> = {
  smallint: { kind: 'smallint' },
  int2: { kind: 'smallint' },
  integer: { kind: 'integer' },
  int: { kind: 'integer' },
  int4: { kind: 'integer' },
  bigint: { kind: 'bigint' },
  int8: { kind: 'bigint' },
  real: { kind: 'real' },
  float4: { kind: 'real' },
  'double precision': { kind: 'double precision' },
  float8: { kind: 'double precision' },
  float: { kind: 'double precision' },
  boolean: { kind: 'boolean' },
  bool: { kind: 'boolean' },
  date: { kind: 'date' },
  timestamp: { kind: 'timestamp' },
  'timestamp without time zone': { kind: 'timestamp' },
  timestamptz: { kind: 'timestamptz' },
  'timestamp with time zone': { kind: 'timestamptz' },
};
const VARCHAR_NAMES = new Set(['varchar', 'character varying', 'nvarchar', 'text']);
const CHAR_NAMES = new Set(['char', 'character', 'nchar', 'bpchar']);
const DECIMAL_NAMES = new Set(['decimal', 'numeric']);

/** True when the value is a problem, not a type. */
export function isTypeNameError(t: RedshiftType | TypeNameError): t is TypeNameError {
  return 'error' in t;
}

/**
 * Read a type as CREATE TABLE or CAST writes it: `varchar(512)`, `Int`, `int4`, `numeric(10,2)`,
 * `timestamp without time zone`, `text` (VARCHAR(256)), `varchar(max)`.
 */
export function parseTypeName(text: string): RedshiftType | TypeNameError {
  const trimmed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const open = trimmed.indexOf('(');
  const base = (open < 0 ? trimmed : trimmed.slice(0, open)).trim();
  const args =
    open < 0
      ? []
      : trimmed
          .slice(open + 1, trimmed.lastIndexOf(')') < 0 ? undefined : trimmed.lastIndexOf(')'))
          .split(',')
          .map((a) => a.trim());
  return typeFromParts(base, args);
}

/** The same as parseTypeName, from a name and its parenthesised arguments already split. */
export function typeFromParts(baseName: string, args: readonly string[]): RedshiftType | TypeNameError {
  const base = baseName.toLowerCase();
  const simple = SIMPLE[base];
  if (simple) {
    if (args.length > 0) return { error: `syntax error at or near "("` };
    return simple;
  }
  if (VARCHAR_NAMES.has(base) || CHAR_NAMES.has(base)) {
    const isChar = CHAR_NAMES.has(base);
    const max = isChar ? CHAR_MAX : VARCHAR_MAX;
    const fallback = isChar ? 1 : TEXT_DEFAULT_LENGTH;
    if (base === 'text' && args.length > 0) return { error: `syntax error at or near "("` };
    const arg = args[0];
    let length = fallback;
    if (arg !== undefined) {
      if (arg === 'max') length = max;
      else {
        length = Number(arg);
        if (!Number.isInteger(length) || length < 1) {
          return { error: `length for type ${isChar ? 'char' : 'varchar'} must be at least 1` };
        }
        if (length > max) {
          return { error: `length for type ${isChar ? 'char' : 'varchar'} cannot exceed ${max}` };
        }
      }
    }
    return { kind: isChar ? 'char' : 'varchar', length: bytes(length) };
  }
  if (DECIMAL_NAMES.has(base)) {
    const precision = args[0] === undefined ? 18 : Number(args[0]);
    const scale = args[1] === undefined ? 0 : Number(args[1]);
    if (!Number.isInteger(precision) || precision < 1 || precision > DECIMAL_MAX_PRECISION) {
      return { error: `NUMERIC precision ${args[0]} must be between 1 and ${DECIMAL_MAX_PRECISION}` };
    }
    if (!Number.isInteger(scale) || scale < 0 || scale > precision) {
      return { error: `NUMERIC scale ${args[1]} must be between 0 and precision ${precision}` };
    }
    return { kind: 'decimal', precision, scale };
  }
  return { error: `type "${baseName}" does not exist` };
}

/** The type's name as `pg_table_def` and error messages print it. */
export function formatType(t: RedshiftType): string {
  switch (t.kind) {
    case 'varchar':
      return `character varying(${t.length})`;
    case 'char':
      return `character(${t.length})`;
    case 'decimal':
      return `numeric(${t.precision},${t.scale})`;
    case 'timestamp':
      return 'timestamp without time zone';
    case 'timestamptz':
      return 'timestamp with time zone';
    default:
      return t.kind;
  }
}

/** True for the types whose values are numbers. */
export function isNumericType(t: RedshiftType): boolean {
  return (
    t.kind === 'smallint' ||
    t.kind === 'integer' ||
    t.kind === 'bigint' ||
    t.kind === 'real' ||
    t.kind === 'double precision' ||
    t.kind === 'decimal'
  );
}

/** True for CHAR and VARCHAR. */
export function isCharacterType(t: RedshiftType): boolean {
  return t.kind === 'varchar' || t.kind === 'char';
}
