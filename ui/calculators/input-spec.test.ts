import { describe, expect, it } from 'vitest';
import {
  describeRange,
  readChoice,
  readNumber,
  type ChoiceInputSpec,
  type NumberInputSpec,
} from './input-spec';

const consumers: NumberInputSpec = {
  kind: 'number',
  key: 'consumers',
  label: 'Consuming applications',
  defaultValue: 1,
  min: 1,
  max: 20,
  integer: true,
};

const recordBytes: NumberInputSpec = {
  kind: 'number',
  key: 'recordBytes',
  label: 'Average record size',
  unit: 'bytes',
  defaultValue: 500,
  min: 1,
  max: 1_048_576,
};

describe('readNumber', () => {
  it('accepts plain numbers and thousands separators', () => {
    expect(readNumber(recordBytes, '500')).toEqual({ ok: true, value: 500 });
    expect(readNumber(recordBytes, ' 1,024 ')).toEqual({ ok: true, value: 1024 });
    expect(readNumber(recordBytes, '0.5e3')).toEqual({ ok: true, value: 500 });
  });

  it('refuses digits that are not grouped in threes instead of dropping the commas', () => {
    expect(readNumber(recordBytes, '1,2,3', 'en-US')).toEqual({
      ok: false,
      error: '“1,2,3” is not a number: enter a number from 1 to 1,048,576 bytes.',
    });
    expect(readNumber(recordBytes, '1 024', 'en-US')).toEqual({ ok: true, value: 1024 });
  });

  it('refuses text that is not a number, giving the allowed range with its unit', () => {
    expect(readNumber(recordBytes, '5OO')).toEqual({
      ok: false,
      error: '“5OO” is not a number: enter a number from 1 to 1,048,576 bytes.',
    });
  });

  it('refuses an empty field', () => {
    expect(readNumber(consumers, '  ')).toEqual({
      ok: false,
      error: 'Consuming applications is empty: enter a whole number from 1 to 20.',
    });
  });

  it('refuses fractions where only whole numbers make sense', () => {
    expect(readNumber(consumers, '1.5')).toEqual({
      ok: false,
      error: '1.5 is not whole: enter a whole number from 1 to 20.',
    });
  });

  it('refuses values outside the range, at both ends', () => {
    expect(readNumber(consumers, '0').ok).toBe(false);
    expect(readNumber(consumers, '21')).toEqual({
      ok: false,
      error: '21 is out of range: enter a whole number from 1 to 20.',
    });
    expect(readNumber(consumers, '20')).toEqual({ ok: true, value: 20 });
  });
});

describe('optional number fields', () => {
  const peak: NumberInputSpec = { ...consumers, label: 'Peak', optional: true, defaultValue: undefined };

  it('read empty as undefined, so the calculator applies its own default', () => {
    expect(readNumber(peak, ' ')).toEqual({ ok: true, value: undefined });
  });

  it('still check what is typed', () => {
    expect(readNumber(peak, '0').ok).toBe(false);
  });
});

describe('readChoice', () => {
  const pricing: ChoiceInputSpec = {
    kind: 'choice',
    key: 'pricing',
    label: 'Pricing',
    defaultValue: 'on-demand',
    options: [
      { value: 'on-demand', label: 'On-demand' },
      { value: 'spot', label: 'Spot' },
    ],
  };

  it('accepts a listed value and names the choices otherwise', () => {
    expect(readChoice(pricing, 'spot')).toEqual({ ok: true, value: 'spot' });
    expect(readChoice(pricing, 'reserved')).toEqual({
      ok: false,
      error: '“reserved” is not one of the choices: pick on-demand, spot.',
    });
  });
});

describe('describeRange', () => {
  it('keeps small fractional bounds readable', () => {
    expect(describeRange({ ...recordBytes, min: 0.001, max: 1 })).toBe('a number from 0.001 to 1 bytes');
  });
});
