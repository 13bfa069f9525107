/**
 * COPY's DATEFORMAT and TIMEFORMAT: a format string such as `'YYYY-MM-DD HH24:MI:SS'` compiled once into
 * a reader, `'auto'` (the forms Redshift recognises without being told), and `'epochsecs'` /
 * `'epochmillisecs'`. Each reader returns the stored text or null.
 */
import { formatTimestamp, isValidDay, parseIsoTimestamp, timestampFromMillis } from './datetime.ts';

/** Reads one field as a timestamp; null when the field does not match. */
export type TimestampReader = (field: string) => string | null;

type Part =
  | { kind: 'literal'; text: string }
  | {
      kind: 'YYYY' | 'YY' | 'MM' | 'MON' | 'DD' | 'HH24' | 'HH12' | 'MI' | 'SS' | 'FRACTION' | 'AMPM' | 'OF';
    };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TOKENS: readonly [string, Part['kind']][] = [
  ['YYYY', 'YYYY'],
  ['YY', 'YY'],
  ['MON', 'MON'],
  ['MM', 'MM'],
  ['DD', 'DD'],
  ['HH24', 'HH24'],
  ['HH12', 'HH12'],
  ['HH', 'HH12'],
  ['MI', 'MI'],
  ['SS.SSSSSS', 'FRACTION'],
  ['SS.SSS', 'FRACTION'],
  ['SS', 'SS'],
  ['AM', 'AMPM'],
  ['PM', 'AMPM'],
  ['OF', 'OF'],
];

function compileParts(format: string): Part[] {
  const parts: Part[] = [];
  const upper = format.toUpperCase();
  let i = 0;
  while (i < upper.length) {
    const match = TOKENS.find(([token]) => upper.startsWith(token, i));
    if (match) {
      parts.push({ kind: match[1] } as Part);
      i += match[0].length;
    } else {
      const last = parts[parts.length - 1];
      if (last?.kind === 'literal') last.text += format[i];
      else parts.push({ kind: 'literal', text: format[i]! });
      i++;
    }
  }
  return parts;
}

function readDigits(s: string, at: number, max: number): [number, number] {
  let value = 0;
  let k = at;
  while (k < s.length && k < at + max) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    k++;
  }
  return k === at ? [-1, at] : [value, k];
}

function readerFromParts(parts: readonly Part[]): TimestampReader {
  return (input) => {
    const s = input.trim();
    let at = 0;
    let year = 1970;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let fraction = '';
    let pm: boolean | null = null;
    for (const part of parts) {
      let value: number;
      switch (part.kind) {
        case 'literal':
          for (const ch of part.text) {
            if (ch === ' ') {
              while (s[at] === ' ') at++;
            } else if (s[at] === ch) at++;
            else return null;
          }
          continue;
        case 'MON': {
          const month3 = s.slice(at, at + 3).toLowerCase();
          const index = MONTHS.indexOf(month3);
          if (index < 0) return null;
          month = index + 1;
          at += 3;
          continue;
        }
        case 'AMPM': {
          const text = s.slice(at, at + 2).toUpperCase();
          if (text !== 'AM' && text !== 'PM') return null;
          pm = text === 'PM';
          at += 2;
          continue;
        }
        case 'OF': {
          // The offset is read and dropped: timestamp without time zone keeps the wall-clock time.
          if (s[at] !== '+' && s[at] !== '-') return null;
          at++;
          while (at < s.length && /[0-9:]/.test(s[at]!)) at++;
          continue;
        }
        case 'FRACTION': {
          [value, at] = readDigits(s, at, 2);
          if (value < 0) return null;
          second = value;
          if (s[at] === '.') {
            const from = ++at;
            while (at < s.length && s.charCodeAt(at) >= 48 && s.charCodeAt(at) <= 57) at++;
            fraction = s.slice(from, Math.min(at, from + 6));
          }
          continue;
        }
        default:
          break;
      }
      const width = part.kind === 'YYYY' ? 4 : 2;
      [value, at] = readDigits(s, at, width);
      if (value < 0) return null;
      if (part.kind === 'YYYY') year = value;
      else if (part.kind === 'YY') year = value < 70 ? 2000 + value : 1900 + value;
      else if (part.kind === 'MM') month = value;
      else if (part.kind === 'DD') day = value;
      else if (part.kind === 'HH24' || part.kind === 'HH12') hour = value;
      else if (part.kind === 'MI') minute = value;
      else second = value;
    }
    if (at !== s.length) return null;
    if (pm !== null) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (!isValidDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
    return formatTimestamp(year, month, day, hour, minute, second, fraction);
  };
}

const AUTO_FORMATS = [
  'YYYY/MM/DD HH24:MI:SS.SSSSSS',
  'YYYY/MM/DD',
  'MM/DD/YYYY HH24:MI:SS.SSSSSS',
  'MM/DD/YYYY',
  'DD/MON/YYYY:HH24:MI:SS OF',
  'DD/MON/YYYY:HH24:MI:SS',
  'MON DD YYYY HH24:MI:SS',
  'MON DD, YYYY',
  'MON DD YYYY',
  'DD MON YYYY',
  'YYYYMMDD HH24:MI:SS',
  'YYYYMMDD',
].map((f) => readerFromParts(compileParts(f)));

function autoReader(field: string): string | null {
  const iso = parseIsoTimestamp(field);
  if (iso !== null) return iso;
  for (const reader of AUTO_FORMATS) {
    const value = reader(field);
    if (value !== null) return value;
  }
  return null;
}

const cache = new Map<string, TimestampReader>();

/**
 * The reader for a COPY DATEFORMAT/TIMEFORMAT value. Without a format, COPY reads ISO text
 * (`YYYY-MM-DD HH:MI:SS`, fractional seconds allowed).
 */
export function timestampReader(format: string | undefined): TimestampReader {
  if (format === undefined) return parseIsoTimestamp;
  const key = format.toLowerCase();
  if (key === 'auto') return autoReader;
  if (key === 'epochsecs') return epochReader(1000);
  if (key === 'epochmillisecs') return epochReader(1);
  let reader = cache.get(format);
  if (!reader) {
    reader = readerFromParts(compileParts(format));
    cache.set(format, reader);
  }
  return reader;
}

function epochReader(scale: number): TimestampReader {
  return (field) => {
    const s = field.trim();
    if (s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return null;
    return timestampFromMillis(Number(s) * scale).replace(/\.0+$/, '');
  };
}
