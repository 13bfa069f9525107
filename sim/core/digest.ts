import { md5HexOfText } from './md5.ts';

/**
 * A short fingerprint of plain data: the MD5 of its JSON text, as `md5:<32 hex digits>`. Two runs that end
 * in the same state have the same digest, so a changed digest is the quickest sign that a run diverged.
 */
export function digestOf(value: unknown): string {
  return `md5:${md5HexOfText(JSON.stringify(value))}`;
}
