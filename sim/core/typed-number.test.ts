import { describe, expect, it } from 'vitest';
import { parseTypedNumber } from './typed-number';

const value = (text: string, locale = 'en-US') => {
  const read = parseTypedNumber(text, locale);
  if (!read.ok) throw new Error(read.error);
  return read.value;
};
const error = (text: string, locale = 'en-US') => {
  const read = parseTypedNumber(text, locale);
  if (read.ok) throw new Error(`read “${text}” as ${read.value}`);
  return read.error;
};

describe('parseTypedNumber', () => {
  it('reads numbers in the app’s own format: comma groups, point decimals', () => {
    expect(value('21,600')).toBe(21_600);
    expect(value('1,048,576')).toBe(1_048_576);
    expect(value('1,234,567.89')).toBe(1_234_567.89);
    expect(value('2.5')).toBe(2.5);
    expect(value('.5')).toBe(0.5);
    expect(value('  42  ')).toBe(42);
  });

  it('reads digit groups separated by spaces, including the narrow no-break space', () => {
    expect(value('21 600')).toBe(21_600);
    expect(value('21\u00a0600')).toBe(21_600);
    expect(value('21\u202f600,5', 'fr-FR')).toBe(21_600.5);
  });

  it('reads the decimal comma and point grouping of a German learner', () => {
    expect(value('2,5', 'de-DE')).toBe(2.5);
    expect(value('0,500', 'de-DE')).toBe(0.5);
    expect(value('1.234.567,89', 'de-DE')).toBe(1_234_567.89);
    expect(value('1234,5678', 'de-DE')).toBe(1234.5678);
    // A point with other than three digits after it can only be a decimal point.
    expect(value('2.5', 'de-DE')).toBe(2.5);
  });

  it('refuses a comma that could group thousands or separate decimals, naming both readings', () => {
    expect(error('21,600', 'de-DE')).toBe(
      '“21,600” is ambiguous: with a thousands separator it is 21600, with a decimal “,” it is 21.6. Type 21600 or 21,6.',
    );
    expect(error('21.600', 'de-DE')).toBe(
      '“21.600” is ambiguous: with a thousands separator it is 21600, with a decimal “.” it is 21.6. Type 21600 or 21.6.',
    );
    expect(error('1,234', 'fr-FR')).toMatch(/Type 1234 or 1,2340\.$/);
  });

  it('reads signs, the typographic minus, and exponents', () => {
    expect(value('-3')).toBe(-3);
    expect(value('−3')).toBe(-3);
    expect(value('+4')).toBe(4);
    expect(value('-0')).toBe(0);
    expect(value('-1,500.25')).toBe(-1500.25);
    expect(value('1e6')).toBe(1_000_000);
    expect(value('2.5E-3')).toBe(0.0025);
  });

  it('refuses garbage, badly grouped digits and a comma decimal where the comma groups', () => {
    expect(error('lots')).toBe('“lots” is not a number. Type a number such as 21,600 or 2.5.');
    expect(error('1,2,3')).toBe('“1,2,3” is not a number. Type a number such as 21,600 or 2.5.');
    expect(error('1,2,3', 'de-DE')).toBe('“1,2,3” is not a number. Type a number such as 21.600 or 2,5.');
    expect(error('2,5')).toBe(
      '“2,5” is not a number here: the comma separates groups of three digits. Type a number such as 21,600 or 2.5.',
    );
    expect(error('12.')).toMatch(/^“12\.” is not a number\./);
    expect(error('1 2')).toMatch(/^“1 2” is not a number\./);
    expect(error('1,,000')).toMatch(/is not a number/);
    expect(error('1.2.3')).toMatch(/is not a number/);
    expect(error('0x10')).toMatch(/is not a number/);
    expect(error('Infinity')).toMatch(/is not a number/);
    expect(error('1e999')).toBe('“1e999” is too large. Type a number such as 21,600 or 2.5.');
    expect(error('')).toBe('The answer is empty. Type a number such as 21,600 or 2.5.');
  });

  it('falls back to the app’s format for a locale the runtime does not know', () => {
    expect(value('21,600', 'xx-invalid-locale-tag-123')).toBe(21_600);
  });
});
