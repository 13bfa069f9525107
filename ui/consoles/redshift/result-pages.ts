/**
 * A result's rows a page at a time. The worker keeps a query's whole result and sends the page only the
 * first window of rows; pages past the window are asked for (see console-client), so a `SELECT *` of a
 * million rows never crosses to the page at once.
 */

/** A cell as Redshift prints it: dates and timestamps as text, NULL as null. */
export type Cell = string | number | boolean | null;

/** Rows per page of the results table. */
export const PAGE_SIZE = 50;
/** Rows the worker sends with a result: the table's first pages and what the chart draws. */
export const FIRST_WINDOW_ROWS = 1000;

/** Where a page is and what it holds. */
export interface PageWindow {
  /** 0-based page number, clamped to the pages there are. */
  readonly page: number;
  readonly pages: number;
  /** Offset of the page's first row in the result. */
  readonly offset: number;
  /** Rows on this page (the last page may be short). */
  readonly length: number;
}

/** The page `page` of a result of `rowCount` rows; a result with no rows has one empty page. */
export function pageWindow(rowCount: number, page: number, pageSize = PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(rowCount / pageSize));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const offset = clamped * pageSize;
  return { page: clamped, pages, offset, length: Math.max(0, Math.min(pageSize, rowCount - offset)) };
}

/** The page's rows if `loaded` (rows from offset 0) holds them all, else undefined (ask the worker). */
export function rowsFromWindow(
  loaded: readonly (readonly Cell[])[],
  window: PageWindow,
): readonly (readonly Cell[])[] | undefined {
  if (window.offset + window.length > loaded.length) return undefined;
  return loaded.slice(window.offset, window.offset + window.length);
}

/** "Rows 51–100 of 1,234", or "No rows". */
export function pageCaption(rowCount: number, window: PageWindow): string {
  if (rowCount === 0) return 'No rows';
  const f = (n: number) => n.toLocaleString('en-US');
  return `Rows ${f(window.offset + 1)}–${f(window.offset + window.length)} of ${f(rowCount)}`;
}
