import { describe, expect, it } from 'vitest';
import { Rng } from './rng.ts';
import {
  jsonDepthExceededAt,
  jsonErrorOffset,
  lineAndColumn,
  MAX_JSON_DEPTH,
  parseJsonText,
} from './json-syntax.ts';

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

describe('jsonErrorOffset on deep nesting', () => {
  it('walks 200,000 levels of arrays and objects without recursing', () => {
    const depth = 200_000;
    expect(jsonErrorOffset('['.repeat(depth) + ']'.repeat(depth))).toBeUndefined();
    expect(jsonErrorOffset('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))).toBeUndefined();
    expect(jsonErrorOffset('['.repeat(depth) + ']'.repeat(depth - 1) + '}')).toBe(2 * depth - 1);
  });

  it('agrees with JSON.parse on which texts are valid (seeded fuzz)', () => {
    const rng = Rng.fromSeed(9);
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '1',
      '-0.5e2',
      'true',
      'null',
      ' ',
      '"\\u00e9"',
      'x',
    ];
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = 1 + rng.nextInt(0, 11);
      for (let k = 0; k < length; k++) text += pieces[rng.nextInt(0, pieces.length - 1)];
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(text) === undefined, text).toBe(valid);
    }
  });
});

describe('parseJsonText', () => {
  it('skips a UTF-8 byte-order mark, as the app does', () => {
    expect(parseJsonText('\ufeff{"seed": 1}')).toEqual({ ok: true, value: { seed: 1 } });
  });

  it('refuses nesting deeper than the limit before parsing, saying where', () => {
    const text = '{"seed": ' + '['.repeat(4000) + ']'.repeat(4000) + '}';
    const outcome = parseJsonText(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.message).toContain(
        `deeper than ${MAX_JSON_DEPTH} levels at line 1, column ${9 + MAX_JSON_DEPTH}`,
      );
      expect(outcome.message.length).toBeLessThan(200);
    }
    expect(jsonDepthExceededAt('["[[[[", {"a": [1]}]', 2)).toBe(15);
    expect(parseJsonText('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).toBe(true);
  });

  it('keeps the syntax message short for a long line', () => {
    const outcome = parseJsonText(`{"a": "${'x'.repeat(100_000)}" oops}`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message.length).toBeLessThan(250);
  });
});
