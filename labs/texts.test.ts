import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registeredLabs } from './index.ts';
import { labMarkdown, labText } from './texts.ts';

describe('bundled lab texts', () => {
  it('hold the same markdown as each lab file', () => {
    for (const { lab } of registeredLabs) {
      expect(labMarkdown(lab.id)).toBe(readFileSync(fileURLToPath(lab.text), 'utf8'));
    }
  });

  it('split into sections for the player', () => {
    const text = labText('data-bus');
    if (!text.ok) throw new Error(text.error.message);
    expect(Object.keys(text.value.steps)).toEqual(['place', 'collect', 'decouple', 'consume']);
    expect(text.value.intro).toMatch(/^# The data bus/);
  });

  it('name an unknown lab', () => {
    expect(labText('datasource-statistics')).toMatchObject({ ok: false, error: { code: 'UnknownLab' } });
  });
});
