import { describe, expect, it } from 'vitest';
import { counterLab } from './fixtures/counter-lab.ts';
import { checkLabText, parseLabText } from './text.ts';

describe('lab text', () => {
  it('splits the markdown into intro, steps and done', () => {
    const text = parseLabText(
      '<!-- intro -->\n# Hi\n\n<!-- step: reach-two -->\nAdd.\n<!-- done -->\nBye.\n',
    );
    expect(text).toEqual({
      ok: true,
      value: { intro: '# Hi', steps: { 'reach-two': 'Add.' }, done: 'Bye.' },
    });
  });

  it('names the line of an unknown marker', () => {
    const text = parseLabText('<!-- intro -->\nHi\n<!-- stepp: x -->\n');
    expect(text).toMatchObject({ ok: false, error: { path: 'line 3' } });
  });

  it('refuses text before the first marker', () => {
    expect(parseLabText('Hello\n<!-- intro -->\n')).toMatchObject({ ok: false, error: { path: 'line 1' } });
  });

  it('lists steps without instructions and sections without a step', () => {
    const parsed = parseLabText('<!-- intro -->\nHi\n<!-- step: reach-two -->\nA\n<!-- step: other -->\nB\n');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(checkLabText(counterLab, parsed.value)).toEqual([
      'the <!-- done --> section is missing or empty',
      'step "reach-five" has no <!-- step: reach-five --> section',
      'section <!-- step: other --> matches no step',
    ]);
  });
});
