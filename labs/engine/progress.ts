/**
 * A learner's progress in one lab as a plain JSON object, and its exact restoration. The action log is
 * the source of truth: restoring replays it through the lab's reducer, so a saved file can be resumed,
 * audited and handed in, and a tampered or stale one is refused with a clear reason instead of loaded.
 * Restoring derives in process (each done step is re-checked), and the restored flow starts with the
 * current workspace's facts, so nothing is derived again once it opens.
 */
import { describeKindAndValue } from '../../sim/core/index.ts';
import { fail, ok, type Result } from '../../sim/core/index.ts';
import { applyActions, checkTasks, stepPasses } from './run.ts';
import { allTasksPassed, type DerivedFacts, type LabFlowContext, type LabPhase } from './flow-context.ts';
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

/**
 * A step recorded as done whose actions the lab's checks no longer pass (the checks were made stricter
 * since, or the file was edited): the learner resumes at that step with all their work kept, the later
 * steps' actions folded into it, and a notice saying why. Nothing is lost and nothing unearned is kept.
 */
function reopenStep(
  lab: AnyLabDefinition,
  p: LabProgress,
  workspace: unknown,
  index: number,
  stepStartWorkspace: unknown,
): { phase: LabPhase; context: LabFlowContext } {
  const steps = lab.steps.length;
  const folded = p.actionsByStep.slice(index).flat();
  const facts = deriveHere(lab, workspace);
  const context: LabFlowContext = {
    stepIndex: index,
    stepStartWorkspace,
    workspace,
    actionsByStep: p.actionsByStep.map((actions, i) => (i < index ? actions : i === index ? folded : [])),
    hintsUsed: p.hintsUsed,
    assisted: Array.from({ length: steps }, (_, i) => i <= index && p.assistedSteps.includes(i)),
    tasks: checkTasks(lab, index, workspace, facts.value),
    lastError: {
      code: 'StepReopened',
      message: `Step ${index + 1} is open again: its checks are stricter than when it was saved, and your answer no longer passes them. The checklist says what to change.`,
    },
    startedAt: p.startedAt,
    completedAt: null,
    stepStartedAt: p.stepStartedAt.map((at, i) => (i <= index ? at : null)),
    stepCompletedAt: p.stepCompletedAt.map((at, i) => (i < index ? at : null)),
    passedAt: null,
    facts,
    deriveFailure: null,
  };
  return { phase: 'working', context };
}

/** A workspace's facts, derived on this thread. */
function deriveHere(lab: AnyLabDefinition, workspace: unknown): DerivedFacts {
  return { workspace, value: lab.derive(workspace) };
}

/**
 * Checks a saved progress object against the lab and rebuilds the flow state from it. Every field is
 * checked; the action log is replayed; a step recorded as done that does not pass is opened again (see
 * `reopenStep`).
 */
export function restoreProgress(
  lab: AnyLabDefinition,
  raw: unknown,
): Result<{ phase: LabPhase; context: LabFlowContext }> {
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

  let workspace: unknown = lab.initialWorkspace;
  let stepStartWorkspace: unknown = workspace;
  /** The first step recorded as done that the lab's current checks do not pass, with its start. */
  let reopen: { index: number; start: unknown } | null = null;
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
    if (reopen === null && index < stepIndex && !stepPasses(lab, index, workspace)) {
      reopen = { index, start };
    }
  }
  if ('workspace' in p && JSON.stringify(p.workspace) !== JSON.stringify(workspace)) {
    return invalid(
      'The saved workspace does not match the recorded actions; the file was edited or is damaged.',
      '$.workspace',
    );
  }
  if (reopen !== null) {
    return ok(reopenStep(lab, p as unknown as LabProgress, workspace, reopen.index, reopen.start));
  }

  const facts = deriveHere(lab, workspace);
  const context: LabFlowContext = {
    stepIndex,
    stepStartWorkspace,
    workspace,
    actionsByStep: p.actionsByStep,
    hintsUsed: p.hintsUsed,
    assisted: Array.from({ length: steps }, (_, i) => (p.assistedSteps as number[]).includes(i)),
    tasks: checkTasks(lab, stepIndex, workspace, facts.value),
    lastError: null,
    startedAt: p.startedAt as number | null,
    completedAt: p.completedAt as number | null,
    stepStartedAt: p.stepStartedAt as (number | null)[],
    stepCompletedAt: p.stepCompletedAt as (number | null)[],
    passedAt: null,
    facts,
    deriveFailure: null,
  };
  const passes = allTasksPassed(context);
  if (phase === 'completed' && stepIndex !== steps - 1) {
    return invalid('The lab is recorded as completed but its last step is not solved.', '$.phase');
  }
  if (phase === 'completed' && !passes) {
    return ok(reopenStep(lab, p as unknown as LabProgress, workspace, stepIndex, stepStartWorkspace));
  }
  // A solved step resumes through `working` so the flow re-enters `passed` and schedules its advance again.
  if (phase === 'working' || phase === 'passed') return ok({ phase: 'working', context });
  return ok({ phase, context });
}
