/**
 * The statement splitter: a script becomes statements at the semicolons that are tokens (not the ones
 * inside strings, quoted identifiers or comments), each keeping its place in the script so an error can
 * say which line and column it is on.
 */
import { tokenize, type Token, type TokenizeError } from './tokens.ts';

/** One statement of a script. */
export interface ScriptStatement {
  /** The statement's own text, from its first token to its last (no trailing semicolon). */
  readonly text: string;
  /** Its tokens; offsets, lines and columns are the script's. */
  readonly tokens: readonly Token[];
  /** Offset of the statement's first character in the script. */
  readonly start: number;
  readonly line: number;
  readonly column: number;
}

/** The statements of a script in order, or where the script cannot be read. */
export type SplitResult =
  | { readonly statements: ScriptStatement[] }
  | { readonly error: TokenizeError; readonly statements: ScriptStatement[] };

/** Split a script into statements. Empty statements (`;;`) are skipped, as psql skips them. */
export function splitStatements(script: string): SplitResult {
  const tokenized = tokenize(script);
  if ('error' in tokenized) {
    // The statements before the unreadable one still run, as psql runs them before it stops reading.
    const before = script.slice(0, tokenized.error.offset);
    const lastSemicolon = statementsBefore(before);
    return { error: tokenized.error, statements: lastSemicolon };
  }
  return { statements: group(script, tokenized.tokens) };
}

function statementsBefore(prefix: string): ScriptStatement[] {
  const cut = prefix.lastIndexOf(';');
  if (cut < 0) return [];
  const tokenized = tokenize(prefix.slice(0, cut + 1));
  return 'error' in tokenized ? [] : group(prefix, tokenized.tokens);
}

function group(script: string, tokens: readonly Token[]): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) {
      statements.push({
        text: script.slice(first.start, last.end),
        tokens: current,
        start: first.start,
        line: first.line,
        column: first.column,
      });
    }
    current = [];
  };
  for (const token of tokens) {
    if (token.kind === 'punctuation' && token.value === ';') flush();
    else current.push(token);
  }
  flush();
  return statements;
}

/** The statement text with the given tokens replaced by spaces: offsets, lines and columns stay put. */
export function blankTokens(statement: ScriptStatement, drop: readonly Token[]): string {
  if (drop.length === 0) return statement.text;
  const chars = statement.text.split('');
  for (const token of drop) {
    for (let k = token.start - statement.start; k < token.end - statement.start; k++) {
      if (chars[k] !== '\n') chars[k] = ' ';
    }
  }
  return chars.join('');
}

/** Map a line/column inside a statement's text to the script's line/column. */
export function scriptPosition(
  statement: ScriptStatement,
  line: number,
  column: number,
): { line: number; column: number } {
  return line <= 1
    ? { line: statement.line, column: statement.column + column - 1 }
    : { line: statement.line + line - 1, column };
}
