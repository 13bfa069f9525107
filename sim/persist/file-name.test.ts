import { describe, expect, it } from 'vitest';
import { checkFileName, withoutInvisibleCharacters } from './file-name.ts';

const errorOf = (name: unknown): string => {
  const result = checkFileName(name);
  return result.ok ? 'accepted' : result.error.message;
};

describe('checkFileName and characters that hide what a name is', () => {
  it.each([
    ['right-to-left override', 'progress-\u202Enosj.exe'],
    ['left-to-right override', 'progress\u202D.json'],
    ['right-to-left isolate', 'Ana\u2067 Lopez.json'],
    ['right-to-left mark', 'a\u200F.json'],
    ['Arabic letter mark', 'a\u061C.json'],
    ['zero-width space', 'bdlab\u200B-progress.json'],
    ['zero-width joiner', 'bdlab\u200D.json'],
    ['word joiner', 'bdlab\u2060.json'],
    ['byte-order mark', '\uFEFFbdlab.json'],
  ])('refuses a %s', (_what, name) => {
    expect(errorOf(name)).toContain('invisible character');
  });

  it('refuses C1 controls, which no file name shows', () => {
    expect(errorOf('a\u0085b.json')).toContain('cannot hold');
  });

  it('keeps names in any script, and the message shows the name without the hidden characters', () => {
    expect(errorOf('تقدم-سارة.json')).toBe('accepted');
    expect(errorOf('進捗-花子.json')).toBe('accepted');
    expect(errorOf('Zoë Ó Briain.json')).toBe('accepted');
    expect(errorOf('x\u202E'.padEnd(150, 'y'))).not.toContain('\u202E');
    expect(errorOf('x\u202E'.padEnd(150, 'y')).length).toBeLessThan(250);
  });

  it('strips the hidden characters from text a learner typed', () => {
    expect(withoutInvisibleCharacters('Ana\u202E\u200B Lopez')).toBe('Ana Lopez');
  });
});
