import { describe, expect, expectTypeOf, it } from 'vitest';
import { hours, millis, seconds, type Hours, type Millis, type Seconds } from '../core/index.ts';
import {
  array,
  boolean,
  didYouMean,
  editDistance,
  integer,
  number,
  object,
  oneOf,
  optional,
  string,
  type Infer,
  type Schema,
  type SchemaIssue,
} from './schema.ts';

function check<T>(schema: Schema<T>, value: unknown): { value: T | undefined; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  return { value: schema.check(value, '$', issues), issues };
}

describe('number and integer with a unit', () => {
  it('return the number as written, with the same bounds and messages as without a unit', () => {
    const plain = integer({ min: 24, max: 8760 });
    const inHours = integer({ min: 24, max: 8760, unit: hours });
    expect(inHours.expected).toBe(plain.expected);
    expect(check(inHours, 168)).toEqual({ value: 168, issues: [] });
    for (const bad of [23, 24.5, '48', null]) expect(check(inHours, bad)).toEqual(check(plain, bad));
    expect(check(number({ above: 0, unit: seconds }), 0).issues[0]?.message).toBe(
      '0 is not allowed; expected a number greater than 0.',
    );
  });

  it('brand the inferred type, so a plain number or another unit is refused where the field is used', () => {
    const fields = object({
      retentionHours: optional(integer({ min: 24, max: 8760, unit: hours }), hours(24)),
      bufferSeconds: number({ min: 0, unit: seconds }),
      ratio: number({ min: 0 }),
    });
    type Fields = Infer<typeof fields>;
    expectTypeOf<Fields['retentionHours']>().toEqualTypeOf<Hours>();
    expectTypeOf<Fields['bufferSeconds']>().toEqualTypeOf<Seconds>();
    expectTypeOf<Fields['ratio']>().toEqualTypeOf<number>();
    const read = check(fields, { bufferSeconds: 60, ratio: 2 }).value!;
    expect(read).toEqual({ retentionHours: 24, bufferSeconds: 60, ratio: 2 });
    // @ts-expect-error a plain number has no unit: say seconds(…)
    const typed: Fields = { retentionHours: hours(24), bufferSeconds: 60, ratio: 1 };
    // @ts-expect-error milliseconds are not seconds
    const mixed: Fields = { retentionHours: hours(24), bufferSeconds: millis(60_000), ratio: 1 };
    expect([typed.bufferSeconds, mixed.bufferSeconds]).toEqual([60, 60_000]);
    // @ts-expect-error a fallback must carry the field's unit too
    optional(integer({ min: 0, unit: millis }), 100);
    expectTypeOf(integer({ unit: millis })).toEqualTypeOf<Schema<Millis>>();
  });
});

describe('number and integer', () => {
  it('accept values within bounds', () => {
    expect(check(number({ above: 0, max: 10 }), 10).value).toBe(10);
    expect(check(integer({ min: 0, max: 5 }), 0).value).toBe(0);
  });

  it('say what is allowed when a value is out of range', () => {
    expect(check(number({ above: 0, max: 1000 }), -5).issues).toEqual([
      { path: '$', message: '-5 is not allowed; expected a number greater than 0 and at most 1,000.' },
    ]);
    expect(check(integer({ min: 1, max: 3600 }), 1.5).issues[0]?.message).toBe(
      '1.5 is not allowed; expected an integer from 1 to 3,600.',
    );
    expect(check(number({ min: 2 }), 1).issues[0]?.message).toContain('expected a number of at least 2');
  });

  it('name the wrong type', () => {
    expect(check(number(), '12').issues[0]?.message).toBe('"12" is a string; expected a number.');
    expect(check(number(), null).issues[0]?.message).toBe('null is null; expected a number.');
  });
});

describe('string, oneOf and boolean', () => {
  it('check length and characters', () => {
    const name = string({ minLength: 1, maxLength: 3, pattern: { regex: /^[a-z]+$/, description: 'a–z' } });
    expect(check(name, 'abc').value).toBe('abc');
    expect(check(name, 'abcd').issues[0]?.message).toBe(
      '"abcd" is not allowed; expected a string of 1 to 3 characters (a–z).',
    );
    expect(check(name, 'A').issues).toHaveLength(1);
  });

  it('list the allowed values and suggest the closest', () => {
    const process = oneOf(['poisson', 'constant']);
    expect(check(process, 'constant').value).toBe('constant');
    expect(check(process, 'poison').issues[0]?.message).toBe(
      '"poison" is not allowed; expected one of "poisson", "constant". Did you mean "poisson"?',
    );
  });

  it('accepts only true or false as a boolean', () => {
    expect(check(boolean(), false).value).toBe(false);
    expect(check(boolean(), 'yes').issues[0]?.message).toBe('"yes" is a string; expected true or false.');
  });
});

describe('array', () => {
  it('gives each bad item its index in the path', () => {
    const { value, issues } = check(array(integer({ min: 0 })), [1, -1, 'x']);
    expect(value).toBeUndefined();
    expect(issues.map((i) => i.path)).toEqual(['$[1]', '$[2]']);
  });

  it('checks the number of items', () => {
    expect(check(array(number(), { maxItems: 1 }), [1, 2]).issues[0]?.message).toBe(
      '2 items is not allowed; expected 0 to 1 items.',
    );
  });
});

describe('object', () => {
  const schema = object({
    seed: integer({ min: 0 }),
    rate: optional(number({ above: 0 }), 5),
    label: optional(string()),
  });

  it('fills defaults and leaves other optional fields undefined', () => {
    expect(check(schema, { seed: 1 }).value).toEqual({ seed: 1, rate: 5, label: undefined });
  });

  it('reports a missing field with what it expects', () => {
    expect(check(schema, {}).issues).toEqual([
      { path: '$.seed', message: 'missing; expected an integer of at least 0.' },
    ]);
  });

  it('refuses unknown fields and suggests the closest name', () => {
    const { issues } = check(schema, { seed: 1, raet: 2, 'odd key': 1 });
    expect(issues).toEqual([
      {
        path: '$.raet',
        message: 'unknown field; allowed fields are seed, rate, label. Did you mean "rate"?',
      },
      { path: '$["odd key"]', message: 'unknown field; allowed fields are seed, rate, label.' },
    ]);
  });

  it('reports every problem at once', () => {
    expect(check(schema, { seed: -1, rate: 0, extra: true }).issues.map((i) => i.path)).toEqual([
      '$.extra',
      '$.seed',
      '$.rate',
    ]);
  });

  it('refuses arrays and null where an object is expected', () => {
    expect(check(schema, []).issues[0]?.message).toMatch(
      /^\[\] is an array; expected an object with fields seed/,
    );
  });
});

describe('did you mean', () => {
  it('measures edits', () => {
    expect(editDistance('arival', 'arrivals')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('raet', 'rate')).toBe(1);
  });

  it('suggests only close names', () => {
    expect(didYouMean('durationSecond', ['seed', 'durationSeconds'])).toBe(
      ' Did you mean "durationSeconds"?',
    );
    expect(didYouMean('colour', ['seed', 'durationSeconds'])).toBe('');
  });
});
