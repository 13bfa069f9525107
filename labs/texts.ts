/**
 * Every lab's markdown, bundled into the app by Vite at build time, so the player needs no fetch (and no
 * Content-Security-Policy exception) to show instructions. Only code built by Vite may import this file
 * (the UI, and vitest); Node code such as the CLI reads `lab.text` from disk instead.
 */
import { parseLabText, type LabText } from './engine/text.ts';
import type { Result } from '../sim/core/index.ts';
import { registeredLabs } from './index.ts';

const markdownByPath = import.meta.glob<string>('./*/lab.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The raw markdown of a registered lab, or undefined for an unknown id. */
export function labMarkdown(labId: string): string | undefined {
  const entry = registeredLabs.find((candidate) => candidate.lab.id === labId);
  return entry ? markdownByPath[`./${entry.folder}/lab.md`] : undefined;
}

/** A registered lab's text split into intro, steps and closing; an error names the problem. */
export function labText(labId: string): Result<LabText> {
  const markdown = labMarkdown(labId);
  if (markdown === undefined) {
    return {
      ok: false,
      error: { code: 'UnknownLab', message: `No lab "${labId}" is registered.`, path: labId },
    };
  }
  return parseLabText(markdown);
}
