/**
 * Command lines for a POSIX shell built from words, so that the shell splits the line back into exactly
 * those words: a learner can paste what the app shows, whatever names and keys it holds.
 */

/** Characters a word may hold unquoted: none of them is special to a POSIX shell anywhere in a word. */
const SAFE_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;

/**
 * A value as one shell word: unchanged when every character is safe, otherwise in single quotes (inside
 * which nothing is special), with each `'` written as `'\''`. The empty string becomes `''`.
 */
export function shellQuote(value: string): string {
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** One simple command (its program and arguments, unquoted) or an operator joining two commands. */
export type ShellPart = readonly string[] | '|' | '&&';

/** The tokens of the command line for `parts`: each word quoted as it needs, and the operators. */
export function shellTokens(parts: readonly ShellPart[]): string[] {
  return parts.flatMap((part) => (typeof part === 'string' ? [part] : part.map(shellQuote)));
}

/** The command line for `parts`: every word quoted as it needs, operators between the commands. */
export function shellLine(parts: readonly ShellPart[]): string {
  return shellTokens(parts).join(' ');
}

/** The simple commands of `parts` (without the operators), each as the argument vector it runs with. */
export function simpleCommands(parts: readonly ShellPart[]): (readonly string[])[] {
  return parts.filter((part): part is readonly string[] => typeof part !== 'string');
}
