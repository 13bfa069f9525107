import { gzipSync } from 'fflate';
import type { SqlToken } from './tokens.ts';

/**
 * Hand-made tokens for this folder's tests: words, 'strings' ('' inside), "quoted" names, numbers and
 * one-character symbols — enough for COPY and UNLOAD statements, so the option model is tested on tokens
 * the way the SQL front end hands them over.
 */
export function tokensOf(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= sql.length) throw new Error(`unterminated ${c} at ${start}`);
        if (sql[i] === c) {
          if (sql[i + 1] === c) {
            value += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sql[i];
        i++;
      }
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', value, start });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i]!)) i++;
      tokens.push({ kind: 'word', value: sql.slice(start, i), start });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < sql.length && /[0-9.]/.test(sql[i]!)) i++;
      tokens.push({ kind: 'number', value: sql.slice(start, i), start });
      continue;
    }
    tokens.push({ kind: 'punctuation', value: c, start });
    i++;
  }
  return tokens;
}

const utf8 = new TextEncoder();

/** Gzip of a text, as the workshop's EMR step writes its output. */
export function gzipText(text: string): Uint8Array {
  return gzipSync(utf8.encode(text), { mtime: 0 });
}
