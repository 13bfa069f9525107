/**
 * Small readers over a statement's tokens, shared by the front end's parts: a word, a punctuation mark, the
 * parenthesis that closes another, an identifier (with Redshift's syntax error when it is missing).
 */
import { SqlError } from './errors.ts';
import type { ScriptStatement } from './statements.ts';
import type { Token } from './tokens.ts';

/** True when the token is the given word (lower case). */
export const is = (t: Token | undefined, word: string): boolean =>
  t !== undefined && t.kind === 'word' && t.value === word;

/** True when the token is the given punctuation mark. */
export const punct = (t: Token | undefined, p: string): boolean =>
  t !== undefined && t.kind === 'punctuation' && t.value === p;

/** Index just past the parenthesis that closes the one at `open`. */
export function closing(tokens: readonly Token[], open: number, statement: ScriptStatement): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (punct(tokens[k], '(')) depth++;
    else if (punct(tokens[k], ')')) {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  throw new SqlError(
    '42601',
    'syntax error at end of input: a parenthesis is not closed',
    tokens[open]!.start - statement.start,
  );
}

/** The identifier a token names, or a syntax error saying what was expected. */
export function identifier(t: Token | undefined, statement: ScriptStatement, what: string): string {
  if (t && (t.kind === 'word' || t.kind === 'quoted')) return t.value;
  const at = t ? t.start - statement.start : statement.text.length;
  throw new SqlError('42601', `syntax error at or near "${t?.text ?? 'end of input'}": expected ${what}`, at);
}
