/**
 * A real SQL tokenizer for Redshift's dialect: the front end reads statements token by token (TOP n,
 * DISTKEY, SORTKEY, COPY, UNLOAD) instead of matching text with regular expressions, so a keyword inside a
 * string, a quoted identifier or a comment is never mistaken for syntax.
 */

/** What a token is. `word` covers keywords and unquoted identifiers; `quoted` is a "quoted identifier". */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'operator' | 'punctuation' | 'parameter';

/** One token with its place in the script (line and column count from 1, as editors show them). */
export interface Token {
  readonly kind: TokenKind;
  /** The token's text exactly as written. */
  readonly text: string;
  /**
   * The token's meaning: a word folded to lower case (Redshift folds identifiers), a quoted identifier
   * without its quotes (also folded: Redshift is case-insensitive unless told otherwise), a string's
   * characters after escapes, a number's digits.
   */
  readonly value: string;
  /** Offset of the first character in the script. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/** Why a script cannot be tokenized: an unterminated string, identifier or comment. */
export interface TokenizeError {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Tokens of a script, or the first place it cannot be read. Comments and white space are dropped. */
export type TokenizeResult = { readonly tokens: Token[] } | { readonly error: TokenizeError };

const OPERATOR_CHARS = '+-*/<>=~!@#%^&|`?';
const PUNCTUATION = '(),;[].:';

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57) || c === 36;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Split a script into tokens, tracking line and column of each. */
export function tokenize(script: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = script.length;
  const advanceLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (script.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
  };
  const fail = (message: string, at: number, atLine: number, atColumn: number): TokenizeResult => ({
    error: { message, offset: at, line: atLine, column: atColumn },
  });

  while (i < n) {
    const c = script.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = ++i;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12) {
      i++;
      continue;
    }
    const start = i;
    const startLine = line;
    const column = i - lineStart + 1;
    const push = (kind: TokenKind, end: number, value: string): void => {
      tokens.push({ kind, text: script.slice(start, end), value, start, end, line: startLine, column });
    };
    // -- comment to end of line
    if (c === 45 && script.charCodeAt(i + 1) === 45) {
      while (i < n && script.charCodeAt(i) !== 10) i++;
      continue;
    }
    // /* block comment */, nested as PostgreSQL nests them
    if (c === 47 && script.charCodeAt(i + 1) === 42) {
      let depth = 1;
      let k = i + 2;
      while (k < n && depth > 0) {
        if (script.charCodeAt(k) === 47 && script.charCodeAt(k + 1) === 42) {
          depth++;
          k += 2;
        } else if (script.charCodeAt(k) === 42 && script.charCodeAt(k + 1) === 47) {
          depth--;
          k += 2;
        } else k++;
      }
      if (depth > 0) return fail('unterminated /* comment', start, startLine, column);
      advanceLines(i, k);
      i = k;
      continue;
    }
    // E'...' with backslash escapes
    if ((c === 69 || c === 101) && script.charCodeAt(i + 1) === 39) {
      let k = i + 2;
      let value = '';
      for (;;) {
        if (k >= n) return fail('unterminated quoted string', start, startLine, column);
        const ch = script[k]!;
        if (ch === '\\') {
          const next = script[k + 1] ?? '';
          value += ESCAPES[next] ?? next;
          k += 2;
        } else if (ch === "'") {
          if (script[k + 1] === "'") {
            value += "'";
            k += 2;
          } else break;
        } else {
          value += ch;
          k++;
        }
      }
      advanceLines(i, k + 1);
      i = k + 1;
      push('string', i, value);
      continue;
    }
    if (c === 39) {
      let k = i + 1;
      let value = '';
      for (;;) {
        const close = script.indexOf("'", k);
        if (close < 0) return fail('unterminated quoted string', start, startLine, column);
        value += script.slice(k, close);
        if (script.charCodeAt(close + 1) === 39) {
          value += "'";
          k = close + 2;
        } else {
          k = close + 1;
          break;
        }
      }
      advanceLines(i, k);
      i = k;
      push('string', i, value);
      continue;
    }
    if (c === 34) {
      let k = i + 1;
      let value = '';
      for (;;) {
        const close = script.indexOf('"', k);
        if (close < 0) return fail('unterminated quoted identifier', start, startLine, column);
        value += script.slice(k, close);
        if (script.charCodeAt(close + 1) === 34) {
          value += '"';
          k = close + 2;
        } else {
          k = close + 1;
          break;
        }
      }
      advanceLines(i, k);
      i = k;
      push('quoted', i, value.toLowerCase());
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(script.charCodeAt(i + 1)))) {
      let k = i;
      while (isDigit(script.charCodeAt(k))) k++;
      if (script.charCodeAt(k) === 46 && script.charCodeAt(k + 1) !== 46) {
        k++;
        while (isDigit(script.charCodeAt(k))) k++;
      }
      const e = script.charCodeAt(k);
      if (e === 101 || e === 69) {
        let m = k + 1;
        const sign = script.charCodeAt(m);
        if (sign === 43 || sign === 45) m++;
        if (isDigit(script.charCodeAt(m))) {
          while (isDigit(script.charCodeAt(m))) m++;
          k = m;
        }
      }
      i = k;
      push('number', i, script.slice(start, i));
      continue;
    }
    if (isWordStart(c)) {
      let k = i + 1;
      while (k < n && isWordPart(script.charCodeAt(k))) k++;
      i = k;
      const text = script.slice(start, i);
      push('word', i, text.toLowerCase());
      continue;
    }
    if (c === 36 && isDigit(script.charCodeAt(i + 1))) {
      let k = i + 1;
      while (isDigit(script.charCodeAt(k))) k++;
      i = k;
      push('parameter', i, script.slice(start, i));
      continue;
    }
    const ch = script[i]!;
    if (ch === ':' && script[i + 1] === ':') {
      i += 2;
      push('operator', i, '::');
      continue;
    }
    if (PUNCTUATION.includes(ch)) {
      i++;
      push('punctuation', i, ch);
      continue;
    }
    if (OPERATOR_CHARS.includes(ch)) {
      let k = i + 1;
      // An operator ends where a comment starts, as in PostgreSQL's lexer.
      while (
        k < n &&
        OPERATOR_CHARS.includes(script[k]!) &&
        !(script[k] === '-' && script[k + 1] === '-') &&
        !(script[k] === '/' && script[k + 1] === '*')
      )
        k++;
      i = k;
      const text = script.slice(start, i);
      push('operator', i, text);
      continue;
    }
    return fail(`syntax error at or near "${ch}"`, start, startLine, column);
  }
  return { tokens };
}
