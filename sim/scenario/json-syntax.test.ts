import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from './json-syntax.ts';

describe('jsonErrorOffset', () => {
  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}} ', '0', '"text"'])(
    'finds nothing wrong in valid JSON %s',
    (text) => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBeUndefined();
    },
  );

  it.each([
    ['{ "seed": 1, }', 13],
    ['{ "seed": }', 10],
    ['{ seed: 1 }', 2],
    ['[1, 2', 5],
    ['{"a": 01}', 7],
    ['{"a": tru}', 9],
    ['{"a": "b\\x"}', 9],
    ['{} {}', 3],
    ['', 0],
  ])('points at the first bad character of %s', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toBe('line 1, column 1');
    expect(lineAndColumn('ab\ncd', 4)).toBe('line 2, column 2');
  });
});
