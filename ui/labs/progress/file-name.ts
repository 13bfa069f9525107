/**
 * A learner's name as part of a file name: the letters and digits of any script, joined by hyphens; never a
 * folder separator, a character Windows forbids, a control character, a bidirectional override or isolate,
 * or an invisible (zero-width) character — any of which could hide or reverse what the file is called.
 */

/** Longest name part kept in a file name, in characters. */
export const MAX_NAME_PART = 40;

// Cc: controls; Cf: format characters (bidi overrides and isolates, zero-width spaces and joiners, BOM);
// Cs/Co/Cn: surrogates, private use, unassigned; Z*: every space and line separator.
const unsafe = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}<>:"/\\|?*.,;'`~!@#$%^&()[\]{}=+]+/gu;

/** `Ada Lovelace` → `Ada-Lovelace`; empty when nothing usable is left. */
export function fileNamePart(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(unsafe, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  // Cut by code points so an astral character is never split into half a surrogate pair.
  return [...cleaned]
    .slice(0, MAX_NAME_PART)
    .join('')
    .replace(/[-_]+$/, '');
}
