import type { LoadTimeModel } from './load-time.ts';

/**
 * The load history a learner queries: STL_LOAD_ERRORS (one row per rejected record) and STL_LOAD_COMMITS
 * (one row per file a load committed), with AWS's columns (AWS-FACTS §6.4; RS-DG `r_STL_LOAD_ERRORS.md`,
 * `r_STL_LOAD_COMMITS.md`). Character columns are cut to their declared widths as Redshift stores them;
 * they are not blank-padded, so `trim(filename)` and `filename = '…'` both work.
 */

/** One STL_LOAD_ERRORS row. */
export interface LoadErrorRow {
  readonly userid: number;
  readonly slice: number;
  /** The table's id (stv_tbl_perm.id). */
  readonly tbl: number;
  /** 'YYYY-MM-DD HH:MM:SS.ffffff' on the simulation clock. */
  readonly starttime: string;
  readonly session: number;
  readonly query: number;
  /** Full path of the input file: `s3://bucket/key` (char 256). */
  readonly filename: string;
  /** Line in the (decompressed) file, 1-based, header lines counted. */
  readonly line_number: number;
  /** char 127; empty when the whole line is wrong. */
  readonly colname: string;
  /** The column's type as Redshift names it internally: int4, varchar, timestamp … (char 10). */
  readonly type: string;
  /** The column's declared length (char 10): '512' for varchar(512), '0' otherwise. */
  readonly col_length: string;
  /** Position of the error in the field. */
  readonly position: number;
  /** The record as it stands in the file (char 1024). */
  readonly raw_line: string;
  /** The field's value (char 1024). */
  readonly raw_field_value: string;
  readonly err_code: number;
  /** char 100. */
  readonly err_reason: string;
}

/** One STL_LOAD_COMMITS row. */
export interface LoadCommitRow {
  readonly userid: number;
  readonly query: number;
  readonly slice: number;
  /** System-defined; the simulation puts the file's key. */
  readonly name: string;
  readonly filename: string;
  readonly byte_offset: number;
  readonly lines_scanned: number;
  readonly errors: number;
  readonly curtime: string;
  readonly status: number;
  readonly file_format: string;
  readonly is_partial: number;
  readonly start_offset: number;
}

/** Column widths AWS declares for STL_LOAD_ERRORS' character columns. */
export const LOAD_ERROR_WIDTHS = {
  filename: 256,
  colname: 127,
  type: 10,
  col_length: 10,
  raw_line: 1024,
  raw_field_value: 1024,
  err_reason: 100,
} as const;

/** Both tables' rows, appended by every COPY, failed or not (a failed load keeps its error rows). */
export interface LoadLog {
  readonly errors: LoadErrorRow[];
  readonly commits: LoadCommitRow[];
  /**
   * The most recent COPY that ran, failed or not: PG_LAST_COPY_ID() is its query id (AWS's examples read
   * `stl_load_errors where query = pg_last_copy_id()` after a failed load) and PG_LAST_COPY_COUNT() its rows
   * loaded (0 when it failed). Null before any COPY: both functions then return -1. `loadTime` is the
   * modelled load (slices, files, what bounded it) for the console, once the files were read.
   */
  lastCopy: {
    readonly query: number;
    readonly rowsLoaded: number;
    readonly loadTime: LoadTimeModel | null;
  } | null;
}

/** An empty load history. */
export function createLoadLog(): LoadLog {
  return { errors: [], commits: [], lastCopy: null };
}

/** Cuts a value to a char(n) column's width in UTF-8 bytes without splitting a character. */
export function fitWidth(value: string, widthBytes: number): string {
  if (value.length * 3 <= widthBytes) return value;
  let total = 0;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (total + size > widthBytes) return value.slice(0, k);
    total += size;
    if (size === 4) k++;
  }
  return value;
}

/** Formats the simulation clock as STL tables print timestamps (microseconds, UTC). */
export function stlTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000`;
}
