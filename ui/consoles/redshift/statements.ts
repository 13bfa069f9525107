/**
 * The statements of the editor's script, found with the editor's own SQL parser (strings, quoted
 * identifiers and comments are respected, so a `;` inside `'a;b'` does not end a statement), and the one
 * under the cursor that Ctrl/Cmd-Enter runs.
 */
import type { Tree } from '@lezer/common';
import { RedshiftSql } from './sql-dialect.ts';

/** One statement of the script, with where it sits in the editor's text. */
export interface ScriptStatement {
  /** The statement's text, without a trailing `;` or the comments around it. */
  readonly sql: string;
  /** Offset of its first character in the script. */
  readonly from: number;
  /** Offset just after it (after its `;` when it has one). */
  readonly to: number;
}

/** Parses `script` with the editor's dialect; pass the editor's own tree when it has one. */
export function parseScript(script: string): Tree {
  return RedshiftSql.language.parser.parse(script);
}

/** Every statement of `script` in order; a script of comments and blanks has none. */
export function scriptStatements(script: string, tree: Tree = parseScript(script)): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  const cursor = tree.topNode.cursor();
  if (!cursor.firstChild()) return statements;
  do {
    if (cursor.name !== 'Statement') continue;
    const text = script.slice(cursor.from, cursor.to);
    const sql = text.replace(/;\s*$/, '').trim();
    if (sql !== '') statements.push({ sql, from: cursor.from, to: cursor.to });
  } while (cursor.nextSibling());
  return statements;
}

/**
 * The statement Ctrl/Cmd-Enter runs at `position`: the one the cursor is in or touches; between statements,
 * the nearest one before it (the one just typed), else the first after it; undefined when there is none.
 */
export function statementAt(
  statements: readonly ScriptStatement[],
  position: number,
): ScriptStatement | undefined {
  let before: ScriptStatement | undefined;
  for (const statement of statements) {
    if (position >= statement.from && position <= statement.to) return statement;
    if (statement.to < position) before = statement;
    else return before ?? statement;
  }
  return before;
}

/** Line (1-based) and column (1-based) of `offset` in `text`, as an error points at them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The script offset of `line`/`column` (1-based) inside `statement`, as the engine reports an error's place
 * within the statement's own text; clamped to the statement.
 */
export function offsetInScript(
  statement: ScriptStatement,
  script: string,
  line: number,
  column: number,
): number {
  const start = script.indexOf(statement.sql, statement.from);
  const base = start === -1 ? statement.from : start;
  let offset = base;
  for (let l = 1; l < line; l++) {
    const next = script.indexOf('\n', offset);
    if (next === -1 || next >= statement.to) return statement.to;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), statement.to);
}
