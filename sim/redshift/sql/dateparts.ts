/**
 * Redshift's date parts (the first argument of DATEADD, DATEDIFF, DATE_TRUNC, DATE_PART and EXTRACT's
 * field) with their abbreviations, and the native SQLite expression for each.
 */
import { SqlError } from './errors.ts';

/** A date part by its canonical name. */
export type DatePart =
  | 'year'
  | 'quarter'
  | 'month'
  | 'week'
  | 'day'
  | 'dayofweek'
  | 'dayofyear'
  | 'hour'
  | 'minute'
  | 'second'
  | 'epoch';

const ALIASES: Record<string, DatePart> = {};
const NAMES: [DatePart, string[]][] = [
  ['year', ['year', 'years', 'y', 'yr', 'yrs']],
  ['quarter', ['quarter', 'quarters', 'qtr', 'qtrs']],
  ['month', ['month', 'months', 'mon', 'mons']],
  ['week', ['week', 'weeks', 'w']],
  ['day', ['day', 'days', 'd']],
  ['dayofweek', ['dayofweek', 'dow', 'dw', 'weekday']],
  ['dayofyear', ['dayofyear', 'doy', 'dy', 'yearday']],
  ['hour', ['hour', 'hours', 'h', 'hr', 'hrs']],
  ['minute', ['minute', 'minutes', 'm', 'min', 'mins']],
  ['second', ['second', 'seconds', 's', 'sec', 'secs']],
  ['epoch', ['epoch']],
];
for (const [part, names] of NAMES) for (const name of names) ALIASES[name] = part;

/** The canonical date part for a name Redshift accepts, or Redshift's error. */
export function datePart(name: string, offset?: number): DatePart {
  const part = ALIASES[name.toLowerCase()];
  if (!part) throw new SqlError('0A000', `date part "${name}" is not recognized`, offset);
  return part;
}

/** SQLite for EXTRACT/DATE_PART of a timestamp text expression. */
export function extractSql(part: DatePart, ts: string): string {
  switch (part) {
    case 'year':
      return `CAST(substr(${ts}, 1, 4) AS INTEGER)`;
    case 'quarter':
      return `((CAST(substr(${ts}, 6, 2) AS INTEGER) + 2) / 3)`;
    case 'month':
      return `CAST(substr(${ts}, 6, 2) AS INTEGER)`;
    case 'week':
      return `CAST(strftime('%V', ${ts}) AS INTEGER)`;
    case 'day':
      return `CAST(substr(${ts}, 9, 2) AS INTEGER)`;
    case 'dayofweek':
      return `CAST(strftime('%w', ${ts}) AS INTEGER)`;
    case 'dayofyear':
      return `CAST(strftime('%j', ${ts}) AS INTEGER)`;
    case 'hour':
      return `CAST(substr(${ts}, 12, 2) AS INTEGER)`;
    case 'minute':
      return `CAST(substr(${ts}, 15, 2) AS INTEGER)`;
    case 'second':
      return `CAST(substr(${ts}, 18, 2) AS INTEGER)`;
    case 'epoch':
      return `unixepoch(${ts})`;
  }
}

/** SQLite for DATE_TRUNC of a timestamp text expression: the start of its part, as a timestamp. */
export function truncSql(part: DatePart, ts: string): string {
  switch (part) {
    case 'year':
      return `(substr(${ts}, 1, 4) || '-01-01 00:00:00')`;
    case 'quarter':
      return `(substr(${ts}, 1, 5) || printf('%02d', ((CAST(substr(${ts}, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01 00:00:00')`;
    case 'month':
      return `(substr(${ts}, 1, 7) || '-01 00:00:00')`;
    case 'week':
      // Redshift's weeks start on Monday.
      return `(date(${ts}, '-' || ((CAST(strftime('%w', ${ts}) AS INTEGER) + 6) % 7) || ' days') || ' 00:00:00')`;
    case 'day':
      return `(substr(${ts}, 1, 10) || ' 00:00:00')`;
    case 'hour':
      return `(substr(${ts}, 1, 13) || ':00:00')`;
    case 'minute':
      return `(substr(${ts}, 1, 16) || ':00')`;
    case 'second':
      return `substr(${ts}, 1, 19)`;
    default:
      throw new SqlError('0A000', `date part "${part}" is not supported by DATE_TRUNC`);
  }
}

/** SQLite for DATEDIFF: the number of part boundaries crossed from a to b, as Redshift counts them. */
export function diffSql(part: DatePart, a: string, b: string): string {
  const months = (ts: string): string =>
    `(CAST(substr(${ts}, 1, 4) AS INTEGER) * 12 + CAST(substr(${ts}, 6, 2) AS INTEGER))`;
  switch (part) {
    case 'year':
      return `(CAST(substr(${b}, 1, 4) AS INTEGER) - CAST(substr(${a}, 1, 4) AS INTEGER))`;
    case 'quarter':
      return `((${months(b)} - 1) / 3 - (${months(a)} - 1) / 3)`;
    case 'month':
      return `(${months(b)} - ${months(a)})`;
    case 'week':
      return `(CAST(julianday(${truncSql('week', b)}) - julianday(${truncSql('week', a)}) AS INTEGER) / 7)`;
    case 'day':
      return `CAST(julianday(substr(${b}, 1, 10)) - julianday(substr(${a}, 1, 10)) AS INTEGER)`;
    case 'hour':
      return `((unixepoch(${b}) / 3600) - (unixepoch(${a}) / 3600))`;
    case 'minute':
      return `((unixepoch(${b}) / 60) - (unixepoch(${a}) / 60))`;
    case 'second':
      return `(unixepoch(${b}) - unixepoch(${a}))`;
    default:
      throw new SqlError('0A000', `date part "${part}" is not supported by DATEDIFF`);
  }
}
