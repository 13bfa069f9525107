/**
 * A lab's words live in one markdown file beside its `lab.ts`, split into sections by HTML comments
 * (invisible when the file is previewed on its own):
 *
 *     <!-- intro -->        what the lab is about, shown before the learner starts
 *     <!-- step: <id> -->   the instructions of the step with that id
 *     <!-- done -->         shown when the lab is completed
 *
 * Authors keep headings, lists and emphasis free for the text itself.
 */
import { fail, ok, type Result } from '../../sim/core/index.ts';
import type { AnyLabDefinition } from './types.ts';

/** A lab's markdown, split by section. */
export interface LabText {
  readonly intro: string;
  /** Step id → markdown instructions. */
  readonly steps: Readonly<Record<string, string>>;
  readonly done: string;
}

const marker = /^<!--\s*(intro|done|step:\s*([a-z0-9-]+))\s*-->\s*$/;

/** Splits a lab's markdown into its sections; an unknown or repeated marker is an error with its line. */
export function parseLabText(markdown: string): Result<LabText> {
  const sections = new Map<string, string[]>();
  let currentKey: string | undefined;
  for (const [index, line] of markdown.split(/\r?\n/).entries()) {
    if (line.trimStart().startsWith('<!--')) {
      const match = marker.exec(line.trim());
      if (!match) {
        return fail({
          code: 'InvalidLabText',
          message: `Line ${index + 1}: "${line.trim()}" is not a section marker; use <!-- intro -->, <!-- step: id --> or <!-- done -->.`,
          path: `line ${index + 1}`,
        });
      }
      currentKey = match[2] !== undefined ? `step:${match[2]}` : match[1]!;
      if (sections.has(currentKey)) {
        return fail({
          code: 'InvalidLabText',
          message: `Line ${index + 1}: the section "${currentKey}" appears twice.`,
          path: `line ${index + 1}`,
        });
      }
      sections.set(currentKey, []);
      continue;
    }
    if (currentKey === undefined) {
      if (line.trim() === '') continue;
      return fail({
        code: 'InvalidLabText',
        message: `Line ${index + 1}: text before the first section marker; start the file with <!-- intro -->.`,
        path: `line ${index + 1}`,
      });
    }
    sections.get(currentKey)!.push(line);
  }
  const text = (key: string) => (sections.get(key) ?? []).join('\n').trim();
  const steps: Record<string, string> = {};
  for (const key of sections.keys()) if (key.startsWith('step:')) steps[key.slice(5)] = text(key);
  return ok({ intro: text('intro'), steps, done: text('done') });
}

/** Problems with a lab's text against its definition: missing sections, or sections for no step. */
export function checkLabText(lab: AnyLabDefinition, text: LabText): string[] {
  const problems: string[] = [];
  if (text.intro === '') problems.push('the <!-- intro --> section is missing or empty');
  if (text.done === '') problems.push('the <!-- done --> section is missing or empty');
  const stepIds = new Set(lab.steps.map((step) => step.id));
  for (const step of lab.steps) {
    if (!text.steps[step.id]) problems.push(`step "${step.id}" has no <!-- step: ${step.id} --> section`);
  }
  for (const id of Object.keys(text.steps)) {
    if (!stepIds.has(id)) problems.push(`section <!-- step: ${id} --> matches no step`);
  }
  return problems;
}
