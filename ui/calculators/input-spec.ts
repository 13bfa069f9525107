import { formatNumber } from '../../sim/core/index.ts';
import { learnerLocale, parseTypedNumber } from '../number-input';

/** Shows a field only while another (choice) field has a given value, such as a spot price for spot. */
export interface ShowWhen {
  readonly key: string;
  readonly equals: string;
}

/** A numeric calculator input: its label, unit, default and the range the calculator accepts. */
export interface NumberInputSpec {
  readonly kind: 'number';
  readonly showWhen?: ShowWhen;
  readonly key: string;
  readonly label: string;
  /** Shown after the field, such as `records/s` or `bytes`. */
  readonly unit?: string;
  /** The starting value; undefined only for optional fields, which then start empty. */
  readonly defaultValue: number | undefined;
  readonly min: number;
  readonly max: number;
  /** True when only whole numbers make sense (counts of consumers, nodes, hours…). */
  readonly integer?: boolean;
  /** True when the field may be left empty; empty reads as `undefined` and the calculator's default applies. */
  readonly optional?: boolean;
  readonly hint?: string;
}

/** A calculator input with a closed set of choices. */
export interface ChoiceInputSpec {
  readonly kind: 'choice';
  readonly showWhen?: ShowWhen;
  readonly key: string;
  readonly label: string;
  readonly defaultValue: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly hint?: string;
}

/** Any calculator input. */
export type InputSpec = NumberInputSpec | ChoiceInputSpec;

/** The outcome of reading one field: its value, or a sentence saying what is wrong and what is allowed. */
export type FieldReading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** The allowed range of a number input, in words: `a whole number from 1 to 100,000`. */
export function describeRange(spec: NumberInputSpec): string {
  const kind = spec.integer ? 'a whole number' : 'a number';
  const unit = spec.unit ? ` ${spec.unit}` : '';
  return `${kind} from ${formatNumber(spec.min, { maxDecimals: 6 })} to ${formatNumber(spec.max, { maxDecimals: 6 })}${unit}`;
}

/**
 * Reads what the learner typed into a number field, as people type numbers (see `parseTypedNumber`:
 * `3,000`, `3 000`, the learner's locale); anything else or outside the allowed range is refused with the
 * range.
 */
export function readNumber(
  spec: NumberInputSpec,
  raw: string,
  locale: string = learnerLocale(),
): FieldReading<number | undefined> {
  const text = raw.trim();
  if (text === '' && spec.optional) return { ok: true, value: undefined };
  if (text === '') return { ok: false, error: `${spec.label} is empty: enter ${describeRange(spec)}.` };
  const parsed = parseTypedNumber(text, locale);
  if (!parsed.ok) {
    return { ok: false, error: `${parsed.problem.replace(/\.$/, '')}: enter ${describeRange(spec)}.` };
  }
  const value = parsed.value;
  if (spec.integer && !Number.isInteger(value)) {
    return {
      ok: false,
      error: `${formatNumber(value, { maxDecimals: 6 })} is not whole: enter ${describeRange(spec)}.`,
    };
  }
  if (value < spec.min || value > spec.max) {
    return {
      ok: false,
      error: `${formatNumber(value, { maxDecimals: 6 })} is out of range: enter ${describeRange(spec)}.`,
    };
  }
  return { ok: true, value };
}

/** Reads a choice; an unknown value (say, from an edited link) is refused with the allowed choices. */
export function readChoice(spec: ChoiceInputSpec, raw: string): FieldReading<string> {
  if (spec.options.some((option) => option.value === raw)) return { ok: true, value: raw };
  const allowed = spec.options.map((option) => option.value).join(', ');
  return { ok: false, error: `“${raw}” is not one of the choices: pick ${allowed}.` };
}

/** True when a field is shown (and read) given the other fields' raw text. */
export function isShown(spec: InputSpec, raw: Readonly<Record<string, string>>): boolean {
  return spec.showWhen === undefined || raw[spec.showWhen.key] === spec.showWhen.equals;
}

/** The text a field starts with: the default, written the way the learner would type it (empty if optional). */
export function defaultText(spec: InputSpec): string {
  if (spec.kind === 'choice') return spec.defaultValue;
  return spec.defaultValue === undefined ? '' : String(spec.defaultValue);
}
