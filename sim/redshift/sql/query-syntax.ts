/**
 * Redshift syntax inside queries that pgsql-ast-parser does not read: `TOP n` after SELECT and window
 * frames (ROWS BETWEEN …) inside OVER (…). Both are taken out of the text (blanked, so offsets stay put) and
 * handed to the translator by the offset of the SELECT or OVER they belong to.
 */
import { SqlError } from './errors.ts';
import type { ScriptStatement } from './statements.ts';
import { closing, is, punct } from './token-reading.ts';
import type { Token } from './tokens.ts';

/**
 * Redshift syntax the front end took out of a query's text, by offset in the statement: TOP n by the
 * offset of its SELECT, a window frame (ROWS BETWEEN …) by the offset of its OVER.
 */
export interface RedshiftSyntax {
  readonly tops: ReadonlyMap<number, number>;
  readonly frames: ReadonlyMap<number, string>;
}

/** No Redshift-only syntax (for queries built by the simulator itself). */
export const NO_SYNTAX: RedshiftSyntax = { tops: new Map(), frames: new Map() };

/** Read a statement's TOP n and window frames, adding the tokens read to `drop`. */
export function readQuerySyntax(statement: ScriptStatement, drop: Token[]): RedshiftSyntax {
  return { tops: readTops(statement, drop), frames: readFrames(statement, drop) };
}

function readTops(statement: ScriptStatement, drop: Token[]): Map<number, number> {
  const tops = new Map<number, number>();
  const tokens = statement.tokens;
  for (let k = 0; k < tokens.length; k++) {
    if (!is(tokens[k], 'select')) continue;
    let m = k + 1;
    if (is(tokens[m], 'distinct') || is(tokens[m], 'all')) m++;
    refuseEmptySelectList(statement, tokens[m]);
    if (!is(tokens[m], 'top')) continue;
    const count = tokens[m + 1];
    if (count?.kind !== 'number' || !Number.isInteger(Number(count.value))) {
      throw new SqlError(
        '42601',
        `syntax error at or near "${count?.text ?? 'end of statement'}"`,
        (count ?? tokens[m]!).start - statement.start,
      );
    }
    refuseEmptySelectList(statement, tokens[m + 2]);
    tops.set(tokens[k]!.start - statement.start, Number(count.value));
    drop.push(tokens[m]!, count);
  }
  return tops;
}

const FRAME_WORDS = new Set([
  'rows',
  'between',
  'unbounded',
  'preceding',
  'following',
  'current',
  'row',
  'and',
]);

/**
 * Window frames (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), which pgsql-ast-parser does not
 * read: taken out of the OVER (…) and handed to the translator by the OVER's offset.
 */
function readFrames(statement: ScriptStatement, drop: Token[]): Map<number, string> {
  const frames = new Map<number, string>();
  const tokens = statement.tokens;
  for (let k = 0; k < tokens.length; k++) {
    if (!is(tokens[k], 'over') || !punct(tokens[k + 1], '(')) continue;
    const end = closing(tokens, k + 1, statement);
    let depth = 0;
    for (let m = k + 2; m < end - 1; m++) {
      if (punct(tokens[m], '(')) depth++;
      if (punct(tokens[m], ')')) depth--;
      if (depth !== 0 || !(is(tokens[m], 'rows') || is(tokens[m], 'range'))) continue;
      if (is(tokens[m], 'range')) {
        throw new SqlError(
          '0A000',
          'Amazon Redshift supports only ROWS window frames, not RANGE',
          tokens[m]!.start - statement.start,
        );
      }
      const frame = tokens.slice(m, end - 1);
      const bad = frame.find(
        (t) => !(t.kind === 'number' || (t.kind === 'word' && FRAME_WORDS.has(t.value))),
      );
      if (bad)
        throw new SqlError('42601', `syntax error at or near "${bad.text}"`, bad.start - statement.start);
      frames.set(tokens[k]!.start - statement.start, frame.map((t) => t.value.toUpperCase()).join(' '));
      drop.push(...frame);
      break;
    }
  }
  return frames;
}

/**
 * PostgreSQL 9.4 and later accept SELECT with no columns; Redshift's older grammar does not, and fails at
 * the FROM that follows SELECT.
 */
function refuseEmptySelectList(statement: ScriptStatement, next: Token | undefined): void {
  if (is(next, 'from') || next === undefined) {
    const at = next ? next.start - statement.start : statement.text.length;
    throw new SqlError(
      '42601',
      next ? `syntax error at or near "${next.text}"` : 'syntax error at end of input',
      at,
    );
  }
}
