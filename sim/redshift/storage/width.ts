/**
 * How many bytes a value takes in a 1 MB block.
 *
 * The model stores every column uncompressed (RAW) at the width Redshift documents for its type (RS-DG23
 * `c_Supported_data_types.md`: SMALLINT 2, INTEGER 4, BIGINT 8, REAL 4, DOUBLE PRECISION 8, BOOLEAN 1,
 * DATE 4, TIMESTAMP/TIMESTAMPTZ 8, DECIMAL 8 up to precision 18 and 16 beyond, CHAR(n) n bytes,
 * VARCHAR 4 bytes plus the value's UTF-8 bytes). Where ENCODE names an encoding whose size per value is fixed
 * by definition (BYTEDICT 1 byte, DELTA 1, DELTA32K 2, MOSTLY8/16/32 1/2/4 for the values that fit), the
 * model uses that size; LZO, ZSTD, AZ64, RUNLENGTH, TEXT255 and TEXT32K depend on the data in ways the model
 * does not reproduce, so they are counted as RAW. Block counts are therefore an approximation, larger than a
 * real cluster's wherever a real encoding compresses.
 */
import { MIB, bytes, type Bytes } from '../../core/index.ts';
import type { ColumnLayout, ColumnTypeLike } from './layout.ts';

/** A Redshift data block: 1 MB (AWS-FACTS §6.2). */
export const BLOCK_BYTES: Bytes = bytes(MIB);

/** The length prefix Redshift stores with every VARCHAR value. */
export const VARCHAR_OVERHEAD: Bytes = bytes(4);

const FIXED: Record<string, number> = {
  smallint: 2,
  integer: 4,
  bigint: 8,
  real: 4,
  'double precision': 8,
  boolean: 1,
  date: 4,
  timestamp: 8,
  timestamptz: 8,
};

const ENCODED: Record<string, number> = {
  bytedict: 1,
  delta: 1,
  delta32k: 2,
  mostly8: 1,
  mostly16: 2,
  mostly32: 4,
};

/** The uncompressed width of a fixed-width type, or null for VARCHAR (whose width is its data). */
export function rawWidth(type: ColumnTypeLike): Bytes | null {
  if (type.kind === 'varchar') return null;
  if (type.kind === 'char') return bytes(type.length ?? 1);
  if (type.kind === 'decimal') return bytes((type.precision ?? 18) <= 18 ? 8 : 16);
  const fixed = FIXED[type.kind];
  if (fixed === undefined) throw new Error(`No stored width is known for the column type "${type.kind}".`);
  return bytes(fixed);
}

/**
 * The bytes one value of this column takes in the model, or null when it depends on the value (a VARCHAR
 * stored RAW or with a data-dependent encoding).
 */
export function storedWidth(column: ColumnLayout): Bytes | null {
  const encoded = column.encode === null ? undefined : ENCODED[column.encode.toLowerCase()];
  const raw = rawWidth(column.type);
  if (encoded !== undefined && (raw === null || encoded < raw)) return bytes(encoded);
  return raw;
}

/** Values of a fixed-width column that fit in one block. */
export function valuesPerBlock(width: Bytes): number {
  return Math.floor(BLOCK_BYTES / width);
}

/** The average width of a column for EXPLAIN's `width=`, from the declared type. */
export function declaredWidth(column: ColumnLayout): number {
  const raw = rawWidth(column.type);
  return raw ?? Math.min(column.type.length ?? 256, 256);
}
