import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBdlab } from './capture.ts';
import { parseNumber } from './calc.ts';

const folder = mkdtempSync(join(tmpdir(), 'bdlab-calc-input-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const flag = {
  flag: 'records-per-second',
  field: 'recordsPerSecond',
  kind: 'number',
  description: 'rate',
} as const;

describe('number flags', () => {
  it.each([
    ['1000', 1000],
    ['1_000', 1000],
    ['21,600', 21600],
    ['2.5e3', 2500],
    ['.5', 0.5],
    ['-3', -3],
    [' 7 ', 7],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(flag, text)).toBe(value);
  });

  it.each([
    '_',
    '0x10',
    '0b11',
    '0o7',
    'Infinity',
    '1e999',
    '1__0',
    '_1',
    '1_',
    '12,34',
    '',
    ' ',
    '.',
    'e5',
    '1,2345',
  ])('refuses %j, which Number() would read as something else', (text) => {
    expect(() => parseNumber(flag, text)).toThrow(/is not a decimal number/);
  });
});

describe('bdlab calc flags', () => {
  const kinesis = ['calc', 'kinesis', '--record-bytes', '500'];

  it('refuses --records-per-second _ instead of reading it as 0', async () => {
    const { code, stderr } = await runBdlab(...kinesis, '--records-per-second', '_');
    expect(code).toBe(2);
    expect(stderr).toContain("--records-per-second '_' is not a decimal number");
  });

  it('says what --prices takes when its value is missing', async () => {
    const { code, stderr } = await runBdlab(...kinesis, '--records-per-second', '10', '--prices');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'bdlab calc: --prices needs a value: 2016, current, or the path of a JSON price file, such as --prices 2016.\n',
    );
    expect(stderr).not.toContain('--prices 10');
  });

  it('quotes only an excerpt of a 10 KB argument', async () => {
    const { stderr } = await runBdlab(...kinesis, '--records-per-second', '9'.repeat(10_000) + 'x');
    expect(stderr.length).toBeLessThan(250);
    const huge = await runBdlab(...kinesis, '--records-per-second', '9'.repeat(400));
    expect(huge.stderr.length).toBeLessThan(250);
  });

  it('reads a price file that starts with a UTF-8 byte-order mark, as the app does', async () => {
    const file = join(folder, 'bom.json');
    writeFileSync(file, '\ufeff{ "basedOn": "2016", "prices": { "kinesis.shardHour": 0.02 } }');
    const { code, stderr } = await runBdlab(...kinesis, '--records-per-second', '10', '--prices', file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('refuses a deeply nested price file in one line, without a stack trace', async () => {
    const file = join(folder, 'deep.json');
    writeFileSync(file, `{ "prices": ${'['.repeat(20_000)}${']'.repeat(20_000)} }`);
    const { code, stderr } = await runBdlab(...kinesis, '--records-per-second', '10', '--prices', file);
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).toContain('nest deeper than 64 levels at line 1, column 76');
  });
});
