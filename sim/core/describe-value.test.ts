import { describe, expect, it } from 'vitest';
import {
  childPath,
  describeKindAndValue,
  describeValue,
  kindOf,
  MAX_EXCERPT_CHARS,
  MAX_PATH_CHARS,
  MAX_PATH_KEY_CHARS,
} from './describe-value.ts';

/** `[[[…]]]` nested `depth` levels, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

describe('describeValue', () => {
  it('quotes short values as JSON writes them', () => {
    expect(describeValue('abc')).toBe('"abc"');
    expect(describeValue(12.5)).toBe('12.5');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(true)).toBe('true');
    expect(describeValue([1, 'a'])).toBe('[1,"a"]');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue(undefined)).toBe('nothing');
  });

  it('names infinite numbers instead of writing null (JSON.stringify(Infinity) is "null")', () => {
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(describeValue(JSON.parse('-1e999'))).toBe('-Infinity');
    expect(kindOf(JSON.parse('1e999'))).toBe('an infinite number (too large to represent)');
    expect(describeKindAndValue(JSON.parse('1e999'))).not.toContain('null');
  });

  it('cuts a long string to an excerpt without splitting a surrogate pair', () => {
    const text = describeValue('x'.repeat(MAX_EXCERPT_CHARS - 1) + '😀'.repeat(100_000));
    expect(text.length).toBeLessThan(MAX_EXCERPT_CHARS + 8);
    expect(text.endsWith('…"')).toBe(true);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('describes a huge or deeply nested value in a short line, without overflowing the stack', () => {
    const deep = nested(200_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(describeValue(deep)).toBe('[[[…]]]');
    expect(describeValue(Array.from({ length: 1_000_000 }, (_, i) => i)).length).toBeLessThan(80);
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, 'v'.repeat(1000)]));
    expect(describeValue(wide).length).toBeLessThan(80);
  });

  it('says the kind of values whose kind is not plain to see', () => {
    expect(describeKindAndValue([1])).toBe('an array [1]');
    expect(describeKindAndValue({})).toBe('an object {}');
    expect(describeKindAndValue('1')).toBe('"1"');
    expect(describeKindAndValue(1)).toBe('1');
  });
});

describe('childPath', () => {
  it('writes plain names with a dot, other keys quoted, indexes in brackets', () => {
    expect(childPath('$', 'seed')).toBe('$.seed');
    expect(childPath('$.prices', 'kinesis.shardHour')).toBe('$.prices["kinesis.shardHour"]');
    expect(childPath('$.a', 3)).toBe('$.a[3]');
  });

  it('keeps a path short however long the key is', () => {
    const path = childPath('$.labs', 'k'.repeat(5_000_000));
    expect(path.length).toBeLessThan(MAX_PATH_KEY_CHARS + 20);
  });

  it('keeps a path short however deep it goes, with its start and its last step', () => {
    let path = '$.progress.labs';
    for (let level = 0; level < 64; level++) path = childPath(path, `key-${'n'.repeat(50)}-${level}`);
    expect(path.length).toBeLessThanOrEqual(MAX_PATH_CHARS);
    expect(path.startsWith('$.progress.labs')).toBe(true);
    expect(path.endsWith(`-63"]`)).toBe(true);
  });
});
