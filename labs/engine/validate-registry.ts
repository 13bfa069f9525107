/**
 * Checks the registry as a whole against the agenda: unique ids, every lab planned by the agenda in the
 * session it gives, folders named `NN-<id>` with unique prefixes, and each lab's own validation.
 */
import type { AgendaItem } from '../agenda.ts';
import type { AnyLabDefinition } from './types.ts';
import { validateLab, type LabProblem } from './validate.ts';

/** A problem with a registered lab, located by its folder (two entries may share an id). */
export interface RegistryProblem extends LabProblem {
  readonly folder: string;
}

/** A lab as registered: its folder and its definition. */
export interface RegistryEntry {
  readonly folder: string;
  readonly lab: AnyLabDefinition;
}

/**
 * Every problem in the registry. `markdownOf` returns a lab's markdown, or an Error when it cannot be
 * read (the caller does the reading, so this stays free of file-system code).
 */
export function validateRegistry(
  entries: readonly RegistryEntry[],
  agenda: readonly AgendaItem[],
  markdownOf: (lab: AnyLabDefinition) => string | Error,
): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  const planned = new Map<string, number>();
  for (const item of agenda)
    if (item.kind === 'session') for (const lab of item.labs) planned.set(lab.id, item.session);
  const seenIds = new Set<string>();
  const seenPrefixes = new Map<string, string>();
  for (const { folder, lab } of entries) {
    const problem = (message: string) => problems.push({ folder, labId: lab.id, message });
    const located = (found: LabProblem[]) => found.map((p) => ({ folder, ...p }));
    if (seenIds.has(lab.id)) problem(`the id "${lab.id}" is registered twice`);
    seenIds.add(lab.id);
    const session = planned.get(lab.id);
    if (session === undefined) {
      problem(`the id "${lab.id}" is not in labs/agenda.ts; add it to its session there or fix the id`);
    } else if (session !== lab.session) {
      problem(
        `the agenda puts "${lab.id}" in session ${session}, but the definition says session ${lab.session}`,
      );
    }
    const match = /^(\d{2})-(.+)$/.exec(folder);
    if (!match) {
      problem(`the folder "${folder}" must be named NN-${lab.id} (two digits, a hyphen, the id)`);
    } else {
      if (match[2] !== lab.id)
        problem(`the folder "${folder}" must end with the lab's id: ${match[1]}-${lab.id}`);
      const other = seenPrefixes.get(match[1]!);
      if (other) problem(`the folders "${other}" and "${folder}" share the prefix ${match[1]}`);
      seenPrefixes.set(match[1]!, folder);
    }
    const markdown = markdownOf(lab);
    if (markdown instanceof Error) {
      problem(`its markdown cannot be read: ${markdown.message}`);
      problems.push(...located(validateLab(lab)));
    } else {
      problems.push(...located(validateLab(lab, markdown)));
    }
  }
  return problems;
}
