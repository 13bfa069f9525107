import { describeValue, didYouMean, type Schema } from '../scenario/index.ts';

/**
 * A JSON object whose `tag` field picks which of several object schemas checks the rest, such as
 * `{ "strategy": "zipf", "keys": 100, "exponent": 1 }`: a missing or unknown tag is reported with the
 * allowed values, then the chosen variant reports its own missing and unknown fields.
 */
export function variant<T>(tag: string, variants: Readonly<Record<string, Schema<T>>>): Schema<T> {
  const names = Object.keys(variants);
  const listed = names.map((n) => `"${n}"`).join(', ');
  const expected = `an object whose "${tag}" is one of ${listed}`;
  return {
    expected,
    optional: false,
    check(value, path, issues) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        issues.push({ path, message: `${describeValue(value)} is not allowed; expected ${expected}.` });
        return undefined;
      }
      const chosen = (value as Record<string, unknown>)[tag];
      if (typeof chosen !== 'string' || !Object.hasOwn(variants, chosen)) {
        const hint = typeof chosen === 'string' ? didYouMean(chosen, names) : '';
        issues.push({
          path: `${path}.${tag}`,
          message: `${describeValue(chosen)} is not allowed; expected one of ${listed}.${hint}`,
        });
        return undefined;
      }
      return variants[chosen]!.check(value, path, issues);
    },
  };
}

/** A schema that accepts either a plain number (checked by `plain`) or an object (checked by `detailed`). */
export function numberOr<N extends number, T>(plain: Schema<N>, detailed: Schema<T>): Schema<N | T> {
  const expected = `${plain.expected}, or ${detailed.expected}`;
  return {
    expected,
    optional: false,
    check(value, path, issues) {
      if (typeof value === 'number') return plain.check(value, path, issues);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return detailed.check(value, path, issues);
      }
      issues.push({ path, message: `${describeValue(value)} is not allowed; expected ${expected}.` });
      return undefined;
    },
  };
}

/** A literal string field (the tag of a variant). */
export function literal<const V extends string>(value: V): Schema<V> {
  return {
    expected: `"${value}"`,
    optional: false,
    check(found, path, issues) {
      if (found === value) return value;
      issues.push({ path, message: `${describeValue(found)} is not allowed; expected "${value}".` });
      return undefined;
    },
  };
}
