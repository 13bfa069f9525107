import { describe, expect, it } from 'vitest';
import { lineAndColumn, offsetInScript, scriptStatements, statementAt } from './statements.ts';

const script = `CREATE TABLE a (x int); -- a comment; not a statement
SELECT 'a;b', "q;" FROM a;

select 1`;

describe('scriptStatements', () => {
  it('splits on semicolons outside strings, quoted identifiers and comments', () => {
    expect(scriptStatements(script).map((s) => s.sql)).toEqual([
      'CREATE TABLE a (x int)',
      `SELECT 'a;b', "q;" FROM a`,
      'select 1',
    ]);
  });

  it('has no statements in a script of comments and blanks', () => {
    expect(scriptStatements('-- nothing here\n\n  ')).toEqual([]);
  });

  it('keeps each statement’s place in the script', () => {
    const [, second] = scriptStatements(script);
    expect(script.slice(second!.from, second!.to)).toBe(`SELECT 'a;b', "q;" FROM a;`);
  });
});

describe('statementAt', () => {
  const statements = scriptStatements(script);

  it('picks the statement the cursor is in', () => {
    expect(statementAt(statements, script.indexOf('FROM a'))?.sql).toMatch(/^SELECT/);
  });

  it('picks the statement just typed when the cursor is after its semicolon', () => {
    expect(statementAt(statements, script.indexOf(' -- a comment'))?.sql).toBe('CREATE TABLE a (x int)');
  });

  it('picks the first statement when the cursor is before everything', () => {
    expect(statementAt(scriptStatements(`\n\nselect 2;`), 0)?.sql).toBe('select 2');
  });

  it('has nothing to run in an empty script', () => {
    expect(statementAt([], 0)).toBeUndefined();
  });
});

describe('error places', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });

  it('maps a place inside a statement to the script', () => {
    const text = 'select 1;\nselect\n  nope from t;';
    const second = scriptStatements(text)[1]!;
    const offset = offsetInScript(second, text, 2, 3);
    expect(text.slice(offset, offset + 4)).toBe('nope');
    expect(lineAndColumn(text, offset)).toEqual({ line: 3, column: 3 });
  });
});
