/**
 * Dates and timestamps as the engine stores them: text `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS[.ffffff]`,
 * which SQLite sorts and compares natively and which is exactly how Redshift prints them. Parsing reads
 * character codes instead of running a regular expression per field, because COPY calls it for every
 * timestamp of every row.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when year-month-day names a day of the calendar. */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const max = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= max;
}

function digitsAt(s: string, at: number, count: number): number {
  let value = 0;
  for (let k = at; k < at + count; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` for a day. */
export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `YYYY-MM-DD HH:MM:SS[.f]` with the fraction's trailing zeros dropped, as Redshift prints it. */
export function formatTimestamp(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string,
): string {
  const trimmed = fraction.replace(/0+$/, '');
  return `${formatDate(year, month, day)} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${trimmed ? `.${trimmed}` : ''}`;
}

/**
 * Read the ISO forms PostgreSQL's input accepts most often: `YYYY-MM-DD`, then optionally a space or `T`,
 * `HH:MM[:SS[.ffffff]]`, and an ignored `Z`/`+hh[:mm]` zone for timestamp without time zone. Returns the
 * stored timestamp text, or null when the text is not one of these forms or not a real day/time.
 */
export function parseIsoTimestamp(text: string): string | null {
  const s = text.trim();
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < 0 || month < 0 || day < 0 || !isValidDay(year, month, day)) return null;
  if (n === 10) return `${s} 00:00:00`;
  const sep = s.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || n < 16 || s.charCodeAt(13) !== 58) return null;
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  let second = 0;
  let fraction = '';
  let at = 16;
  if (s.charCodeAt(16) === 58) {
    second = digitsAt(s, 17, 2);
    at = 19;
    if (s.charCodeAt(19) === 46) {
      let k = 20;
      while (k < n && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
      fraction = s.slice(20, Math.min(k, 26));
      at = k;
    }
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (at < n && !isZone(s, at)) return null;
  // The common case is already stored text: give it back without building a new string.
  if (at === 19 && n === 19 && sep === 32) return s;
  return formatTimestamp(year, month, day, hour, minute, second, fraction);
}

function isZone(s: string, at: number): boolean {
  const rest = s.slice(at).trim();
  if (rest === 'Z' || rest === 'z' || rest.toUpperCase() === 'UTC') return true;
  const c = rest.charCodeAt(0);
  if (c !== 43 && c !== 45) return false;
  for (let k = 1; k < rest.length; k++) {
    const d = rest.charCodeAt(k);
    if (!((d >= 48 && d <= 57) || d === 58)) return false;
  }
  return rest.length >= 3;
}

/** Read a date (`YYYY-MM-DD`, or a timestamp whose day is taken); null when it is not a real day. */
export function parseIsoDate(text: string): string | null {
  const s = text.trim();
  if (s.length === 10) {
    if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
    const year = digitsAt(s, 0, 4);
    const month = digitsAt(s, 5, 2);
    const day = digitsAt(s, 8, 2);
    return year >= 0 && month >= 0 && day >= 0 && isValidDay(year, month, day) ? s : null;
  }
  const timestamp = parseIsoTimestamp(s);
  return timestamp === null ? null : timestamp.slice(0, 10);
}

/** The stored timestamp text of an instant on the simulation clock (UTC, as Redshift's default zone). */
export function timestampFromMillis(ms: number): string {
  const d = new Date(ms);
  const fraction = pad(d.getUTCMilliseconds(), 3);
  return formatTimestamp(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    fraction,
  );
}
