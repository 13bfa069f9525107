import { describe, expect, it } from 'vitest';
import type { CopyTarget } from './context.ts';
import { fixture, gzipText, ROLE_ARN, typeOf } from './test-support.ts';

/** A table with one column of each kind the options touch. */
const EVENTS: CopyTarget = {
  name: 'events',
  id: 200_001,
  columns: [
    { name: 'id', type: typeOf('integer'), notNull: true },
    { name: 'name', type: typeOf('varchar(8)'), notNull: false },
    { name: 'day', type: typeOf('date'), notNull: false },
    { name: 'at', type: typeOf('timestamp'), notNull: false },
    { name: 'price', type: typeOf('decimal(8,2)'), notNull: false },
  ],
};

function load(text: string | Uint8Array, options = '', maxError = 100) {
  const f = fixture({ targets: [EVENTS] });
  f.put('in/data', text);
  const outcome = f.copy(
    `COPY events FROM 's3://logs/in' IAM_ROLE '${ROLE_ARN}' MAXERROR ${maxError} ${options}`,
  );
  return { outcome, rows: f.tables.get('events') ?? [], errors: f.ctx.log.errors };
}

describe('COPY load error codes (RS-DG r_Load_Error_Reference; AWS-FACTS §6.4)', () => {
  it('1207 invalid digit, with the position in the field', () => {
    const { errors } = load('1|a|2016-06-07|2016-06-07 10:00:00|1.00\n1x2|b|||\n');
    expect(errors).toEqual([
      expect.objectContaining({
        line_number: 2,
        colname: 'id',
        type: 'int4',
        err_code: 1207,
        err_reason: "Invalid digit, Value 'x', Pos 1, Type: Integer",
        position: 1,
        raw_field_value: '1x2',
        raw_line: '1x2|b|||',
      }),
    ]);
  });

  it('1204 value too long for varchar(8), counted in bytes', () => {
    const { errors, rows } = load('1|abcdefgh||\n2|abcdéfgh|||\n', 'FILLRECORD');
    expect(rows).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line_number: 2, colname: 'name', col_length: '8', err_code: 1204 });
  });

  it('1205 bad date and 1206 bad timestamp', () => {
    const { errors } = load('1|a|2016-13-45||\n2|b||yesterday|\n');
    expect(errors.map((e) => [e.line_number, e.colname, e.err_code])).toEqual([
      [1, 'day', 1205],
      [2, 'at', 1206],
    ]);
    expect(errors[1]!.err_reason).toBe('Invalid timestamp format or value [YYYY-MM-DD HH24:MI:SS]');
  });

  it('1202 extra columns and 1214 delimiter not found, reported on the whole line', () => {
    const { errors } = load('1|a|||1.00|extra\n2|b\n');
    expect(errors.map((e) => [e.line_number, e.err_code, e.err_reason, e.colname])).toEqual([
      [1, 1202, 'Extra column(s) found', 'price'],
      [2, 1214, 'Delimiter not found', 'name'],
    ]);
  });

  it('1213 a NOT NULL column that got no data', () => {
    expect(load('|a|||\n').errors[0]).toMatchObject({
      colname: 'id',
      err_code: 1213,
      err_reason: 'Missing data for not-null field',
    });
  });

  it('1220 invalid UTF-8, with the bad bytes in hex', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('1|ab'),
      0xc3,
      0x28,
      ...new TextEncoder().encode('|||\n'),
    ]);
    expect(load(bytes).errors[0]).toMatchObject({
      line_number: 1,
      colname: 'name',
      err_code: 1220,
      err_reason:
        'String contains invalid or unsupported UTF8 codepoints. Bad UTF8 hex sequence: c3 28 (error 4)',
    });
  });

  it('1216 a CSV quote that never closes', () => {
    expect(load('1,"abc,,,\n', 'CSV').errors[0]).toMatchObject({
      err_code: 1216,
      err_reason: 'Invalid quote formatting for CSV',
    });
  });
});

describe('COPY conversion options', () => {
  it('loads an empty field as an empty string in varchar and as NULL in every other type', () => {
    const { rows } = load('1||||\n');
    expect(rows).toEqual([[1, '', null, null, null]]);
  });

  it('EMPTYASNULL and NULL AS make empty varchar fields NULL; the default \\N is NULL too', () => {
    expect(load('1||||\n', 'EMPTYASNULL').rows[0]![1]).toBeNull();
    expect(load('1||||\n', "NULL AS ''").rows[0]![1]).toBeNull();
    expect(load('1|\\N|||\n').rows[0]![1]).toBeNull();
    expect(load('1|NA|||\n', "NULL AS 'NA'").rows[0]![1]).toBeNull();
  });

  it('BLANKSASNULL makes all-blank varchar fields NULL; without it the blanks load as they are', () => {
    expect(load('1|   |||\n', 'BLANKSASNULL').rows[0]![1]).toBeNull();
    expect(load('1|   |||\n').rows[0]![1]).toBe('   ');
  });

  it('IGNOREHEADER skips the header of every file and keeps real line numbers', () => {
    const { rows, errors } = load('id|name|day|at|price\n1|a|||\nx|b|||\n', 'IGNOREHEADER 1');
    expect(rows).toHaveLength(1);
    expect(errors[0]!.line_number).toBe(3);
  });

  it("DATEFORMAT and TIMEFORMAT read the given formats, and 'auto' recognises other forms", () => {
    const custom = load(
      '1|a|07/06/2016|07/06/2016 14:05|\n',
      "DATEFORMAT 'DD/MM/YYYY' TIMEFORMAT 'DD/MM/YYYY HH24:MI'",
    );
    expect(custom.rows[0]!.slice(2, 4)).toEqual(['2016-06-07', '2016-06-07 14:05:00']);
    const auto = load('1|a|2016-06-07|2016-06-07T14:05:03|\n', "TIMEFORMAT 'auto'");
    expect(auto.rows[0]![3]).toBe('2016-06-07 14:05:03');
    expect(load('1|a|07/06/2016||\n').errors[0]!.err_code).toBe(1205);
    expect(load('1|a|06/07/2016||\n', "DATEFORMAT 'auto'").rows[0]![2]).toBe('2016-06-07');
  });

  it('ACCEPTINVCHARS replaces each byte of an invalid sequence instead of rejecting the row', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('1|ab'),
      0xa4,
      ...new TextEncoder().encode('|||\n'),
    ]);
    expect(load(bytes, "ACCEPTINVCHARS AS '^'").rows[0]![1]).toBe('ab^');
    expect(load(bytes, 'ACCEPTINVCHARS').rows[0]![1]).toBe('ab?');
  });

  it('CSV reads quoted fields with the delimiter and doubled quotes inside', () => {
    const { rows } = load('1,"a,""b""",,,2.50\n', 'CSV');
    expect(rows[0]).toEqual([1, 'a,"b"', null, null, 2.5]);
  });

  it('ESCAPE lets a backslash keep a delimiter in a value', () => {
    expect(load('1|a\\|b|||\n', 'ESCAPE').rows[0]![1]).toBe('a|b');
    // "\N" and "\\N" both still load as NULL under ESCAPE; "\Nx" is the text "Nx".
    expect(load('1|\\N|||\n', 'ESCAPE').rows[0]![1]).toBeNull();
    expect(load('1|\\\\N|||\n', 'ESCAPE').rows[0]![1]).toBeNull();
    expect(load('1|\\Nx|||\n', 'ESCAPE').rows[0]![1]).toBe('Nx');
  });

  it('a column list loads the listed columns in the file’s order and leaves the others NULL', () => {
    const f = fixture({ targets: [EVENTS] });
    f.put('in/data', 'x|7\n');
    f.copy(`COPY events (name, id) FROM 's3://logs/in' IAM_ROLE '${ROLE_ARN}'`);
    expect(f.tables.get('events')).toEqual([[7, 'x', null, null, null]]);
    expect(f.copy(`COPY events (nope) FROM 's3://logs/in' IAM_ROLE '${ROLE_ARN}'`).error!.message).toBe(
      'column "nope" of relation "events" does not exist',
    );
    expect(f.copy(`COPY events (name) FROM 's3://logs/in' IAM_ROLE '${ROLE_ARN}'`).error!.code).toBe('23502');
    expect(f.copy(`COPY missing FROM 's3://logs/in' IAM_ROLE '${ROLE_ARN}'`).error!.message).toBe(
      'relation "missing" does not exist',
    );
  });

  it('GZIP reads compressed files; every object under the prefix is loaded, in key order', () => {
    const f = fixture({ targets: [EVENTS] });
    f.put('in/b.gz', gzipText('2|b|||\n'));
    f.put('in/a.gz', gzipText('1|a|||\n'));
    f.put('other/c.gz', gzipText('3|c|||\n'));
    const outcome = f.copy(`COPY events FROM 's3://logs/in' IAM_ROLE '${ROLE_ARN}' GZIP`);
    expect(outcome.rowsLoaded).toBe(2);
    expect(f.tables.get('events')!.map((r) => r[0])).toEqual([1, 2]);
  });

  it('pages through ListObjectsV2 (1,000 keys a page) so a prefix with 1,001 objects loads them all', () => {
    const f = fixture({ targets: [EVENTS] });
    for (let i = 0; i < 1001; i++) f.put(`many/part-${String(i).padStart(4, '0')}`, `${i}|n|||\n`);
    expect(f.copy(`COPY events FROM 's3://logs/many' IAM_ROLE '${ROLE_ARN}'`).rowsLoaded).toBe(1001);
  });

  it('skips IDENTITY columns: the files carry no value for them, and a column list may not name them', () => {
    const withId: CopyTarget = {
      name: 'visits',
      id: 200_002,
      columns: [
        { name: 'visit_id', type: typeOf('bigint'), notNull: true, identity: { seed: 1, step: 1 } },
        { name: 'host', type: typeOf('varchar(32)'), notNull: false },
      ],
    };
    const f = fixture({ targets: [withId] });
    f.put('in/data', 'h1\nh2\n');
    expect(f.copy(`COPY visits FROM 's3://logs/in' IAM_ROLE '${ROLE_ARN}'`).rowsLoaded).toBe(2);
    expect(f.tables.get('visits')!.map((r) => r[1])).toEqual(['h1', 'h2']);
    expect(
      f.copy(`COPY visits (visit_id, host) FROM 's3://logs/in' IAM_ROLE '${ROLE_ARN}'`).error!.message,
    ).toBe('cannot set an identity column to a value: "visit_id" is IDENTITY');
  });
});
