/**
 * Pure helpers over a lab definition: apply actions, check a step, and compute the reference workspace
 * reached by replaying the scripted solutions. The flow machine, the validator and the tests share them.
 */
import { fail, ok, type Result, type SimError } from '../../sim/core/index.ts';
import type { AnyLabDefinition, LabAction, TaskResult } from './types.ts';

/** A task's result with the task's identity, as the checklist shows it. */
export interface TaskStatus extends TaskResult {
  readonly taskId: string;
  readonly title: string;
}

/** Applies actions in order; stops at the first rejected one and says which it was. */
export function applyActions(
  lab: AnyLabDefinition,
  workspace: unknown,
  actions: readonly LabAction[],
): Result<unknown> {
  let current = workspace;
  for (const [index, action] of actions.entries()) {
    const next = lab.reduce(current, action);
    if (!next.ok) {
      return fail({
        code: next.error.code,
        message: `Action ${index + 1} (${describeAction(action)}): ${next.error.message}`,
        path: `[${index}]`,
      });
    }
    current = next.value;
  }
  return ok(current);
}

/** Runs every task of a step against a workspace, deriving its facts here on this thread. */
export function checkStep(lab: AnyLabDefinition, stepIndex: number, workspace: unknown): TaskStatus[] {
  return checkTasks(lab, stepIndex, workspace, lab.derive(workspace));
}

/** Runs every task of a step against a workspace and the facts already derived from it. */
export function checkTasks(
  lab: AnyLabDefinition,
  stepIndex: number,
  workspace: unknown,
  derived: unknown,
): TaskStatus[] {
  const step = lab.steps[stepIndex];
  if (!step) return [];
  const context = { derived };
  return step.tasks.map((task) => {
    const result = task.check(workspace, context);
    return { taskId: task.id, title: task.title, passed: result.passed, feedback: result.feedback };
  });
}

/**
 * The workspace a learner reaches by replaying the scripted solutions of steps `0 … upTo - 1` from the
 * start: the reference starting point of step `upTo`. `solutions` gives them when they were computed
 * elsewhere (see `SolutionSource`); by default each step's own is read here.
 */
export function referenceWorkspace(
  lab: AnyLabDefinition,
  upTo: number,
  solutions?: readonly (readonly LabAction[])[],
): Result<unknown> {
  let workspace: unknown = lab.initialWorkspace;
  for (const [index, step] of lab.steps.slice(0, upTo).entries()) {
    const next = applyActions(lab, workspace, solutions?.[index] ?? step.solution);
    if (!next.ok) return next;
    workspace = next.value;
  }
  return ok(workspace);
}

/** A one-line description of an action for messages: its type and its fields. */
export function describeAction(action: LabAction): string {
  const fields = Object.entries(action)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return fields.length > 0 ? `${action.type} ${fields.join(' ')}` : action.type;
}

/** An error value for a rejected learner action. */
export function invalidAction(message: string, path?: string): Result<never> {
  const error: SimError =
    path === undefined ? { code: 'InvalidAction', message } : { code: 'InvalidAction', message, path };
  return fail(error);
}
