/**
 * A small declarative schema for scenario files: each schema checks a JSON value and, on a problem, says
 * where (a JSON path such as `$.arrivals[0].ratePerSecond`), what was found and what is allowed.
 */
import { childPath, describeValue, kindOf } from '../core/index.ts';

export { childPath, describeValue, kindOf };

/** One problem found in a document. */
export interface SchemaIssue {
  /** JSON path of the bad value, such as `$.arrivals[0].ratePerSecond`. */
  readonly path: string;
  /** What is wrong, naming the value found and what is allowed. */
  readonly message: string;
}

/** Checks a JSON value; returns the typed value, or `undefined` after adding issues. */
export interface Schema<T> {
  /** What is allowed, in words ("a number from 0 to 100"). */
  readonly expected: string;
  /** True when the field may be left out of its object. */
  readonly optional: boolean;
  /** Value used when an optional field is left out. */
  readonly fallback?: T;
  check(value: unknown, path: string, issues: SchemaIssue[]): T | undefined;
}

/** The type a schema produces. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

function wrongType(path: string, value: unknown, expected: string, issues: SchemaIssue[]): undefined {
  issues.push({ path, message: `${describeValue(value)} is ${kindOf(value)}; expected ${expected}.` });
  return undefined;
}

const formatBound = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

/** Bounds of a number field. */
export interface NumberOptions {
  /** Smallest allowed value (included). */
  readonly min?: number;
  /** Values must be strictly greater than this. */
  readonly above?: number;
  /** Largest allowed value (included). */
  readonly max?: number;
  readonly integer?: boolean;
}

/**
 * The unit a number field is in, as its constructor from sim/core/units.ts (`seconds`, `bytes`, …): the
 * field's type is then branded with that unit. The value is the number as written; only its type changes.
 */
export interface UnitOption<U extends number> {
  readonly unit: (n: number) => U;
}

function describeRange(min?: number, above?: number, max?: number): string {
  if (above === undefined && min !== undefined && max !== undefined) {
    return `from ${formatBound(min)} to ${formatBound(max)}`;
  }
  const lower =
    above !== undefined
      ? `greater than ${formatBound(above)}`
      : min !== undefined
        ? `of at least ${formatBound(min)}`
        : '';
  const upper = max !== undefined ? `at most ${formatBound(max)}` : '';
  return lower && upper ? `${lower} and ${upper}` : lower || (upper && `of ${upper}`);
}

/** A number without a unit (a ratio, a seed, an hour of the day). */
const plain = (n: number): number => n;

/** A finite number within bounds; with a `unit`, the number carries that unit's brand. */
export function number(options?: NumberOptions): Schema<number>;
export function number<U extends number>(options: NumberOptions & UnitOption<U>): Schema<U>;
export function number(options: NumberOptions & Partial<UnitOption<number>> = {}): Schema<number> {
  const { min, above, max, integer = false, unit = plain } = options;
  const range = describeRange(min, above, max);
  const expected = `${integer ? 'an integer' : 'a number'}${range ? ` ${range}` : ''}`;
  return {
    expected,
    optional: false,
    check(value, path, issues) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return wrongType(path, value, expected, issues);
      const fits =
        (!integer || Number.isInteger(value)) &&
        (min === undefined || value >= min) &&
        (above === undefined || value > above) &&
        (max === undefined || value <= max);
      if (!fits) {
        issues.push({ path, message: `${describeValue(value)} is not allowed; expected ${expected}.` });
        return undefined;
      }
      return unit(value);
    },
  };
}

/** A whole number within bounds; with a `unit`, the number carries that unit's brand. */
export function integer(options?: Omit<NumberOptions, 'integer'>): Schema<number>;
export function integer<U extends number>(options: Omit<NumberOptions, 'integer'> & UnitOption<U>): Schema<U>;
export function integer(
  options: Omit<NumberOptions, 'integer'> & Partial<UnitOption<number>> = {},
): Schema<number> {
  return number({ unit: plain, ...options, integer: true });
}

/** Length and character limits of a string field. */
export interface StringOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Characters allowed, as a regular expression the whole string must match, and its description. */
  readonly pattern?: { readonly regex: RegExp; readonly description: string };
}

/** A string within limits. */
export function string(options: StringOptions = {}): Schema<string> {
  const { minLength = 0, maxLength = Infinity, pattern } = options;
  const length =
    maxLength !== Infinity
      ? `${minLength} to ${maxLength} characters`
      : minLength > 0
        ? `at least ${minLength} characters`
        : null;
  const expected =
    length === null
      ? (pattern?.description ?? 'a string')
      : `a string of ${length}${pattern ? ` (${pattern.description})` : ''}`;
  return {
    expected,
    optional: false,
    check(value, path, issues) {
      if (typeof value !== 'string') return wrongType(path, value, expected, issues);
      if (value.length < minLength || value.length > maxLength || (pattern && !pattern.regex.test(value))) {
        issues.push({ path, message: `${describeValue(value)} is not allowed; expected ${expected}.` });
        return undefined;
      }
      return value;
    },
  };
}

/** One of a fixed list of strings. */
export function oneOf<const V extends string>(values: readonly V[]): Schema<V> {
  const expected = `one of ${values.map((v) => `"${v}"`).join(', ')}`;
  return {
    expected,
    optional: false,
    check(value, path, issues) {
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as V;
      const hint = typeof value === 'string' ? didYouMean(value, values) : '';
      issues.push({ path, message: `${describeValue(value)} is not allowed; expected ${expected}.${hint}` });
      return undefined;
    },
  };
}

/** true or false. */
export function boolean(): Schema<boolean> {
  return {
    expected: 'true or false',
    optional: false,
    check: (value, path, issues) =>
      typeof value === 'boolean' ? value : wrongType(path, value, 'true or false', issues),
  };
}

/** Limits on an array's length. */
export interface ArrayOptions {
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** An array whose every item matches `item`. */
export function array<T>(item: Schema<T>, options: ArrayOptions = {}): Schema<T[]> {
  const { minItems = 0, maxItems = Infinity } = options;
  const count = maxItems === Infinity ? `at least ${minItems}` : `${minItems} to ${maxItems}`;
  const expected = `an array of ${count} items, each ${item.expected}`;
  return {
    expected,
    optional: false,
    check(value, path, issues) {
      if (!Array.isArray(value)) return wrongType(path, value, expected, issues);
      if (value.length < minItems || value.length > maxItems) {
        issues.push({ path, message: `${value.length} items is not allowed; expected ${count} items.` });
        return undefined;
      }
      const before = issues.length;
      const out = value.map((element, index) => item.check(element, `${path}[${index}]`, issues));
      return issues.length === before ? (out as T[]) : undefined;
    },
  };
}

/** Makes a field optional; left out, it takes `fallback` (or stays undefined without one). */
export function optional<T>(schema: Schema<T>): Schema<T | undefined>;
export function optional<T>(schema: Schema<T>, fallback: T): Schema<T>;
export function optional<T>(schema: Schema<T>, fallback?: T): Schema<T | undefined> {
  const expected =
    fallback === undefined ? schema.expected : `${schema.expected} (default ${describeValue(fallback)})`;
  return { ...schema, expected, optional: true, fallback, check: (v, p, i) => schema.check(v, p, i) };
}

/** The fields of an object schema. */
export type Fields = Readonly<Record<string, Schema<unknown>>>;

/** The object an object schema produces. */
export type ObjectOf<F extends Fields> = { -readonly [K in keyof F]: Infer<F[K]> };

/** A JSON object with exactly these fields: unknown ones are refused with a "did you mean". */
export function object<F extends Fields>(fields: F): Schema<ObjectOf<F>> {
  const names = Object.keys(fields);
  const expected = `an object with fields ${names.join(', ')}`;
  return {
    expected,
    optional: false,
    check(value, path, issues) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return wrongType(path, value, expected, issues);
      }
      const before = issues.length;
      const input = value as Record<string, unknown>;
      for (const key of Object.keys(input)) {
        if (!Object.hasOwn(fields, key)) {
          issues.push({
            path: childPath(path, key),
            message: `unknown field; allowed fields are ${names.join(', ')}.${didYouMean(key, names)}`,
          });
        }
      }
      const out: Record<string, unknown> = {};
      for (const name of names) {
        const schema = fields[name]!;
        const fieldPath = childPath(path, name);
        if (!Object.hasOwn(input, name) || input[name] === undefined) {
          if (schema.optional) out[name] = schema.fallback;
          else issues.push({ path: fieldPath, message: `missing; expected ${schema.expected}.` });
          continue;
        }
        out[name] = schema.check(input[name], fieldPath, issues);
      }
      return issues.length === before ? (out as ObjectOf<F>) : undefined;
    },
  };
}

/**
 * Edit distance between two short strings, counting an insertion, deletion, substitution or swap of two
 * neighbouring characters as one edit (optimal string alignment), since swapped letters are a common typo.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Longest word `didYouMean` compares: every candidate is a short field or type name. */
const MAX_SUGGESTION_WORD = 64;

/** " Did you mean "x"?" for the closest candidate within a third of the word's length, else "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (word.length > MAX_SUGGESTION_WORD) return '';
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip candidates that cannot be within the limit.
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= limit ? ` Did you mean "${best}"?` : '';
}
