/** The check behind the stepped `NumberField.svelte`: is the typed text a whole number in range, and if not, why. */
import { formatCount } from '../../sim/core/index.ts';
import { learnerLocale, parseTypedNumber, type TypedNumber } from '../number-input';

/**
 * Reads what was typed into a whole-number field as people type numbers (`21,600`, `21 600`, the learner's
 * locale); anything that is not a whole number from `min` to `max` is refused with the sentence shown under
 * the field, saying what is wrong and what to type instead.
 */
export function readNumberField(
  typed: string,
  range: { readonly min: number; readonly max: number; readonly unit?: string },
  locale: string = learnerLocale(),
): TypedNumber {
  const fix = `Type a whole number from ${formatCount(range.min)} to ${formatCount(range.max)}${range.unit ? ` ${range.unit}` : ''}.`;
  const trimmed = typed.trim();
  const refuse = (problem: string): TypedNumber => ({ ok: false, problem, error: `${problem} ${fix}` });
  if (trimmed === '') return refuse('The field is empty.');
  const parsed = parseTypedNumber(trimmed, locale);
  if (!parsed.ok) return refuse(parsed.problem);
  if (!Number.isInteger(parsed.value)) return refuse(`“${trimmed}” is not a whole number.`);
  if (parsed.value < range.min || parsed.value > range.max)
    return refuse(`${formatCount(parsed.value)} is out of range.`);
  return parsed;
}
