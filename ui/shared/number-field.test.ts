import { describe, expect, it } from 'vitest';
import { readNumberField } from './number-field';

describe('readNumberField', () => {
  const shards = { min: 1, max: 100 };
  const records = { min: 100, max: 100_000, unit: 'records' };

  it('accepts a whole number in range, spaces around it allowed', () => {
    expect(readNumberField('3', shards, 'en-US')).toEqual({ ok: true, value: 3 });
    expect(readNumberField(' 100 ', shards, 'en-US')).toEqual({ ok: true, value: 100 });
  });

  it('accepts the numbers as the app writes them and as people type them', () => {
    expect(readNumberField('21,600', records, 'en-US')).toEqual({ ok: true, value: 21_600 });
    expect(readNumberField('21 600', records, 'en-US')).toEqual({ ok: true, value: 21_600 });
    expect(readNumberField('21.600', records, 'de-DE')).toMatchObject({ ok: false });
    expect(readNumberField('21600', records, 'de-DE')).toEqual({ ok: true, value: 21_600 });
  });

  it('says what was wrong and what to type instead', () => {
    expect(readNumberField('0', shards, 'en-US')).toMatchObject({
      ok: false,
      error: '0 is out of range. Type a whole number from 1 to 100.',
    });
    expect(readNumberField('2.5', shards, 'en-US')).toMatchObject({
      ok: false,
      error: '“2.5” is not a whole number. Type a whole number from 1 to 100.',
    });
    expect(readNumberField('lots', shards, 'en-US')).toMatchObject({
      ok: false,
      error: '“lots” is not a number. Type a whole number from 1 to 100.',
    });
    expect(readNumberField('1,2,3', shards, 'en-US')).toMatchObject({
      ok: false,
      error: '“1,2,3” is not a number. Type a whole number from 1 to 100.',
    });
    expect(readNumberField('  ', shards, 'en-US')).toMatchObject({
      ok: false,
      error: 'The field is empty. Type a whole number from 1 to 100.',
    });
  });

  it('writes the range with thousands separators and the unit', () => {
    expect(readNumberField('0', records, 'en-US')).toMatchObject({
      ok: false,
      error: '0 is out of range. Type a whole number from 100 to 100,000 records.',
    });
  });
});
