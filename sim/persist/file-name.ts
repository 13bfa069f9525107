import { describeValue } from '../core/index.ts';
import { fail, ok, type Result, type SimError } from '../core/index.ts';

/**
 * The one check of a file name the app offers for a file it writes (exports: progress, price overrides,
 * tables), used by the desktop shell's IPC handler and the browser platform alike. A name can hold text the
 * learner typed (their name), so besides what Windows forbids it refuses characters that make a name read
 * differently from what it is: bidirectional overrides (`invoice\u202Egpj.exe` shows as `invoiceexe.jpg`),
 * zero-width characters, and control characters.
 */

/** Longest file name accepted. */
export const MAX_FILE_NAME_LENGTH = 200;

// Windows forbids these names and characters; refusing them everywhere keeps exports portable.
const reservedName = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const forbiddenCharacter = /[<>:"/\\|?*]/;
/** C0 and C1 controls and DEL. */
const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
};
const controlsShown = (text: string): string =>
  Array.from(text, (char) => (isControl(char.charCodeAt(0)) ? '?' : char)).join('');
/**
 * Characters that change how the rest of a name is shown without showing themselves: bidirectional marks,
 * embeddings, overrides and isolates; zero-width space, joiners, word joiner and the byte-order mark.
 */
const invisibleCharacter = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const invisibleCharacters = new RegExp(invisibleCharacter.source, 'g');

/** `text` without bidirectional controls and zero-width characters: for names built from what a learner typed. */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(invisibleCharacters, '');
}

/** Checks a file name: 1–200 characters, no folders, nothing Windows forbids, nothing invisible, not hidden. */
export function checkFileName(name: unknown, path = 'suggestedName'): Result<string, SimError> {
  const invalid = (message: string): Result<never, SimError> =>
    fail({ code: 'InvalidFileName', message, path });
  if (typeof name !== 'string') return invalid(`${path} must be a string.`);
  if (name.length === 0 || name.length > MAX_FILE_NAME_LENGTH) {
    return invalid(`${path} must be 1 to ${MAX_FILE_NAME_LENGTH} characters long.`);
  }
  const shown = describeValue(controlsShown(withoutInvisibleCharacters(name)));
  if (invisibleCharacter.test(name)) {
    return invalid(
      `${path} ${shown} contains an invisible character (a bidirectional control or a zero-width character) that would make the name read differently from what it is.`,
    );
  }
  if (forbiddenCharacter.test(name) || hasControlCharacter(name)) {
    return invalid(`${path} ${shown} contains a folder separator or a character file names cannot hold.`);
  }
  if (name.startsWith('.') || /[. ]$/.test(name) || reservedName.test(name)) {
    return invalid(
      `${path} ${shown} is not a usable file name (hidden, ending in a dot or space, or reserved).`,
    );
  }
  return ok(name);
}
