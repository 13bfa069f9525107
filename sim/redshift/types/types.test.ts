import { describe, expect, it } from 'vitest';
import { bytes } from '../../core/index.ts';
import {
  formatType,
  fromSql,
  fromText,
  parseTypeName,
  timestampReader,
  utf8Length,
  type RedshiftType,
} from './index.ts';

describe('parseTypeName and formatType (as pg_table_def prints)', () => {
  it.each([
    ['varchar(512)', 'character varying(512)'],
    ['Int', 'integer'],
    ['int4', 'integer'],
    ['INT8', 'bigint'],
    ['smallint', 'smallint'],
    ['numeric(10,2)', 'numeric(10,2)'],
    ['decimal', 'numeric(18,0)'],
    ['text', 'character varying(256)'],
    ['varchar', 'character varying(256)'],
    ['char', 'character(1)'],
    ['nvarchar(10)', 'character varying(10)'],
    ['float', 'double precision'],
    ['float4', 'real'],
    ['bool', 'boolean'],
    ['timestamp without time zone', 'timestamp without time zone'],
    ['timestamptz', 'timestamp with time zone'],
    ['varchar(max)', 'character varying(65535)'],
  ])('%s → %s', (name, printed) => {
    const t = parseTypeName(name);
    if ('error' in t) throw new Error(t.error);
    expect(formatType(t)).toBe(printed);
  });

  it('refuses names Redshift does not know and lengths beyond its limits', () => {
    expect(parseTypeName('string')).toEqual({ error: 'type "string" does not exist' });
    expect(parseTypeName('varchar(65536)')).toEqual({ error: 'length for type varchar cannot exceed 65535' });
    expect(parseTypeName('char(0)')).toEqual({ error: 'length for type char must be at least 1' });
    expect(parseTypeName('numeric(39,2)')).toMatchObject({
      error: expect.stringContaining('between 1 and 38'),
    });
  });
});

const varchar5: RedshiftType = { kind: 'varchar', length: bytes(5) };

describe('fromSql: INSERT values against column types, with Redshift messages', () => {
  it('counts VARCHAR length in bytes, not characters', () => {
    expect(utf8Length('héllo')).toBe(6);
    expect(fromSql(varchar5, 'hello')).toEqual({ value: 'hello' });
    expect(fromSql(varchar5, 'héllo')).toMatchObject({
      problem: { kind: 'too long', message: 'value too long for type character varying(5)' },
    });
  });

  it('cuts trailing spaces beyond the length silently, as PostgreSQL does', () => {
    expect(fromSql(varchar5, 'abc    ')).toEqual({ value: 'abc  ' });
  });

  it('enforces integer ranges and digits', () => {
    expect(fromSql({ kind: 'smallint' }, 32767)).toEqual({ value: 32767 });
    expect(fromSql({ kind: 'smallint' }, 32768)).toMatchObject({
      problem: { message: 'smallint out of range' },
    });
    expect(fromSql({ kind: 'integer' }, 2147483648)).toMatchObject({
      problem: { message: 'integer out of range' },
    });
    expect(fromSql({ kind: 'integer' }, '12')).toEqual({ value: 12 });
    expect(fromSql({ kind: 'integer' }, 'abc')).toMatchObject({
      problem: { message: 'invalid input syntax for integer: "abc"' },
    });
    expect(fromSql({ kind: 'integer' }, 2.5)).toEqual({ value: 3 });
    expect(fromSql({ kind: 'bigint' }, '9223372036854775807')).toEqual({ value: 9223372036854775807n });
    expect(fromSql({ kind: 'bigint' }, '9223372036854775808')).toMatchObject({
      problem: { message: 'bigint out of range' },
    });
  });

  it('parses dates and timestamps and refuses impossible days', () => {
    expect(fromSql({ kind: 'date' }, '2016-02-29')).toEqual({ value: '2016-02-29' });
    expect(fromSql({ kind: 'date' }, '2015-02-29')).toMatchObject({
      problem: { kind: 'bad date', message: 'invalid input syntax for type date: "2015-02-29"' },
    });
    expect(fromSql({ kind: 'timestamp' }, '2015-05-17')).toEqual({ value: '2015-05-17 00:00:00' });
    expect(fromSql({ kind: 'timestamp' }, '2015-05-17T10:05:03.250')).toEqual({
      value: '2015-05-17 10:05:03.25',
    });
    expect(fromSql({ kind: 'timestamp' }, '2015-05-17 25:00:00')).toMatchObject({
      problem: { kind: 'bad timestamp' },
    });
  });

  it('reads booleans as PostgreSQL does', () => {
    expect(fromSql({ kind: 'boolean' }, 'yes')).toEqual({ value: 1 });
    expect(fromSql({ kind: 'boolean' }, false)).toEqual({ value: 0 });
    expect(fromSql({ kind: 'boolean' }, 'maybe')).toMatchObject({
      problem: { message: 'invalid input syntax for type boolean: "maybe"' },
    });
  });

  it('rounds decimals to their scale and refuses overflow', () => {
    expect(fromSql({ kind: 'decimal', precision: 5, scale: 2 }, 123.456)).toEqual({ value: 123.46 });
    expect(fromSql({ kind: 'decimal', precision: 5, scale: 2 }, 1234.5)).toMatchObject({
      problem: { message: 'numeric field overflow' },
    });
  });
});

describe('fromText: COPY fields with STL_LOAD_ERRORS reasons and codes', () => {
  it('loads an empty field of a non-character column as NULL, an empty VARCHAR as an empty string', () => {
    expect(fromText({ kind: 'integer' }, '')).toEqual({ value: null });
    expect(fromText({ kind: 'timestamp' }, '')).toEqual({ value: null });
    expect(fromText(varchar5, '')).toEqual({ value: '' });
  });

  it("reports an invalid digit at its position (the lab's '-' in an integer column)", () => {
    expect(fromText({ kind: 'integer' }, '-')).toEqual({
      problem: {
        kind: 'invalid digit',
        message: "Invalid digit, Value '-', Pos 0, Type: Integer",
        loadErrorCode: 1207,
      },
    });
    expect(fromText({ kind: 'integer' }, '12x')).toMatchObject({
      problem: { message: "Invalid digit, Value 'x', Pos 2, Type: Integer" },
    });
    expect(fromText({ kind: 'integer' }, '-42')).toEqual({ value: -42 });
    expect(fromText({ kind: 'smallint' }, '70000')).toMatchObject({ problem: { kind: 'out of range' } });
  });

  it('refuses text longer than the column in bytes unless TRUNCATECOLUMNS', () => {
    expect(fromText(varchar5, 'OPTIONS')).toMatchObject({
      problem: { kind: 'too long', loadErrorCode: 1204 },
    });
    expect(fromText(varchar5, 'OPTIONS', { truncate: true })).toEqual({ value: 'OPTIO' });
    expect(fromText(varchar5, 'aaaé', { truncate: true })).toEqual({ value: 'aaaé' });
    expect(fromText(varchar5, 'aaaaé', { truncate: true })).toEqual({ value: 'aaaa' });
  });

  it('refuses invalid UTF-8 unless ACCEPTINVCHARS names a replacement', () => {
    expect(fromText(varchar5, 'a\uFFFDb')).toMatchObject({
      problem: { kind: 'invalid utf8', loadErrorCode: 1220 },
    });
    expect(fromText(varchar5, 'a\uFFFDb', { acceptInvChars: '?' })).toEqual({ value: 'a?b' });
  });

  it('reads timestamps by the default format, TIMEFORMAT auto, an explicit format and epochsecs', () => {
    const ts = { kind: 'timestamp' } as const;
    expect(fromText(ts, '2015-05-17 10:05:03')).toEqual({ value: '2015-05-17 10:05:03' });
    expect(fromText(ts, '17/May/2015:10:05:03 +0000')).toMatchObject({
      problem: { kind: 'bad timestamp', loadErrorCode: 1206 },
    });
    expect(fromText(ts, '17/May/2015:10:05:03 +0000', { timeFormat: 'auto' })).toEqual({
      value: '2015-05-17 10:05:03',
    });
    expect(fromText(ts, '05/17/2015 10:05', { timeFormat: 'MM/DD/YYYY HH24:MI' })).toEqual({
      value: '2015-05-17 10:05:00',
    });
    expect(fromText(ts, '1431857103', { timeFormat: 'epochsecs' })).toEqual({ value: '2015-05-17 10:05:03' });
    expect(fromText({ kind: 'date' }, '17.05.2015', { dateFormat: 'DD.MM.YYYY' })).toEqual({
      value: '2015-05-17',
    });
    expect(fromText({ kind: 'date' }, '2015-5-1')).toMatchObject({
      problem: { message: 'Invalid Date Format - length must be 10 or more', loadErrorCode: 1205 },
    });
  });

  it('gives back the field itself for an already canonical timestamp (no new string per row)', () => {
    const field = '2015-05-17 10:05:03';
    expect(timestampReader(undefined)(field)).toBe(field);
  });
});
