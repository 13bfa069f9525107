import { describe, expect, it } from 'vitest';
import { numberFieldProblem } from './number-field';

describe('numberFieldProblem', () => {
  const shards = { min: 1, max: 100 };

  it('accepts a whole number in range, spaces around it allowed', () => {
    expect(numberFieldProblem('3', shards)).toBeNull();
    expect(numberFieldProblem(' 100 ', shards)).toBeNull();
  });

  it('says what was wrong and what to type instead', () => {
    expect(numberFieldProblem('0', shards)).toBe('0 is out of range. Type a whole number from 1 to 100.');
    expect(numberFieldProblem('2.5', shards)).toBe(
      '“2.5” is not a whole number. Type a whole number from 1 to 100.',
    );
    expect(numberFieldProblem('lots', shards)).toBe(
      '“lots” is not a whole number. Type a whole number from 1 to 100.',
    );
    expect(numberFieldProblem('  ', shards)).toBe('The field is empty. Type a whole number from 1 to 100.');
  });

  it('writes the range with thousands separators and the unit', () => {
    expect(numberFieldProblem('0', { min: 100, max: 10_000, unit: 'records' })).toBe(
      '0 is out of range. Type a whole number from 100 to 10,000 records.',
    );
  });
});
