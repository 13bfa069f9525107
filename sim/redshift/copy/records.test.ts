import { describe, expect, it } from 'vitest';
import { parseCopy } from './copy-statement.ts';
import type { CopyParameters } from './copy-parameters.ts';
import { RecordReader } from './records.ts';
import { tokensOf } from './test-support.ts';
import { isStatementError } from './tokens.ts';

function params(options: string): CopyParameters {
  const sql = `COPY t FROM 's3://b/p' IAM_ROLE 'arn:aws:iam::1:role/r' ${options}`;
  const c = parseCopy(tokensOf(sql), sql.length);
  if (isStatementError(c)) throw new Error(c.message);
  return c.parameters;
}

interface Seen {
  line: number;
  fields: string[];
  problem: number | null;
  raw: string;
}

function read(text: string, options: string, expected: number, skip = 0): Seen[] {
  const reader = new RecordReader(text, params(options), expected);
  reader.skipLines(skip);
  const out: Seen[] = [];
  while (reader.next()) {
    out.push({
      line: reader.line,
      fields: reader.fields.slice(0, reader.fieldCount),
      problem: reader.problem?.code ?? null,
      raw: reader.rawLine(),
    });
  }
  return out;
}

describe('RecordReader', () => {
  it('splits pipe-delimited lines by default and numbers the lines of the real file', () => {
    expect(read('a|1\nb|2\n', '', 2)).toEqual([
      { line: 1, fields: ['a', '1'], problem: null, raw: 'a|1' },
      { line: 2, fields: ['b', '2'], problem: null, raw: 'b|2' },
    ]);
  });

  it('reads a last line without a newline, and keeps empty fields', () => {
    expect(read('a\t\tc\nx\ty\tz', "DELIMITER '\\t'", 3).map((r) => r.fields)).toEqual([
      ['a', '', 'c'],
      ['x', 'y', 'z'],
    ]);
  });

  it('flags too few fields as 1214 (delimiter not found) and too many as 1202 (extra columns)', () => {
    const seen = read('a|b|c\na|b\na|b|c|d\n', '', 3);
    expect(seen.map((r) => r.problem)).toEqual([null, 1214, 1202]);
  });

  it('lets FILLRECORD accept short records', () => {
    expect(read('a|b\n', 'FILLRECORD', 3)[0]!.problem).toBeNull();
  });

  it('sees every line of a tab-separated file as one field under the default pipe (a wrong delimiter)', () => {
    const seen = read('1\t2\t3\n4\t5\t6\n', '', 3);
    expect(seen.map((r) => [r.fields.length, r.problem])).toEqual([
      [1, 1214],
      [1, 1214],
    ]);
  });

  it('counts IGNOREHEADER lines in the line numbers', () => {
    expect(read('h1|h2\na|1\nb|2\n', 'IGNOREHEADER 1', 2, 1).map((r) => r.line)).toEqual([2, 3]);
  });

  it('skips empty lines with IGNOREBLANKLINES but still counts them', () => {
    expect(read('a|1\n\nb|2\n', 'IGNOREBLANKLINES', 2).map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'a'],
      [3, 'b'],
    ]);
    expect(read('a|1\n\nb|2\n', '', 2).map((r) => r.problem)).toEqual([null, 1214, null]);
  });

  it('reads CSV quotes: delimiters and newlines inside quotes, doubled quotes, and the next line number after', () => {
    const seen = read('"a,b",1\n"say ""hi""\nthere",2\nlast,3\n', 'CSV', 2);
    expect(seen.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a,b', '1']],
      [2, ['say "hi"\nthere', '2']],
      [4, ['last', '3']],
    ]);
  });

  it('flags an unterminated CSV quote and text after a closing quote as 1216', () => {
    expect(read('"open,1\n', 'CSV', 2)[0]!.problem).toBe(1216);
    expect(read('"a"b,1\n', 'CSV', 2)[0]!.problem).toBe(1216);
  });

  it('reads ESCAPE: an escaped delimiter, backslash and newline belong to the value', () => {
    const seen = read('a\\|b|1\nx\\\\y|2\nline\\\nbreak|3\n', 'ESCAPE', 2);
    expect(seen.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a|b', '1']],
      [2, ['x\\y', '2']],
      [3, ['line\nbreak', '3']],
    ]);
  });

  it('strips surrounding quotes with REMOVEQUOTES, keeping delimiters inside them', () => {
    expect(read(`'a|b'|"c"\n`, 'REMOVEQUOTES', 2)[0]!.fields).toEqual(['a|b', 'c']);
  });
});
