/**
 * Checks a lab definition the way an instructor needs before a class: the structure is complete, every
 * step starts unsolved, every scripted solution solves its step, and the flow reaches "completed".
 * `bdlab lab validate` and the tests run it over the whole registry.
 */
import { SimulatedClock } from 'xstate';
import { createLabController } from './controller.ts';
import { applyActions, checkStep, describeAction, referenceWorkspace } from './run.ts';
import { checkLabText, parseLabText } from './text.ts';
import type { AnyLabDefinition } from './types.ts';

/** One thing wrong with a lab, in words an author can act on. */
export interface LabProblem {
  readonly labId: string;
  readonly message: string;
}

const duplicates = (ids: readonly string[]): string[] => [
  ...new Set(ids.filter((id, index) => ids.indexOf(id) !== index)),
];

/** Structural problems: ids, objectives, steps with no tasks, hints or solution. */
function structureProblems(lab: AnyLabDefinition): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(lab.id))
    problems.push(`id "${lab.id}" must be lower-case words joined by hyphens`);
  if (lab.title.trim() === '') problems.push('the title is empty');
  if (lab.objectives.length === 0) problems.push('no learning objectives');
  if (!(lab.estimatedMinutes > 0)) problems.push('estimatedMinutes must be more than 0');
  if (lab.steps.length === 0) problems.push('no steps');
  for (const id of duplicates(lab.steps.map((step) => step.id)))
    problems.push(`step id "${id}" is used twice`);
  for (const step of lab.steps) {
    if (step.tasks.length === 0) problems.push(`step "${step.id}" has no tasks`);
    if (step.hints.length === 0) problems.push(`step "${step.id}" has no hints`);
    if (step.solution.length === 0) problems.push(`step "${step.id}" has no solution`);
    for (const id of duplicates(step.tasks.map((task) => task.id))) {
      problems.push(`step "${step.id}": task id "${id}" is used twice`);
    }
  }
  return problems;
}

/** Replays the scripted solutions: each step must start unsolved and be solved by its solution. */
function solutionProblems(lab: AnyLabDefinition): string[] {
  const problems: string[] = [];
  for (const [index, step] of lab.steps.entries()) {
    const start = referenceWorkspace(lab, index);
    if (!start.ok) return problems; // reported for the step whose solution failed
    const before = checkStep(lab, index, start.value);
    if (before.every((task) => task.passed)) {
      problems.push(`step "${step.id}" is already solved before the learner does anything`);
    }
    const after = applyActions(lab, start.value, step.solution);
    if (!after.ok) {
      problems.push(`step "${step.id}": the solution is refused at ${after.error.message}`);
      return problems;
    }
    const failing = checkStep(lab, index, after.value).filter((task) => !task.passed);
    for (const task of failing) {
      problems.push(
        `step "${step.id}": after the solution, task "${task.taskId}" still fails: ${task.feedback}`,
      );
    }
    // Later steps would start from a workspace this step never reaches; their problems would mislead.
    if (failing.length > 0) return problems;
  }
  return problems;
}

/** Plays the lab through the real flow (start, each solution, next) and expects "completed". */
function flowProblems(lab: AnyLabDefinition): string[] {
  const created = createLabController(lab, { clock: new SimulatedClock() });
  if (!created.ok) return [`the flow cannot start: ${created.error.message}`];
  const controller = created.value;
  controller.start();
  for (const step of lab.steps) {
    for (const action of step.solution) {
      controller.act(action);
      const error = controller.getSnapshot().lastError;
      if (error) return [`flow, step "${step.id}": ${describeAction(action)} was refused: ${error.message}`];
    }
    if (controller.getSnapshot().phase !== 'passed')
      return [`flow: step "${step.id}" did not pass after its solution`];
    controller.next();
  }
  const phase = controller.getSnapshot().phase;
  controller.stop();
  return phase === 'completed' ? [] : [`flow: the lab ends in "${phase}", not "completed"`];
}

/**
 * Every problem with one lab. Pass the lab's markdown to check its sections too (the caller reads the
 * file, so this stays free of file-system code).
 */
export function validateLab(lab: AnyLabDefinition, markdown?: string): LabProblem[] {
  const messages = structureProblems(lab);
  if (messages.length === 0) {
    messages.push(...solutionProblems(lab));
    if (messages.length === 0) messages.push(...flowProblems(lab));
  }
  if (markdown !== undefined) {
    const text = parseLabText(markdown);
    if (text.ok) messages.push(...checkLabText(lab, text.value).map((m) => `text: ${m}`));
    else messages.push(`text: ${text.error.message}`);
  }
  return messages.map((message) => ({ labId: lab.id, message }));
}
