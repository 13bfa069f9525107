/**
 * The one reader of numbers people type, for every numeric question and field in the app and every number
 * flag of the CLI. It accepts the app's own
 * format ("21,600", "2.5"), digit grouping with spaces, and the learner's locale ("21.600", "2,5" in
 * German), and refuses text it cannot read without guessing: "1,2,3" is not a number, and "21,600" is
 * refused as ambiguous for a learner whose decimal separator is the comma.
 */

/** The outcome of reading typed text: the number, or a sentence saying what is wrong and how to fix it. */
export type TypedNumber =
  | { readonly ok: true; readonly value: number }
  | {
      readonly ok: false;
      /** What is wrong with the text, in one sentence. */
      readonly problem: string;
      /** The problem and how to fix it, to show as it is. */
      readonly error: string;
    };

const refuse = (problem: string, fix: string): TypedNumber => ({
  ok: false,
  problem,
  error: `${problem} ${fix}`,
});

/** The app's own format (see `./format.ts`): comma groups, point decimals. */
const APP = { group: ',', decimal: '.' } as const;

/** The group and decimal separators of `locale`; spaces of any width are read as one plain space. */
function separatorsOf(locale: string): { group: string; decimal: string } {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  } catch {
    parts = new Intl.NumberFormat('en-US').formatToParts(12345.6);
  }
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  return { group: normalizeSpaces(part('group', ',')), decimal: part('decimal', '.') };
}

const normalizeSpaces = (text: string) => text.replace(/[\s\u00a0\u202f\u2009'’]/g, ' ');

/** A few examples in the learner's format, for messages: "21,600 or 2.5". */
function examples(locale: string): string {
  const { group, decimal } = separatorsOf(locale);
  return `${`21${group}600`.replace(' ', '\u00a0')} or 2${decimal}5`;
}

/**
 * The integer part with its group separators removed, or null when they are not one kind of separator
 * between a first group of 1–3 digits (not starting with 0) and groups of exactly 3.
 */
function ungroup(integer: string, allowed: (mark: string) => boolean): string | null {
  const marks = new Set(integer.replace(/\d/g, ''));
  if (marks.size === 0) return integer;
  if (marks.size > 1) return null;
  const mark = [...marks][0]!;
  if (!allowed(mark)) return null;
  const groups = integer.split(mark);
  const valid = /^[1-9]\d{0,2}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
  return valid ? groups.join('') : null;
}

/**
 * Reads a number as a learner typed it in `locale`. Accepts a leading sign (also the typographic minus),
 * digit grouping with the app's comma, the locale's separator or spaces, the app's or the locale's decimal
 * separator, and an exponent (`1e6`, `2.5E-3`). When the text reads as two different numbers (a comma
 * that groups thousands in the app and separates decimals in the locale) it is refused as ambiguous.
 */
export function parseTypedNumber(text: string, locale: string): TypedNumber {
  const shown = text.trim();
  const fix = `Type a number such as ${examples(locale)}.`;
  if (shown === '') return refuse('The answer is empty.', fix);
  const notANumber = refuse(`“${shown}” is not a number.`, fix);
  const normalized = normalizeSpaces(shown).replace(/[−–]/g, '-');
  const match = /^([+-]?) ?((?:\d|[.,]\d|(?<=\d) (?=\d))+)(?:[eE]([+-]?\d{1,3}))?$/.exec(normalized);
  if (!match) return notANumber;
  const sign = match[1]!;
  const body = match[2]!;
  const exponent = match[3];
  const local = separatorsOf(locale);
  const mixed = body.includes(',') && body.includes('.');
  const count = (mark: string) => body.split(mark).length - 1;

  const readings: { value: number; typed: string; kind: string }[] = [];
  const add = (integer: string, fraction: string, mark: string) => {
    const value = Number(
      `${sign}${integer || '0'}${fraction ? `.${fraction}` : ''}${exponent ? `e${exponent}` : ''}`,
    );
    // How to type this reading without the ambiguity: no grouping, and never exactly three decimals.
    const trimmed = fraction.replace(/0+$/, '');
    const decimals = trimmed.length === 3 ? `${trimmed}0` : trimmed;
    const typed = `${sign}${integer || '0'}${decimals ? `${mark}${decimals}` : ''}${exponent ? `e${exponent}` : ''}`;
    readings.push({ value: Object.is(value, -0) ? 0 : value, typed, kind: fraction ? 'decimal' : 'grouped' });
  };
  // Every separator groups digits.
  const grouped = ungroup(
    body,
    (mark) => mark === APP.group || mark === ' ' || mark === local.group || count(mark) > 1,
  );
  if (grouped !== null) add(grouped, '', '');
  // The last separator is the decimal one.
  const at = Math.max(body.lastIndexOf(','), body.lastIndexOf('.'));
  const decimal = at >= 0 ? body[at]! : undefined;
  if (
    decimal !== undefined &&
    count(decimal) === 1 &&
    (mixed || decimal === APP.decimal || decimal === local.decimal)
  ) {
    const integer = body.slice(0, at);
    const whole = integer === '' ? '' : ungroup(integer, (mark) => mark !== decimal);
    if (whole !== null) add(whole, body.slice(at + 1), decimal);
  }

  if (readings.length > 1 && readings[0]!.value !== readings[1]!.value) {
    const [thousands, decimals] = readings as [(typeof readings)[0], (typeof readings)[0]];
    return refuse(
      `“${shown}” is ambiguous: with a thousands separator it is ${thousands.typed}, with a decimal “${decimal}” it is ${decimals.value}.`,
      `Type ${thousands.typed} or ${decimals.typed}.`,
    );
  }
  if (readings.length === 0) {
    if (decimal === ',' && count(',') === 1)
      return refuse(`“${shown}” is not a number here: the comma separates groups of three digits.`, fix);
    return notANumber;
  }
  const { value } = readings[0]!;
  if (!Number.isFinite(value)) return refuse(`“${shown}” is too large.`, fix);
  return { ok: true, value };
}
