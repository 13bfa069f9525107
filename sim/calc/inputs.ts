import { describeKindAndValue } from '../core/index.ts';
import { formatNumber } from '../core/index.ts';
import type { CalcError } from './types.ts';

/** Bounds for one numeric input. */
export interface NumberRule {
  /** The learner's name for the field, such as "Average records per second". */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
}

/** The allowed values of a rule, in words: "an integer from 1 to 1,048,576". */
export function describeAllowed(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  return `${kind} from ${formatNumber(rule.min, { maxDecimals: 6 })} to ${formatNumber(rule.max, { maxDecimals: 6 })}`;
}

/**
 * Checks calculator inputs and collects every problem (not just the first), each naming the field by its
 * label, the bad value and what is allowed. The field's key is the error's `path`, never part of the
 * sentence: the app shows the sentence beside the field, and the CLI names its flag from the path.
 */
export class InputChecker {
  readonly errors: CalcError[] = [];

  /** Returns `value` if it satisfies `rule`; otherwise records an error and returns `rule.min`. */
  number(path: string, value: unknown, rule: NumberRule): number {
    const allowed = describeAllowed(rule);
    const fine =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= rule.min &&
      value <= rule.max &&
      (!rule.integer || Number.isInteger(value));
    if (fine) return value;
    this.errors.push({
      code: 'InvalidInput',
      path,
      allowed,
      message: `${rule.label} must be ${allowed}; got ${describeKindAndValue(value)}.`,
    });
    return rule.min;
  }

  /** Like `number`, but `undefined` means "use the default". */
  optionalNumber(path: string, value: unknown, rule: NumberRule, fallback: number): number {
    return value === undefined ? fallback : this.number(path, value, rule);
  }

  /** Returns `value` if it is one of `choices`; otherwise records an error and returns the first choice. */
  choice<T extends string>(path: string, value: unknown, label: string, choices: readonly T[]): T {
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
    const allowed = `one of ${choices.join(', ')}`;
    this.errors.push({
      code: 'InvalidInput',
      path,
      allowed,
      message: `${label} must be ${allowed}; got ${describeKindAndValue(value)}.`,
    });
    return choices[0] as T;
  }

  /** Returns a boolean input, `fallback` when undefined. */
  flag(path: string, value: unknown, label: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.errors.push({
      code: 'InvalidInput',
      path,
      allowed: 'true or false',
      message: `${label} must be true or false; got ${describeKindAndValue(value)}.`,
    });
    return fallback;
  }

  /** Records a problem that involves several fields, such as "peak below average". */
  problem(path: string, message: string, allowed: string): void {
    this.errors.push({ code: 'InvalidInput', path, allowed, message });
  }
}
