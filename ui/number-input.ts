import { parseTypedNumber as parseInLocale, type TypedNumber } from '../sim/core/index.ts';

export type { TypedNumber };

/** The learner's locale as the browser reports it; en-US where there is none (tests). */
export function learnerLocale(): string {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  return nav?.languages?.[0] ?? nav?.language ?? 'en-US';
}

/** Reads a number as the learner typed it, in the learner's locale unless told another (see `sim/core/typed-number`). */
export function parseTypedNumber(text: string, locale: string = learnerLocale()): TypedNumber {
  return parseInLocale(text, locale);
}
