import { describe, expect, it } from 'vitest';
import { blankTokens, splitStatements } from './statements.ts';
import { tokenize, type Token } from './tokens.ts';

function tokens(script: string): Token[] {
  const result = tokenize(script);
  if ('error' in result) throw new Error(result.error.message);
  return result.tokens;
}

describe('tokenize', () => {
  it('reads words folded to lower case, quoted identifiers, numbers and operators with positions', () => {
    const t = tokens('SELECT "accessLogs".X, 1.5e3 <> -2\nFROM t');
    expect(t.map((x) => [x.kind, x.value])).toEqual([
      ['word', 'select'],
      ['quoted', 'accesslogs'],
      ['punctuation', '.'],
      ['word', 'x'],
      ['punctuation', ','],
      ['number', '1.5e3'],
      ['operator', '<>'],
      ['operator', '-'],
      ['number', '2'],
      ['word', 'from'],
      ['word', 't'],
    ]);
    expect(t[9]).toMatchObject({ line: 2, column: 1, start: 35 });
  });

  it("keeps a plain string's backslashes and reads E'' escapes", () => {
    const t = tokens(`'it''s' '\\t' E'a\\tb\\'c'`);
    expect(t.map((x) => x.value)).toEqual(["it's", '\\t', "a\tb'c"]);
  });

  it('drops comments, including nested block comments, and never reads keywords inside them', () => {
    const t = tokens('SELECT /* TOP 5 /* nested */ still */ a -- ; DROP TABLE x\n, b');
    expect(t.map((x) => x.value)).toEqual(['select', 'a', ',', 'b']);
  });

  it('says where an unterminated string starts', () => {
    const result = tokenize("SELECT 1;\nSELECT 'oops");
    expect(result).toEqual({
      error: { message: 'unterminated quoted string', offset: 17, line: 2, column: 8 },
    });
  });

  it('reads :: as one operator', () => {
    expect(tokens('x::date').map((x) => x.value)).toEqual(['x', '::', 'date']);
  });
});

describe('splitStatements', () => {
  it('splits at semicolons that are tokens, not inside strings or comments', () => {
    const split = splitStatements("SELECT ';';\n-- a; comment\nSELECT 2;;  ");
    expect(split.statements.map((s) => [s.text, s.line, s.column])).toEqual([
      ["SELECT ';'", 1, 1],
      ['SELECT 2', 3, 1],
    ]);
  });

  it('runs the statements before an unreadable one', () => {
    const split = splitStatements("SELECT 1; SELECT 'x");
    expect(split.statements.map((s) => s.text)).toEqual(['SELECT 1']);
    expect('error' in split).toBe(true);
  });

  it('blanks tokens without moving anything after them', () => {
    const [statement] = splitStatements('SELECT TOP 10\n  a FROM t').statements;
    const blanked = blankTokens(statement!, statement!.tokens.slice(1, 3));
    expect(blanked).toBe('SELECT       \n  a FROM t');
  });
});
