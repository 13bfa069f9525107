/**
 * The flow machine's context and the pure functions that change it. Kept apart from the machine so the
 * progress format, the controller and the tests can build and read contexts without xstate.
 */
import type { SimError } from '../../sim/core/errors.ts';
import { applyActions, checkStep, referenceWorkspace, stepPasses, type TaskStatus } from './run.ts';
import type { AnyLabDefinition, LabAction } from './types.ts';

/** Where the learner is in a lab. */
export type LabPhase = 'intro' | 'working' | 'passed' | 'completed';

/** Everything the flow remembers, as plain data. */
export interface LabFlowContext {
  readonly stepIndex: number;
  /** The workspace as it was when the current step began. */
  readonly stepStartWorkspace: unknown;
  /** The workspace now. */
  readonly workspace: unknown;
  /** The learner's accepted actions, per step (the current step's list grows as they work). */
  readonly actionsByStep: readonly (readonly LabAction[])[];
  /** Hints revealed, per step. */
  readonly hintsUsed: readonly number[];
  /** Steps whose solution was shown. */
  readonly assisted: readonly boolean[];
  /** The current step's checklist. */
  readonly tasks: readonly TaskStatus[];
  /** Why the last action was rejected, until the next accepted one. */
  readonly lastError: SimError | null;
  /** Times in the clock's milliseconds (virtual time in the simulator, or whatever clock the host gives). */
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  readonly stepStartedAt: readonly (number | null)[];
  readonly stepCompletedAt: readonly (number | null)[];
  /** When the flow last entered the solved state; the automatic advance counts from here. */
  readonly passedAt: number | null;
}

/** The context of a lab not started yet. */
export function initialContext(lab: AnyLabDefinition): LabFlowContext {
  const count = lab.steps.length;
  return {
    stepIndex: 0,
    stepStartWorkspace: lab.initialWorkspace,
    workspace: lab.initialWorkspace,
    actionsByStep: Array.from({ length: count }, () => []),
    hintsUsed: Array.from({ length: count }, () => 0),
    assisted: Array.from({ length: count }, () => false),
    tasks: checkStep(lab, 0, lab.initialWorkspace),
    lastError: null,
    startedAt: null,
    completedAt: null,
    stepStartedAt: Array.from({ length: count }, () => null),
    stepCompletedAt: Array.from({ length: count }, () => null),
    passedAt: null,
  };
}

const replace = <T>(list: readonly T[], index: number, value: T): T[] =>
  list.map((item, i) => (i === index ? value : item));

/** Starts the lab at `at`. */
export function start(lab: AnyLabDefinition, context: LabFlowContext, at: number): LabFlowContext {
  return {
    ...context,
    startedAt: context.startedAt ?? at,
    stepStartedAt: replace(
      context.stepStartedAt,
      context.stepIndex,
      context.stepStartedAt[context.stepIndex] ?? at,
    ),
    tasks: checkStep(lab, context.stepIndex, context.workspace),
  };
}

/** Applies a learner action; a rejected one leaves the workspace as it was and records why. */
export function act(lab: AnyLabDefinition, context: LabFlowContext, action: LabAction): LabFlowContext {
  const next = lab.reduce(context.workspace, action);
  if (!next.ok) return { ...context, lastError: next.error };
  const stepActions = [...(context.actionsByStep[context.stepIndex] ?? []), action];
  return {
    ...context,
    workspace: next.value,
    actionsByStep: replace(context.actionsByStep, context.stepIndex, stepActions),
    tasks: checkStep(lab, context.stepIndex, next.value),
    lastError: null,
  };
}

/** Takes back the current step's last action by replaying the others from the step's start. */
export function undo(lab: AnyLabDefinition, context: LabFlowContext): LabFlowContext {
  const stepActions = (context.actionsByStep[context.stepIndex] ?? []).slice(0, -1);
  const replayed = applyActions(lab, context.stepStartWorkspace, stepActions);
  if (!replayed.ok) return { ...context, lastError: replayed.error };
  return {
    ...context,
    workspace: replayed.value,
    actionsByStep: replace(context.actionsByStep, context.stepIndex, stepActions),
    tasks: checkStep(lab, context.stepIndex, replayed.value),
    lastError: null,
  };
}

/** True when the current step has a hint the learner has not seen yet. */
export function hasMoreHints(lab: AnyLabDefinition, context: LabFlowContext): boolean {
  const step = lab.steps[context.stepIndex];
  return step !== undefined && (context.hintsUsed[context.stepIndex] ?? 0) < step.hints.length;
}

/** Reveals the next hint of the current step. */
export function revealHint(context: LabFlowContext): LabFlowContext {
  const used = context.hintsUsed[context.stepIndex] ?? 0;
  return { ...context, hintsUsed: replace(context.hintsUsed, context.stepIndex, used + 1) };
}

/**
 * Applies the step's scripted solution and marks the step assisted. The learner's work is kept where
 * possible: first the solution is applied on top of the current workspace; if that does not pass, from
 * the step's start; only if the learner's earlier steps differ so much that neither passes is the whole
 * lab replayed from the reference solutions up to this step.
 */
export function showSolution(lab: AnyLabDefinition, context: LabFlowContext): LabFlowContext {
  const index = context.stepIndex;
  const solution = lab.steps[index]?.solution ?? [];
  const current = context.actionsByStep[index] ?? [];
  const assisted = replace(context.assisted, index, true);
  const candidates: { start: unknown; actions: readonly LabAction[] }[] = [
    { start: context.stepStartWorkspace, actions: [...current, ...solution] },
    { start: context.stepStartWorkspace, actions: solution },
  ];
  for (const candidate of candidates) {
    const result = applyActions(lab, candidate.start, candidate.actions);
    if (result.ok && stepPasses(lab, index, result.value)) {
      return {
        ...context,
        workspace: result.value,
        actionsByStep: replace(context.actionsByStep, index, candidate.actions),
        assisted,
        tasks: checkStep(lab, index, result.value),
        lastError: null,
      };
    }
  }
  const reference = referenceWorkspace(lab, index);
  if (!reference.ok) return { ...context, lastError: reference.error };
  const solved = applyActions(lab, reference.value, solution);
  if (!solved.ok) return { ...context, lastError: solved.error };
  return {
    ...context,
    stepStartWorkspace: reference.value,
    workspace: solved.value,
    actionsByStep: context.actionsByStep.map((actions, i) =>
      i < index ? (lab.steps[i]?.solution ?? []) : i === index ? solution : actions,
    ),
    assisted,
    tasks: checkStep(lab, index, solved.value),
    lastError: null,
  };
}

/** True when every task of the current step passes. */
export const allTasksPassed = (context: LabFlowContext): boolean =>
  context.tasks.length > 0 && context.tasks.every((task) => task.passed);

/** Records the moment the current step was solved (the first time only, for the summary) and now. */
export function markStepPassed(context: LabFlowContext, at: number): LabFlowContext {
  const index = context.stepIndex;
  return {
    ...context,
    stepCompletedAt: replace(context.stepCompletedAt, index, context.stepCompletedAt[index] ?? at),
    passedAt: at,
  };
}

/** Moves to the next step, which starts from the current workspace. */
export function enterNextStep(lab: AnyLabDefinition, context: LabFlowContext, at: number): LabFlowContext {
  const index = context.stepIndex + 1;
  return {
    ...context,
    stepIndex: index,
    stepStartWorkspace: context.workspace,
    stepStartedAt: replace(context.stepStartedAt, index, context.stepStartedAt[index] ?? at),
    tasks: checkStep(lab, index, context.workspace),
    lastError: null,
  };
}

/** Marks the whole lab complete. */
export function finish(context: LabFlowContext, at: number): LabFlowContext {
  return { ...context, completedAt: context.completedAt ?? at };
}
