/** The check behind `NumberField.svelte`: is the typed text a whole number in range, and if not, why. */
import { formatCount } from '../../sim/core/format';

/**
 * Null when `typed` is a whole number from `min` to `max`; otherwise the sentence shown under the field,
 * saying what is wrong with what was typed and what to type instead.
 */
export function numberFieldProblem(
  typed: string,
  range: { readonly min: number; readonly max: number; readonly unit?: string },
): string | null {
  const trimmed = typed.trim();
  const parsed = Number(trimmed);
  if (trimmed !== '' && Number.isInteger(parsed) && parsed >= range.min && parsed <= range.max) return null;
  const fix = `Type a whole number from ${formatCount(range.min)} to ${formatCount(range.max)}${range.unit ? ` ${range.unit}` : ''}.`;
  if (trimmed === '') return `The field is empty. ${fix}`;
  if (!Number.isInteger(parsed)) return `“${trimmed}” is not a whole number. ${fix}`;
  return `${formatCount(parsed)} is out of range. ${fix}`;
}
