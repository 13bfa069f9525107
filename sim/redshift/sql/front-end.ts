/**
 * Redshift's additions to PostgreSQL's grammar, read token by token before pgsql-ast-parser sees the
 * statement (query-syntax.ts: TOP n, window frames; create-table-syntax.ts: table and column attributes,
 * CREATE TABLE … AS). What it reads it replaces with spaces (blankTokens), so every offset, line and
 * column the parser reports still points at the learner's own text.
 */
import { createTable, type CreateTableSyntax } from './create-table-syntax.ts';
import { readQuerySyntax, type RedshiftSyntax } from './query-syntax.ts';
import { blankTokens, type ScriptStatement } from './statements.ts';
import { is } from './token-reading.ts';
import type { Token } from './tokens.ts';

export type { ColumnAttributes, CreateTableSyntax, TableAttributes } from './create-table-syntax.ts';
export { NO_SYNTAX, type RedshiftSyntax } from './query-syntax.ts';

/** A statement after the front end. */
export type FrontEnd =
  | { readonly kind: 'parse'; readonly text: string; readonly syntax: RedshiftSyntax }
  | CreateTableSyntax
  | { readonly kind: 'command'; readonly command: string; readonly tokens: readonly Token[] };

/** Statements the dispatcher hands on by their first word without parsing them as SQL. */
const COMMANDS = new Set([
  'copy',
  'unload',
  'explain',
  'analyze',
  'vacuum',
  'begin',
  'commit',
  'end',
  'rollback',
  'start',
]);

/** Read one statement's Redshift-only syntax. */
export function frontEnd(statement: ScriptStatement): FrontEnd {
  const tokens = statement.tokens;
  const first = tokens[0]!;
  if (first.kind === 'word' && COMMANDS.has(first.value)) {
    return { kind: 'command', command: first.value, tokens };
  }
  const drop: Token[] = [];
  const syntax = readQuerySyntax(statement, drop);
  if (is(first, 'create')) {
    let k = 1;
    if (is(tokens[k], 'local')) k++;
    if (is(tokens[k], 'temp') || is(tokens[k], 'temporary')) k++;
    if (is(tokens[k], 'table')) return createTable(statement, k + 1, drop, syntax);
  }
  return { kind: 'parse', text: blankTokens(statement, drop), syntax };
}
