/**
 * COPY and UNLOAD are read from tokens, never from the statement's text with patterns: the SQL front end
 * tokenizes the statement (strings, quoted identifiers, comments, numbers, operators) and hands the tokens
 * here. This file is the shape this folder reads and a cursor over it.
 */

/** One token of a statement, as COPY and UNLOAD read it. */
export interface SqlToken {
  /**
   * `word`: a keyword or an unquoted identifier; `quoted`: a "quoted identifier"; `string`: a 'literal';
   * `number`: an unsigned numeric literal; `operator` / `punctuation`: `(`, `,`, `;`, `.`, `=` and the like.
   * The same kinds as the SQL front end's tokenizer (sim/redshift/sql), so its tokens are read as they are.
   */
  readonly kind: 'word' | 'quoted' | 'string' | 'number' | 'operator' | 'punctuation' | 'parameter';
  /**
   * word: any case (compared case-insensitively); quoted: the name inside the quotes; string: a plain
   * literal's characters with the quotes removed and `''` read as `'` — backslashes are kept as written,
   * because COPY gives `'\t'`, `'\011'` and `'\N'` their meaning itself; number and symbols: as written.
   */
  readonly value: string;
  /** The token exactly as written, when the tokenizer keeps it (error messages quote it as written). */
  readonly text?: string;
  /** Offset of the token's first character in the statement (0-based). */
  readonly start: number;
}

/** A statement COPY or UNLOAD refuses, with the SQLSTATE-like code and Redshift's message. */
export interface StatementError {
  /** `42601` syntax error, `0A000` not supported, `22023` invalid parameter value, `XX000` internal/load error. */
  readonly code: string;
  readonly message: string;
  /** Offset in the statement where the problem is, when it is one token. */
  readonly position?: number;
  /** What to do about it, in the learner's words (printed like psql's HINT line). */
  readonly hint?: string;
}

/** Reads tokens front to back; every `expect…` that fails returns Redshift's syntax error at the token. */
export class TokenCursor {
  private index = 0;

  constructor(
    private readonly tokens: readonly SqlToken[],
    /** Where the statement ends, for "syntax error at end of input". */
    private readonly endOffset: number,
  ) {}

  /** The token under the cursor, or undefined at the end (a trailing `;` counts as the end). */
  peek(ahead = 0): SqlToken | undefined {
    const token = this.tokens[this.index + ahead];
    if (token && isSymbol(token) && token.value === ';' && this.index + ahead === this.tokens.length - 1) {
      return undefined;
    }
    return token;
  }

  next(): SqlToken | undefined {
    const token = this.peek();
    if (token) this.index++;
    return token;
  }

  atEnd(): boolean {
    return this.peek() === undefined;
  }

  /** True (and consumed) when the next token is the keyword `word`, case-insensitively. */
  acceptWord(word: string): boolean {
    const token = this.peek();
    if (token?.kind === 'word' && token.value.toUpperCase() === word) {
      this.index++;
      return true;
    }
    return false;
  }

  acceptSymbol(symbol: string): boolean {
    const token = this.peek();
    if (token && isSymbol(token) && token.value === symbol) {
      this.index++;
      return true;
    }
    return false;
  }

  /** Redshift's (PostgreSQL's) parser message for the token under the cursor. */
  syntaxError(): StatementError {
    const token = this.peek();
    if (!token) return { code: '42601', message: 'syntax error at end of input', position: this.endOffset };
    return {
      code: '42601',
      message: `syntax error at or near "${shownAsWritten(token)}"`,
      position: token.start,
    };
  }

  /** An identifier (unquoted names fold to lower case, as Redshift folds them). */
  identifier(): string | StatementError {
    const token = this.peek();
    if (token?.kind === 'word') {
      this.index++;
      return token.value.toLowerCase();
    }
    if (token?.kind === 'quoted') {
      this.index++;
      // Redshift folds even quoted identifiers to lower case unless enable_case_sensitive_identifier is on.
      return token.value.toLowerCase();
    }
    return this.syntaxError();
  }

  string(): SqlToken | StatementError {
    const token = this.peek();
    if (token?.kind === 'string') {
      this.index++;
      return token;
    }
    return this.syntaxError();
  }

  /** A whole number literal (MAXERROR 10, IGNOREHEADER 1). */
  integer(): { value: number; token: SqlToken } | StatementError {
    const token = this.peek();
    if (token?.kind === 'number' && /^\d+$/.test(token.value)) {
      this.index++;
      return { value: Number(token.value), token };
    }
    return this.syntaxError();
  }
}

/** True when `value` is a `StatementError` rather than a parsed value. */
export function isStatementError(value: unknown): value is StatementError {
  return (
    typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('kind' in value)
  );
}

function isSymbol(token: SqlToken): boolean {
  return token.kind === 'operator' || token.kind === 'punctuation';
}

/** A token as PostgreSQL's parser quotes it in "syntax error at or near": as written. */
export function shownAsWritten(token: SqlToken): string {
  return token.text ?? (token.kind === 'string' ? `'${token.value}'` : token.value);
}
