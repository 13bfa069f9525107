import { describe, expect, it } from 'vitest';
import { fileNamePart, MAX_NAME_PART } from './file-name';

describe('fileNamePart', () => {
  it('joins a name’s words with hyphens and keeps letters of any script', () => {
    expect(fileNamePart('  Ada  Lovelace ')).toBe('Ada-Lovelace');
    expect(fileNamePart('José Müller-Łukasz')).toBe('José-Müller-Łukasz');
    expect(fileNamePart('山田 太郎')).toBe('山田-太郎');
  });

  it('never leaves a folder, a hidden name or a character Windows forbids', () => {
    expect(fileNamePart('../../etc/passwd')).toBe('etc-passwd');
    expect(fileNamePart('C:\\Users\\ada')).toBe('C-Users-ada');
    expect(fileNamePart('a<b>c:d"e|f?g*h')).toBe('a-b-c-d-e-f-g-h');
    expect(fileNamePart('.hidden')).toBe('hidden');
  });

  it('drops control, bidirectional-override and zero-width characters', () => {
    // U+202E would show "Ada‮txt.exe" reversed; U+200B, U+200D and U+2066 are invisible.
    expect(fileNamePart('Ada\u202Etxt.exe')).toBe('Ada-txt-exe');
    expect(fileNamePart('A\u200Bd\u200Da\u2066')).toBe('A-d-a');
    expect(fileNamePart('Ada\u0000\u0007\nLovelace\uFEFF')).toBe('Ada-Lovelace');
    expect(fileNamePart('\u202E\u200B')).toBe('');
  });

  it('cuts long names by characters, never inside an astral character', () => {
    const long = '𝒜'.repeat(60);
    const part = fileNamePart(long);
    expect([...part]).toHaveLength(MAX_NAME_PART);
    expect(/\p{Cs}/u.test(part)).toBe(false);
  });
});
