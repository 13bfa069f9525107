import {
  isStatementError,
  shownAsWritten,
  type SqlToken,
  type StatementError,
  type TokenCursor,
} from './tokens.ts';

/** The highest MAXERROR Redshift accepts (AWS-FACTS §6.4, RS-DG18 `copy-parameters-data-load.md`). */
export const MAX_MAXERROR = 100_000;

/** COPY's data format, conversion and load parameters, with Redshift's defaults filled in. */
export interface CopyParameters {
  /** `text`: character-delimited (the default); `csv`: RFC 4180 quoting with QUOTE. */
  readonly format: 'text' | 'csv';
  /** One character; `|` by default, `,` with CSV (AWS-FACTS §6.4). */
  readonly delimiter: string;
  /** CSV's quote character, `"` by default. */
  readonly quote: string;
  readonly gzip: boolean;
  /** Errors tolerated before the load fails; 0 by default (AWS-FACTS §6.4). */
  readonly maxError: number;
  /** Lines skipped at the top of every file. */
  readonly ignoreHeader: number;
  readonly emptyAsNull: boolean;
  readonly blanksAsNull: boolean;
  /** Fields equal to this load as NULL; `\N` by default. */
  readonly nullAs: string;
  /** DATEFORMAT as given (`'auto'` or a format string), or null for the default `YYYY-MM-DD`. */
  readonly dateFormat: string | null;
  /** TIMEFORMAT as given (`'auto'`, `'epochsecs'`, `'epochmillisecs'` or a format string), or null for the default. */
  readonly timeFormat: string | null;
  readonly truncateColumns: boolean;
  /** ACCEPTINVCHARS's replacement character (`?` when given without one), or null when invalid UTF-8 is an error. */
  readonly acceptInvChars: string | null;
  readonly acceptAnyDate: boolean;
  /** Backslash escapes the next character (text format only). */
  readonly escape: boolean;
  readonly removeQuotes: boolean;
  readonly fillRecord: boolean;
  readonly ignoreBlankLines: boolean;
  readonly trimBlanks: boolean;
  /** REGION as given, or null (the cluster's own region). */
  readonly region: string | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const DEFAULTS: CopyParameters = {
  format: 'text',
  delimiter: '|',
  quote: '"',
  gzip: false,
  maxError: 0,
  ignoreHeader: 0,
  emptyAsNull: false,
  blanksAsNull: false,
  nullAs: '\\N',
  dateFormat: null,
  timeFormat: null,
  truncateColumns: false,
  acceptInvChars: null,
  acceptAnyDate: false,
  escape: false,
  removeQuotes: false,
  fillRecord: false,
  ignoreBlankLines: false,
  trimBlanks: false,
  region: null,
};

/** COPY parameters this simulation does not model: named, so the learner knows it is the simulator, not SQL. */
const NOT_SIMULATED = new Set([
  'FIXEDWIDTH',
  'JSON',
  'AVRO',
  'PARQUET',
  'ORC',
  'SHAPEFILE',
  'MANIFEST',
  'ENCRYPTED',
  'MASTER_SYMMETRIC_KEY',
  'BZIP2',
  'LZOP',
  'ZSTD',
  'ROUNDEC',
  'EXPLICIT_IDS',
  'COMPROWS',
  'IGNOREALLERRORS',
  'SSH',
  'READRATIO',
  'NOLOAD',
]);

/** Interprets COPY's backslash forms for a one-character argument: `\t`, `\\`, and octal `\ddd`. */
export function unescapeCharacter(raw: string): string {
  if (raw.length < 2 || raw.charCodeAt(0) !== 92) return raw;
  const next = raw[1]!;
  if (next === 't') return raw.length === 2 ? '\t' : raw;
  if (next === '\\' || next === "'" || next === '|') return raw.length === 2 ? next : raw;
  if (raw.length === 4 && isOctal(raw[1]!) && isOctal(raw[2]!) && isOctal(raw[3]!)) {
    return String.fromCharCode(Number.parseInt(raw.slice(1), 8));
  }
  return raw;
}

function isOctal(c: string): boolean {
  return c >= '0' && c <= '7';
}

function conflicting(position: number, hint: string): StatementError {
  return { code: '42601', message: 'conflicting or redundant options', position, hint };
}

/** Reads COPY's parameters (after the source and authorization) and checks them against each other. */
export function readCopyParameters(cursor: TokenCursor): CopyParameters | StatementError {
  const p: Mutable<CopyParameters> = { ...DEFAULTS };
  const seen = new Map<string, SqlToken>();
  let delimiterGiven = false;
  let quoteGiven = false;
  while (!cursor.atEnd()) {
    const token = cursor.peek()!;
    if (token.kind !== 'word') return cursor.syntaxError();
    const name = token.value.toUpperCase();
    const canonical = name === 'FORMAT' ? 'FORMAT' : name;
    if (seen.has(canonical) && canonical !== 'FORMAT') {
      return conflicting(token.start, `${name} is given twice; keep one.`);
    }
    seen.set(canonical, token);
    cursor.next();
    const error = readOne(name, token, cursor, p, (what) => {
      if (what === 'delimiter') delimiterGiven = true;
      else quoteGiven = true;
    });
    if (error) return error;
  }
  if (p.format === 'csv') {
    if (!delimiterGiven) p.delimiter = ',';
    if (p.escape)
      return {
        code: '0A000',
        message: 'CSV is not compatible with ESCAPE',
        position: seen.get('ESCAPE')!.start,
      };
    if (p.removeQuotes) {
      return {
        code: '0A000',
        message: 'CSV is not compatible with REMOVEQUOTES',
        position: seen.get('REMOVEQUOTES')!.start,
      };
    }
    if (p.delimiter === p.quote) {
      return {
        code: '22023',
        message: 'COPY delimiter and quote must be different',
        hint: 'Pick a QUOTE other than the DELIMITER.',
      };
    }
  } else if (quoteGiven) {
    return {
      code: '0A000',
      message: 'QUOTE AS is only valid with CSV',
      position: seen.get('QUOTE')!.start,
      hint: "Write CSV QUOTE AS '\"', or drop QUOTE for delimited text.",
    };
  }
  if (p.delimiter === '\n' || p.delimiter === '\r') {
    return { code: '22023', message: 'COPY delimiter cannot be newline or carriage return' };
  }
  return p;
}

function readOne(
  name: string,
  token: SqlToken,
  cursor: TokenCursor,
  p: Mutable<CopyParameters>,
  given: (what: 'delimiter' | 'quote') => void,
): StatementError | null {
  const stringArgument = (): string | StatementError => {
    cursor.acceptWord('AS');
    const value = cursor.string();
    return isStatementError(value) ? value : value.value;
  };
  const oneCharacter = (what: 'delimiter' | 'quote'): string | StatementError => {
    const raw = stringArgument();
    if (isStatementError(raw)) return raw;
    const value = unescapeCharacter(raw);
    if (value.length !== 1 || value.charCodeAt(0) > 127) {
      return {
        code: '22023',
        message: `COPY ${what} must be a single one-byte character`,
        position: token.start,
        hint: `Got '${raw}'. For a tab write '\\t'; for other control characters write octal, such as '\\011'.`,
      };
    }
    given(what);
    return value;
  };
  const count = (): number | StatementError => {
    cursor.acceptWord('AS');
    const n = cursor.integer();
    return isStatementError(n) ? n : n.value;
  };
  switch (name) {
    case 'DELIMITER': {
      const v = oneCharacter('delimiter');
      if (isStatementError(v)) return v;
      p.delimiter = v;
      return null;
    }
    case 'FORMAT':
      cursor.acceptWord('AS');
      if (cursor.acceptWord('CSV')) return csv(cursor, p, oneCharacter);
      if (cursor.acceptWord('DELIMITER')) return readOne('DELIMITER', token, cursor, p, given);
      return notSimulated(cursor.peek(), cursor);
    case 'CSV':
      return csv(cursor, p, oneCharacter);
    case 'QUOTE': {
      const v = oneCharacter('quote');
      if (isStatementError(v)) return v;
      p.quote = v;
      return null;
    }
    case 'GZIP':
      p.gzip = true;
      return null;
    case 'MAXERROR': {
      const n = count();
      if (isStatementError(n)) return n;
      if (n > MAX_MAXERROR) {
        return {
          code: '22023',
          message: `MAXERROR argument must be between 0 and ${MAX_MAXERROR}`,
          position: token.start,
          hint: `Redshift allows at most ${MAX_MAXERROR.toLocaleString('en-US')} errors per load.`,
        };
      }
      p.maxError = n;
      return null;
    }
    case 'IGNOREHEADER': {
      const n = count();
      if (isStatementError(n)) return n;
      p.ignoreHeader = n;
      return null;
    }
    case 'NULL': {
      const v = stringArgument();
      if (isStatementError(v)) return v;
      p.nullAs = v === '\\0' || v === '\\000' ? '\0' : v;
      return null;
    }
    case 'DATEFORMAT':
    case 'TIMEFORMAT': {
      const v = stringArgument();
      if (isStatementError(v)) return v;
      if (name === 'DATEFORMAT') p.dateFormat = v;
      else p.timeFormat = v;
      return null;
    }
    case 'ACCEPTINVCHARS': {
      cursor.acceptWord('AS');
      const next = cursor.peek();
      let replacement = '?';
      if (next?.kind === 'string') {
        cursor.next();
        replacement = unescapeCharacter(next.value);
        if (replacement.length !== 1 || replacement.charCodeAt(0) > 127 || replacement === '\0') {
          return {
            code: '22023',
            message: 'ACCEPTINVCHARS replacement must be a single ASCII character other than NUL',
            position: next.start,
          };
        }
      }
      p.acceptInvChars = replacement;
      return null;
    }
    case 'REGION': {
      const v = stringArgument();
      if (isStatementError(v)) return v;
      p.region = v;
      return null;
    }
    case 'COMPUPDATE':
    case 'STATUPDATE':
      // Encodings and planner statistics are not modelled; the switches are accepted so scripts run as written.
      if (!cursor.acceptWord('ON') && !cursor.acceptWord('OFF') && !cursor.acceptWord('TRUE')) {
        if (!cursor.acceptWord('FALSE')) cursor.acceptWord('PRESET');
      }
      return null;
    case 'ENCODING': {
      cursor.acceptWord('AS');
      if (cursor.acceptWord('UTF8')) return null;
      return notSimulated(cursor.peek(), cursor);
    }
    default:
      return flag(name, p) ? null : notSimulated(token, cursor);
  }
}

function flag(name: string, p: Mutable<CopyParameters>): boolean {
  switch (name) {
    case 'EMPTYASNULL':
      p.emptyAsNull = true;
      return true;
    case 'BLANKSASNULL':
      p.blanksAsNull = true;
      return true;
    case 'TRUNCATECOLUMNS':
      p.truncateColumns = true;
      return true;
    case 'ACCEPTANYDATE':
      p.acceptAnyDate = true;
      return true;
    case 'ESCAPE':
      p.escape = true;
      return true;
    case 'REMOVEQUOTES':
      p.removeQuotes = true;
      return true;
    case 'FILLRECORD':
      p.fillRecord = true;
      return true;
    case 'IGNOREBLANKLINES':
      p.ignoreBlankLines = true;
      return true;
    case 'TRIMBLANKS':
      p.trimBlanks = true;
      return true;
    default:
      return false;
  }
}

function csv(
  cursor: TokenCursor,
  p: Mutable<CopyParameters>,
  oneCharacter: (what: 'delimiter' | 'quote') => string | StatementError,
): StatementError | null {
  p.format = 'csv';
  if (cursor.acceptWord('QUOTE')) {
    const v = oneCharacter('quote');
    if (isStatementError(v)) return v;
    p.quote = v;
  }
  return null;
}

function notSimulated(token: SqlToken | undefined, cursor: TokenCursor): StatementError {
  if (token && token.kind === 'word' && NOT_SIMULATED.has(token.value.toUpperCase())) {
    return {
      code: '0A000',
      message: `COPY parameter ${token.value.toUpperCase()} is not supported by this simulation yet.`,
      position: token.start,
      hint: 'The simulation loads delimited text or CSV, plain or GZIP, from Amazon S3.',
    };
  }
  if (token && token.kind === 'word' && token.value.toUpperCase() === 'UTF16') {
    return {
      code: '0A000',
      message: 'COPY ENCODING other than UTF8 is not supported by this simulation yet.',
      position: token.start,
    };
  }
  return token
    ? { code: '42601', message: `syntax error at or near "${shownAsWritten(token)}"`, position: token.start }
    : cursor.syntaxError();
}
