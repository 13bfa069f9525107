/**
 * The flow machine's context and the pure functions that change it. Kept apart from the machine so the
 * progress format, the controller and the tests can build and read contexts without xstate.
 *
 * A learner's action changes the workspace at once; its checks wait for the lab's derived facts, which a
 * deriver computes elsewhere (a worker) and the controller hands back with `receiveFacts`. Facts belong to
 * the workspace object they were derived from: a result for any other workspace is stale and never applied.
 * Showing a solution works the same way: `solutionPlan` lists candidates without deriving, the deriver
 * computes their facts, and `applySolution` takes the first one `acceptsSolution`.
 */
import type { SimError } from '../../sim/core/index.ts';
import { applyActions, checkTasks, referenceWorkspace, type TaskStatus } from './run.ts';
import type { AnyLabDefinition, LabAction } from './types.ts';

/** Where the learner is in a lab. */
export type LabPhase = 'intro' | 'working' | 'passed' | 'completed';

/** A lab's derived facts and the workspace they were derived from (compared by identity, not by value). */
export interface DerivedFacts {
  readonly workspace: unknown;
  readonly value: unknown;
}

/** Why a workspace's facts could not be derived. */
export interface DeriveFailure {
  readonly workspace: unknown;
  readonly error: SimError;
}

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
  /**
   * The latest facts derived, or null before the first arrive. The checks read them only while they are
   * the current workspace's; older ones are kept for the explorable to show until the new ones arrive.
   */
  readonly facts: DerivedFacts | null;
  /** Why the current workspace's facts could not be derived, or null. */
  readonly deriveFailure: DeriveFailure | null;
  /** Why restoring saved progress could not finish (its checks' facts failed), or null; the file is kept. */
  readonly restoreFailure: SimError | null;
}

/** True when the facts in the context were derived from the current workspace. */
export const factsAreCurrent = (context: LabFlowContext): boolean =>
  context.facts !== null && context.facts.workspace === context.workspace;

/** True while the current workspace's facts are awaited (not yet arrived, and not failed). */
export const isDeriving = (context: LabFlowContext): boolean =>
  !factsAreCurrent(context) && context.deriveFailure?.workspace !== context.workspace;

/** What a task says while its step's facts are being computed. */
export const CHECKING_FEEDBACK = 'Checking…';

/** A step's checklist before its facts arrive: every task open. */
export function pendingTasks(lab: AnyLabDefinition, stepIndex: number): TaskStatus[] {
  return (lab.steps[stepIndex]?.tasks ?? []).map((task) => ({
    taskId: task.id,
    title: task.title,
    passed: false,
    feedback: CHECKING_FEEDBACK,
  }));
}

/**
 * Runs the current step's checks when the current workspace's facts are in. Until then the checklist stays
 * as it was, so it does not flicker while the learner works; a step just entered starts with its own tasks open.
 */
function recheck(lab: AnyLabDefinition, context: LabFlowContext, newStep = false): LabFlowContext {
  if (factsAreCurrent(context)) {
    return {
      ...context,
      tasks: checkTasks(lab, context.stepIndex, context.workspace, context.facts!.value),
    };
  }
  return newStep ? { ...context, tasks: pendingTasks(lab, context.stepIndex) } : context;
}

/** Takes a deriver's facts for `workspace`; facts for a workspace that is no longer current are dropped. */
export function receiveFacts(
  lab: AnyLabDefinition,
  context: LabFlowContext,
  workspace: unknown,
  value: unknown,
): LabFlowContext {
  if (workspace !== context.workspace) return context;
  return recheck(lab, { ...context, facts: { workspace, value }, deriveFailure: null });
}

/** Records that the facts for `workspace` could not be derived; the workspace itself is kept. */
export function receiveDeriveFailure(
  context: LabFlowContext,
  workspace: unknown,
  error: SimError,
): LabFlowContext {
  if (workspace !== context.workspace) return context;
  return { ...context, deriveFailure: { workspace, error } };
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
    tasks: pendingTasks(lab, 0),
    lastError: null,
    startedAt: null,
    completedAt: null,
    stepStartedAt: Array.from({ length: count }, () => null),
    stepCompletedAt: Array.from({ length: count }, () => null),
    passedAt: null,
    facts: null,
    deriveFailure: null,
    restoreFailure: null,
  };
}

/** Back to the intro; facts already derived for the starting workspace are kept, so nothing is recomputed. */
export function resetContext(lab: AnyLabDefinition, context: LabFlowContext): LabFlowContext {
  return recheck(lab, { ...initialContext(lab), facts: context.facts });
}

const replace = <T>(list: readonly T[], index: number, value: T): T[] =>
  list.map((item, i) => (i === index ? value : item));

/** Starts the lab at `at`. */
export function start(lab: AnyLabDefinition, context: LabFlowContext, at: number): LabFlowContext {
  return recheck(lab, {
    ...context,
    startedAt: context.startedAt ?? at,
    stepStartedAt: replace(
      context.stepStartedAt,
      context.stepIndex,
      context.stepStartedAt[context.stepIndex] ?? at,
    ),
  });
}

/** Applies a learner action; a rejected one leaves the workspace as it was and records why. */
export function act(lab: AnyLabDefinition, context: LabFlowContext, action: LabAction): LabFlowContext {
  const next = lab.reduce(context.workspace, action);
  if (!next.ok) return { ...context, lastError: next.error };
  const stepActions = [...(context.actionsByStep[context.stepIndex] ?? []), action];
  return recheck(lab, {
    ...context,
    workspace: next.value,
    actionsByStep: replace(context.actionsByStep, context.stepIndex, stepActions),
    lastError: null,
  });
}

/** Takes back the current step's last action by replaying the others from the step's start. */
export function undo(lab: AnyLabDefinition, context: LabFlowContext): LabFlowContext {
  const stepActions = (context.actionsByStep[context.stepIndex] ?? []).slice(0, -1);
  const replayed = applyActions(lab, context.stepStartWorkspace, stepActions);
  if (!replayed.ok) return { ...context, lastError: replayed.error };
  return recheck(lab, {
    ...context,
    workspace: replayed.value,
    actionsByStep: replace(context.actionsByStep, context.stepIndex, stepActions),
    lastError: null,
  });
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
 * One way of solving the current step: the workspace it reaches and the record that gets there. Built
 * without deriving anything; the deriver computes its facts, then `acceptsSolution` judges it.
 */
export interface SolutionCandidate {
  /** The step index this candidate solves; a candidate for another step is never applied. */
  readonly stepIndex: number;
  readonly stepStartWorkspace: unknown;
  readonly workspace: unknown;
  readonly actionsByStep: readonly (readonly LabAction[])[];
  /** The last resort (the reference solutions replayed): applied whether or not its checks pass. */
  readonly lastResort: boolean;
}

/** The candidates of a show-solution, best first, and why there is no last resort when there is none. */
export interface SolutionPlan {
  readonly candidates: readonly SolutionCandidate[];
  /** Set when the reference solutions do not apply: shown if no earlier candidate passes. */
  readonly lastResortError: SimError | null;
}

/**
 * The ways to apply the step's scripted solution, best first. The learner's work is kept where possible:
 * first the solution on top of the current workspace; then from the step's start; only if the learner's
 * earlier steps differ so much that neither passes is the whole lab replayed from the reference solutions
 * up to this step. `solutions` are the scripted solutions of steps `0 … stepIndex`, computed where the
 * deriver runs; nothing is derived or simulated here (the deriver computes each candidate's facts).
 */
export function solutionPlan(
  lab: AnyLabDefinition,
  context: LabFlowContext,
  solutions: readonly (readonly LabAction[])[],
): SolutionPlan {
  const index = context.stepIndex;
  const solution = solutions[index] ?? [];
  const current = context.actionsByStep[index] ?? [];
  const candidates: SolutionCandidate[] = [];
  for (const actions of [[...current, ...solution], solution]) {
    const result = applyActions(lab, context.stepStartWorkspace, actions);
    if (!result.ok) continue;
    candidates.push({
      stepIndex: index,
      stepStartWorkspace: context.stepStartWorkspace,
      workspace: result.value,
      actionsByStep: replace(context.actionsByStep, index, actions),
      lastResort: false,
    });
  }
  const reference = referenceWorkspace(lab, index, solutions);
  const solved = reference.ok ? applyActions(lab, reference.value, solution) : reference;
  if (!reference.ok || !solved.ok) {
    return { candidates, lastResortError: solved.ok ? null : solved.error };
  }
  candidates.push({
    stepIndex: index,
    stepStartWorkspace: reference.value,
    workspace: solved.value,
    actionsByStep: context.actionsByStep.map((actions, i) =>
      i < index ? (solutions[i] ?? []) : i === index ? solution : actions,
    ),
    lastResort: true,
  });
  return { candidates, lastResortError: null };
}

/** True when a candidate is the one to apply: its checks pass on its facts, or it is the last resort. */
export function acceptsSolution(
  lab: AnyLabDefinition,
  candidate: SolutionCandidate,
  derived: unknown,
): boolean {
  return (
    candidate.lastResort ||
    checkTasks(lab, candidate.stepIndex, candidate.workspace, derived).every((task) => task.passed)
  );
}

/**
 * Applies an accepted candidate with its facts and marks the step assisted. A candidate for another step
 * (the learner moved on or reset meanwhile) changes nothing.
 */
export function applySolution(
  lab: AnyLabDefinition,
  context: LabFlowContext,
  candidate: SolutionCandidate,
  derived: unknown,
): LabFlowContext {
  const index = context.stepIndex;
  if (candidate.stepIndex !== index) return context;
  return {
    ...context,
    stepStartWorkspace: candidate.stepStartWorkspace,
    workspace: candidate.workspace,
    actionsByStep: candidate.actionsByStep,
    assisted: replace(context.assisted, index, true),
    tasks: checkTasks(lab, index, candidate.workspace, derived),
    lastError: null,
    facts: { workspace: candidate.workspace, value: derived },
    deriveFailure: null,
  };
}

/** Records why the solution could not be shown; the learner's work is left as it was. */
export function solutionFailed(context: LabFlowContext, error: SimError): LabFlowContext {
  return { ...context, lastError: error };
}

/** True when every task of the current step passes on the current workspace's facts. */
export const allTasksPassed = (context: LabFlowContext): boolean =>
  factsAreCurrent(context) && context.tasks.length > 0 && context.tasks.every((task) => task.passed);

/** True when the current workspace's facts are in and some task fails (never while they are awaited). */
export const someTaskFails = (context: LabFlowContext): boolean =>
  factsAreCurrent(context) && !allTasksPassed(context);

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
  return recheck(
    lab,
    {
      ...context,
      stepIndex: index,
      stepStartWorkspace: context.workspace,
      stepStartedAt: replace(context.stepStartedAt, index, context.stepStartedAt[index] ?? at),
      lastError: null,
    },
    true,
  );
}

/** Marks the whole lab complete. */
export function finish(context: LabFlowContext, at: number): LabFlowContext {
  return { ...context, completedAt: context.completedAt ?? at };
}
