/**
 * A learner's progress in one lab as a plain JSON object, and its exact restoration. The action log is
 * the source of truth: restoring replays it through the lab's reducer, so a saved file can be resumed,
 * audited and handed in, and a tampered or stale one is refused with a clear reason instead of loaded.
 * Restoring comes in two parts so that no facts are derived on the caller's thread: `replayProgress`
 * checks the file and replays its actions (no derive), the controller asks its deriver for the facts of
 * `workspacesToDerive` (each step recorded as done is checked again, and the current workspace), and
 * `resumeProgress` rebuilds the flow from them. The restored flow starts with the current workspace's
 * facts, so nothing is derived again once it opens.
 */
import { describeKindAndValue } from '../../sim/core/index.ts';
import { fail, ok, type Result } from '../../sim/core/index.ts';
import { applyActions, checkTasks } from './run.ts';
import { allTasksPassed, pendingTasks, type LabFlowContext, type LabPhase } from './flow-context.ts';
import type { AnyLabDefinition, LabAction } from './types.ts';

/** The format marker and version of a saved progress object. */
export const PROGRESS_FORMAT = 'bdlab-lab-progress';
export const PROGRESS_VERSION = 1;

/** One lab's progress, as saved, exported and restored. */
export interface LabProgress {
  readonly format: typeof PROGRESS_FORMAT;
  readonly version: typeof PROGRESS_VERSION;
  readonly labId: string;
  readonly phase: LabPhase;
  /** 0-based index of the current step. */
  readonly stepIndex: number;
  /** Accepted learner actions, per step. */
  readonly actionsByStep: readonly (readonly LabAction[])[];
  /** Hints revealed, per step. */
  readonly hintsUsed: readonly number[];
  /** 0-based indices of the steps whose solution was shown. */
  readonly assistedSteps: readonly number[];
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  readonly stepStartedAt: readonly (number | null)[];
  readonly stepCompletedAt: readonly (number | null)[];
  /** The current workspace, for readers of the file; restoring recomputes it from the actions and compares. */
  readonly workspace: unknown;
}

/** The saved form of a flow state. */
export function toProgress(labId: string, phase: LabPhase, context: LabFlowContext): LabProgress {
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    labId,
    phase,
    stepIndex: context.stepIndex,
    actionsByStep: context.actionsByStep,
    hintsUsed: context.hintsUsed,
    assistedSteps: context.assisted.flatMap((assisted, index) => (assisted ? [index] : [])),
    startedAt: context.startedAt,
    completedAt: context.completedAt,
    stepStartedAt: context.stepStartedAt,
    stepCompletedAt: context.stepCompletedAt,
    workspace: context.workspace,
  };
}

const invalid = (message: string, path: string): Result<never> =>
  fail({ code: 'InvalidProgress', message, path });

const isTime = (value: unknown): value is number | null =>
  value === null || (typeof value === 'number' && Number.isFinite(value));

function isList<T>(value: unknown, length: number, item: (entry: unknown) => entry is T): value is T[] {
  return Array.isArray(value) && value.length === length && value.every(item);
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isActionList = (value: unknown): value is LabAction[] =>
  Array.isArray(value) &&
  value.every((a) => typeof a === 'object' && a !== null && typeof (a as LabAction).type === 'string');

/** Saved progress checked and replayed, before any of it is judged: no facts are derived to get here. */
export interface ReplayedProgress {
  readonly progress: LabProgress;
  /** The workspace after every recorded action. */
  readonly workspace: unknown;
  /** The workspace the current step began from. */
  readonly stepStartWorkspace: unknown;
  /**
   * The steps recorded as done (those before the current one, and the current one of a completed lab),
   * each with the workspace it began from and the one its actions reached.
   */
  readonly doneSteps: readonly { readonly start: unknown; readonly end: unknown }[];
}

/** Facts by the workspace object they were derived from (identity, as in the flow). */
export type FactsByWorkspace = ReadonlyMap<unknown, unknown>;

/**
 * The workspaces whose facts restoring needs, each object once, in order: the end of every step recorded
 * as done, then the current workspace. With no step done, nothing needs checking: the empty list says the
 * flow can open at once and derive the current workspace's facts as any change does.
 */
export function workspacesToDerive(replayed: ReplayedProgress): unknown[] {
  if (replayed.doneSteps.length === 0) return [];
  return [...new Set([...replayed.doneSteps.map((step) => step.end), replayed.workspace])];
}

/** The flow while its saved progress is being checked: at the saved step, its checklist waiting. */
export function restoringContext(lab: AnyLabDefinition, replayed: ReplayedProgress): LabFlowContext {
  const p = replayed.progress;
  return {
    stepIndex: p.stepIndex,
    stepStartWorkspace: replayed.stepStartWorkspace,
    workspace: replayed.workspace,
    actionsByStep: p.actionsByStep,
    hintsUsed: p.hintsUsed,
    assisted: lab.steps.map((_, i) => p.assistedSteps.includes(i)),
    tasks: pendingTasks(lab, p.stepIndex),
    lastError: null,
    startedAt: p.startedAt,
    completedAt: p.completedAt,
    stepStartedAt: p.stepStartedAt,
    stepCompletedAt: p.stepCompletedAt,
    passedAt: null,
    facts: null,
    deriveFailure: null,
    restoreFailure: null,
  };
}

/**
 * A step recorded as done whose actions the lab's checks no longer pass (the checks were made stricter
 * since, or the file was edited): the learner resumes at that step with all their work kept, the later
 * steps' actions folded into it, and a notice saying why. Nothing is lost and nothing unearned is kept.
 */
function reopenStep(
  lab: AnyLabDefinition,
  restored: LabFlowContext,
  p: LabProgress,
  index: number,
  stepStartWorkspace: unknown,
): { phase: LabPhase; context: LabFlowContext } {
  const folded = p.actionsByStep.slice(index).flat();
  const context: LabFlowContext = {
    ...restored,
    stepIndex: index,
    stepStartWorkspace,
    actionsByStep: p.actionsByStep.map((actions, i) => (i < index ? actions : i === index ? folded : [])),
    assisted: restored.assisted.map((assisted, i) => i <= index && assisted),
    tasks: restored.facts
      ? checkTasks(lab, index, restored.workspace, restored.facts.value)
      : pendingTasks(lab, index),
    lastError: {
      code: 'StepReopened',
      message: `Step ${index + 1} is open again: its checks are stricter than when it was saved, and your answer no longer passes them. The checklist says what to change.`,
    },
    completedAt: null,
    stepStartedAt: p.stepStartedAt.map((at, i) => (i <= index ? at : null)),
    stepCompletedAt: p.stepCompletedAt.map((at, i) => (i < index ? at : null)),
  };
  return { phase: 'working', context };
}

/**
 * Rebuilds the flow from replayed progress and the facts of `workspacesToDerive` (a workspace whose facts
 * are missing counts as awaited: its checks wait for them). The first step recorded as done that does not
 * pass is opened again (see `reopenStep`); a solved step resumes through `working`, so the flow re-enters
 * `passed` and schedules its advance again.
 */
export function resumeProgress(
  lab: AnyLabDefinition,
  replayed: ReplayedProgress,
  facts: FactsByWorkspace,
): { phase: LabPhase; context: LabFlowContext } {
  const p = replayed.progress;
  const workspace = replayed.workspace;
  const base = restoringContext(lab, replayed);
  const restored: LabFlowContext = facts.has(workspace)
    ? {
        ...base,
        tasks: checkTasks(lab, p.stepIndex, workspace, facts.get(workspace)),
        facts: { workspace, value: facts.get(workspace) },
      }
    : base;
  for (const [index, step] of replayed.doneSteps.entries()) {
    const passes =
      facts.has(step.end) &&
      checkTasks(lab, index, step.end, facts.get(step.end)).every((task) => task.passed);
    if (!passes) return reopenStep(lab, restored, p, index, step.start);
  }
  if (p.phase === 'completed' && !allTasksPassed(restored)) {
    return reopenStep(lab, restored, p, p.stepIndex, replayed.stepStartWorkspace);
  }
  return { phase: p.phase === 'passed' ? 'working' : p.phase, context: restored };
}

/**
 * Checks a saved progress object against the lab and replays its action log; derives nothing. Every field
 * is checked, and a file whose actions do not apply or do not reach its saved workspace is refused with
 * what is wrong and where.
 */
export function replayProgress(lab: AnyLabDefinition, raw: unknown): Result<ReplayedProgress> {
  if (typeof raw !== 'object' || raw === null) return invalid('Progress must be a JSON object.', '$');
  const p = raw as Record<string, unknown>;
  const steps = lab.steps.length;
  if (p.format !== PROGRESS_FORMAT) return invalid(`"format" must be "${PROGRESS_FORMAT}".`, '$.format');
  if (p.version !== PROGRESS_VERSION) {
    return invalid(
      `"version" ${describeKindAndValue(p.version)} is not supported; expected ${PROGRESS_VERSION}.`,
      '$.version',
    );
  }
  if (p.labId !== lab.id) {
    return invalid(
      `This progress belongs to lab ${describeKindAndValue(p.labId)}, not "${lab.id}".`,
      '$.labId',
    );
  }
  const phases: LabPhase[] = ['intro', 'working', 'passed', 'completed'];
  if (!phases.includes(p.phase as LabPhase))
    return invalid(`"phase" must be one of ${phases.join(', ')}.`, '$.phase');
  if (!Number.isInteger(p.stepIndex) || (p.stepIndex as number) < 0 || (p.stepIndex as number) >= steps) {
    return invalid(`"stepIndex" must be an integer from 0 to ${steps - 1}.`, '$.stepIndex');
  }
  if (!isList(p.actionsByStep, steps, isActionList)) {
    return invalid(
      `"actionsByStep" must hold ${steps} lists of actions (objects with a "type").`,
      '$.actionsByStep',
    );
  }
  if (!isList(p.hintsUsed, steps, isCount))
    return invalid(`"hintsUsed" must hold ${steps} counts.`, '$.hintsUsed');
  for (const [index, used] of p.hintsUsed.entries()) {
    const available = lab.steps[index]!.hints.length;
    if (used > available)
      return invalid(`Step ${index + 1} has only ${available} hints.`, `$.hintsUsed[${index}]`);
  }
  const assistedOk =
    Array.isArray(p.assistedSteps) &&
    p.assistedSteps.every((i) => Number.isInteger(i) && i >= 0 && i < steps);
  if (!assistedOk)
    return invalid(`"assistedSteps" must list step indices from 0 to ${steps - 1}.`, '$.assistedSteps');
  for (const key of ['startedAt', 'completedAt'] as const) {
    if (!isTime(p[key])) return invalid(`"${key}" must be a number or null.`, `$.${key}`);
  }
  for (const key of ['stepStartedAt', 'stepCompletedAt'] as const) {
    if (!isList(p[key], steps, isTime))
      return invalid(`"${key}" must hold ${steps} numbers or nulls.`, `$.${key}`);
  }
  const phase = p.phase as LabPhase;
  const stepIndex = p.stepIndex as number;
  if (phase === 'intro' && (stepIndex !== 0 || p.actionsByStep.some((a) => a.length > 0))) {
    return invalid('A lab still at its intro cannot have a step or actions recorded.', '$.phase');
  }
  if (phase === 'completed' && stepIndex !== steps - 1) {
    return invalid('The lab is recorded as completed but its last step is not solved.', '$.phase');
  }

  let workspace: unknown = lab.initialWorkspace;
  let stepStartWorkspace: unknown = workspace;
  const doneSteps: { start: unknown; end: unknown }[] = [];
  for (const [index, actions] of p.actionsByStep.entries()) {
    if (index > stepIndex && actions.length > 0) {
      return invalid(
        `Step ${index + 1} has actions but the learner is on step ${stepIndex + 1}.`,
        `$.actionsByStep[${index}]`,
      );
    }
    if (index === stepIndex) stepStartWorkspace = workspace;
    const start = workspace;
    const replayed = applyActions(lab, workspace, actions);
    if (!replayed.ok) {
      return invalid(
        `Step ${index + 1}: ${replayed.error.message}`,
        `$.actionsByStep[${index}]${replayed.error.path ?? ''}`,
      );
    }
    workspace = replayed.value;
    if (index < stepIndex || (index === stepIndex && phase === 'completed')) {
      doneSteps.push({ start, end: workspace });
    }
  }
  if ('workspace' in p && JSON.stringify(p.workspace) !== JSON.stringify(workspace)) {
    return invalid(
      'The saved workspace does not match the recorded actions; the file was edited or is damaged.',
      '$.workspace',
    );
  }
  return ok({ progress: p as unknown as LabProgress, workspace, stepStartWorkspace, doneSteps });
}

/**
 * Restores saved progress at once, deriving the facts of its checks on this thread. For readers that must
 * answer now and run where a derive is cheap or expected (the progress summaries, tools); the lab player
 * restores through its deriver instead (see `createLabController`), so the page never waits on a simulation.
 */
export function restoreProgress(
  lab: AnyLabDefinition,
  raw: unknown,
): Result<{ phase: LabPhase; context: LabFlowContext }> {
  const replayed = replayProgress(lab, raw);
  if (!replayed.ok) return replayed;
  const workspaces = workspacesToDerive(replayed.value);
  const needed = workspaces.length > 0 ? workspaces : [replayed.value.workspace];
  const facts = new Map(needed.map((workspace) => [workspace, lab.derive(workspace)] as const));
  return ok(resumeProgress(lab, replayed.value, facts));
}
