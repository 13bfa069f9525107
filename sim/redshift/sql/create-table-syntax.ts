/**
 * CREATE TABLE's Redshift-only parts, read token by token: table attributes (DISTSTYLE, DISTKEY,
 * [COMPOUND|INTERLEAVED] SORTKEY, BACKUP, ENCODE AUTO), column attributes (ENCODE, DISTKEY, SORTKEY,
 * IDENTITY), VARCHAR(MAX), and CREATE TABLE … AS. The rest of the statement goes to pgsql-ast-parser.
 */
import { SqlError } from './errors.ts';
import type { RedshiftSyntax } from './query-syntax.ts';
import { blankTokens, type ScriptStatement } from './statements.ts';
import { closing, identifier, is, punct } from './token-reading.ts';
import type { Token } from './tokens.ts';

/** Table-level attributes of CREATE TABLE. */
export interface TableAttributes {
  distStyle: 'EVEN' | 'KEY' | 'ALL' | 'AUTO' | null;
  distKey: string | null;
  sortKey: { style: 'COMPOUND' | 'INTERLEAVED'; columns: string[] } | null;
}

/** Column-level attributes of CREATE TABLE. */
export interface ColumnAttributes {
  encode: string | null;
  distKey: boolean;
  sortKey: boolean;
  identity: { seed: number; step: number } | null;
  /** VARCHAR(MAX): the parser does not know MAX, so the front end reads it. */
  varcharMax: boolean;
}

/** CREATE TABLE after the front end: with columns, or AS a query. */
export type CreateTableSyntax =
  | {
      readonly kind: 'create table';
      readonly text: string;
      readonly syntax: RedshiftSyntax;
      readonly table: TableAttributes;
      readonly columns: Map<string, ColumnAttributes>;
    }
  | {
      readonly kind: 'create table as';
      readonly name: string;
      readonly ifNotExists: boolean;
      readonly columnNames: string[] | null;
      readonly table: TableAttributes;
      /** The query after AS, with everything before it blanked (offsets unchanged). */
      readonly queryText: string;
      readonly syntax: RedshiftSyntax;
    };

/** Read CREATE TABLE from the token after TABLE. */
export function createTable(
  statement: ScriptStatement,
  at: number,
  drop: Token[],
  syntax: RedshiftSyntax,
): CreateTableSyntax {
  const tokens = statement.tokens;
  let k = at;
  let ifNotExists = false;
  if (is(tokens[k], 'if') && is(tokens[k + 1], 'not') && is(tokens[k + 2], 'exists')) {
    ifNotExists = true;
    k += 3;
  }
  // schema.table: the table's own name is the last part.
  let name = identifier(tokens[k], statement, 'a table name');
  while (punct(tokens[k + 1], '.')) {
    k += 2;
    name = identifier(tokens[k], statement, 'a table name');
  }
  k++;
  const columns = new Map<string, ColumnAttributes>();
  let columnNames: string[] | null = null;
  let listEnd = k;
  if (punct(tokens[k], '(')) {
    listEnd = closing(tokens, k, statement);
    const attributesEnd = readTableAttributes(statement, listEnd, []);
    if (is(tokens[attributesEnd], 'as')) {
      columnNames = tokens
        .slice(k + 1, listEnd - 1)
        .filter((t) => !punct(t, ','))
        .map((t) => identifier(t, statement, 'a column name'));
    } else {
      readColumnAttributes(statement, k + 1, listEnd - 1, columns, drop);
    }
  }
  const table: TableAttributes = { distStyle: null, distKey: null, sortKey: null };
  const end = readTableAttributes(statement, listEnd, drop, table);
  if (is(tokens[end], 'as')) {
    const query = tokens[end + 1];
    if (!query)
      throw new SqlError(
        '42601',
        'syntax error at end of input: expected a query after AS',
        statement.text.length,
      );
    const blanked = blankTokens(statement, [...tokens.slice(0, end + 1), ...drop]);
    return { kind: 'create table as', name, ifNotExists, columnNames, table, queryText: blanked, syntax };
  }
  if (end < tokens.length) {
    const t = tokens[end]!;
    throw new SqlError('42601', `syntax error at or near "${t.text}"`, t.start - statement.start);
  }
  return { kind: 'create table', text: blankTokens(statement, drop), syntax, table, columns };
}

function readTableAttributes(
  statement: ScriptStatement,
  from: number,
  drop: Token[],
  into?: TableAttributes,
): number {
  const tokens = statement.tokens;
  const table = into ?? { distStyle: null, distKey: null, sortKey: null };
  let k = from;
  for (;;) {
    const t = tokens[k];
    if (is(t, 'diststyle')) {
      const style = tokens[k + 1];
      const value = style?.kind === 'word' ? style.value.toUpperCase() : '';
      if (value !== 'EVEN' && value !== 'KEY' && value !== 'ALL' && value !== 'AUTO') {
        throw new SqlError(
          '42601',
          `syntax error at or near "${style?.text ?? 'end of input'}": DISTSTYLE is EVEN, KEY, ALL or AUTO`,
          (style ?? t!).start - statement.start,
        );
      }
      table.distStyle = value;
      drop.push(...tokens.slice(k, k + 2));
      k += 2;
    } else if (is(t, 'distkey')) {
      if (!punct(tokens[k + 1], '('))
        throw new SqlError(
          '42601',
          `syntax error at or near "${tokens[k + 1]?.text ?? 'end of input'}": DISTKEY needs a column in parentheses`,
          t!.start - statement.start,
        );
      const end = closing(tokens, k + 1, statement);
      const names = tokens.slice(k + 2, end - 1).filter((x) => !punct(x, ','));
      if (names.length !== 1)
        throw new SqlError('42601', 'DISTKEY takes exactly one column', t!.start - statement.start);
      table.distKey = identifier(names[0], statement, 'a column name');
      drop.push(...tokens.slice(k, end));
      k = end;
    } else if (
      is(t, 'sortkey') ||
      ((is(t, 'compound') || is(t, 'interleaved')) && is(tokens[k + 1], 'sortkey'))
    ) {
      const style = is(t, 'interleaved') ? 'INTERLEAVED' : 'COMPOUND';
      const keyword = is(t, 'sortkey') ? k : k + 1;
      if (is(tokens[keyword + 1], 'auto')) {
        drop.push(...tokens.slice(k, keyword + 2));
        k = keyword + 2;
        continue;
      }
      if (!punct(tokens[keyword + 1], '('))
        throw new SqlError(
          '42601',
          `syntax error at or near "${tokens[keyword + 1]?.text ?? 'end of input'}": SORTKEY needs columns in parentheses`,
          tokens[keyword]!.start - statement.start,
        );
      const end = closing(tokens, keyword + 1, statement);
      const names = tokens
        .slice(keyword + 2, end - 1)
        .filter((x) => !punct(x, ','))
        .map((x) => identifier(x, statement, 'a column name'));
      table.sortKey = { style, columns: names };
      drop.push(...tokens.slice(k, end));
      k = end;
    } else if (is(t, 'backup') && (is(tokens[k + 1], 'yes') || is(tokens[k + 1], 'no'))) {
      drop.push(...tokens.slice(k, k + 2));
      k += 2;
    } else if (is(t, 'encode') && is(tokens[k + 1], 'auto')) {
      drop.push(...tokens.slice(k, k + 2));
      k += 2;
    } else return k;
  }
}

function readColumnAttributes(
  statement: ScriptStatement,
  from: number,
  to: number,
  columns: Map<string, ColumnAttributes>,
  drop: Token[],
): void {
  const tokens = statement.tokens;
  let start = from;
  while (start < to) {
    let end = start;
    let depth = 0;
    while (end < to && !(depth === 0 && punct(tokens[end], ','))) {
      if (punct(tokens[end], '(')) depth++;
      if (punct(tokens[end], ')')) depth--;
      end++;
    }
    const head = tokens[start];
    const constraint = ['primary', 'unique', 'foreign', 'constraint', 'check', 'like'].some((w) =>
      is(head, w),
    );
    if (!constraint && head) {
      const name = identifier(head, statement, 'a column name');
      columns.set(name, readOneColumn(statement, start + 1, end, drop));
    }
    start = end + 1;
  }
}

function readOneColumn(
  statement: ScriptStatement,
  from: number,
  to: number,
  drop: Token[],
): ColumnAttributes {
  const tokens = statement.tokens;
  const column: ColumnAttributes = {
    encode: null,
    distKey: false,
    sortKey: false,
    identity: null,
    varcharMax: false,
  };
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (punct(t, '(') && is(tokens[k + 1], 'max') && punct(tokens[k + 2], ')')) {
      column.varcharMax = true;
      drop.push(t, tokens[k + 1]!, tokens[k + 2]!);
      k += 2;
    } else if (is(t, 'encode') && tokens[k + 1]) {
      column.encode = tokens[k + 1]!.value.toLowerCase();
      drop.push(t, tokens[k + 1]!);
      k++;
    } else if (is(t, 'distkey')) {
      column.distKey = true;
      drop.push(t);
    } else if (is(t, 'sortkey')) {
      column.sortKey = true;
      drop.push(t);
    } else if (is(t, 'identity') || (is(t, 'generated') && is(tokens[k + 1], 'by'))) {
      let m = k;
      if (is(t, 'generated')) {
        // GENERATED BY DEFAULT AS IDENTITY (seed, step)
        while (m < to && !is(tokens[m], 'identity')) m++;
      }
      if (!punct(tokens[m + 1], '(')) {
        throw new SqlError('42601', 'IDENTITY needs (seed, step)', tokens[m]!.start - statement.start);
      }
      const end = closing(tokens, m + 1, statement);
      const values: number[] = [];
      let sign = 1;
      for (const x of tokens.slice(m + 2, end - 1)) {
        if (punct(x, ',')) continue;
        if (x.kind === 'operator' && x.value === '-') {
          sign = -1;
          continue;
        }
        values.push(x.kind === 'number' ? sign * Number(x.value) : Number.NaN);
        sign = 1;
      }
      if (values.length !== 2 || values.some((v) => !Number.isInteger(v))) {
        throw new SqlError(
          '42601',
          'IDENTITY needs two integers: (seed, step)',
          tokens[m]!.start - statement.start,
        );
      }
      column.identity = { seed: values[0]!, step: values[1]! };
      drop.push(...tokens.slice(k, end));
      k = end - 1;
    }
  }
  return column;
}
