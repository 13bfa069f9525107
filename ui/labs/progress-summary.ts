/**
 * What a learner's saved progress in one lab amounts to, for the agenda, the completion summary and the
 * CSV a learner hands in. Every figure is read from the engine's restored progress, never guessed: a
 * record the engine refuses is reported as damaged with the engine's reason. The open lab's own progress
 * was judged by its flow already and is summarized as it is (`summarizeJudged`), without checking again.
 */
import { restoreProgress, type AnyLabDefinition, type LabPhase, type LabProgress } from '../../labs/engine';

/** Where a learner stands in a lab. */
export type LabStatus = 'not-started' | 'in-progress' | 'completed' | 'damaged';

/** One step's figures for the summary. */
export interface StepSummary {
  readonly title: string;
  readonly hintsUsed: number;
  readonly hintsAvailable: number;
  readonly assisted: boolean;
  /** From the step's start to the moment it was first solved, in milliseconds; null when not solved yet. */
  readonly timeSpentMs: number | null;
}

/** A lab's progress in figures. */
export interface LabProgressSummary {
  readonly labId: string;
  readonly status: LabStatus;
  /** 1-based current step while in progress; the step count when completed; 0 before starting. */
  readonly currentStep: number;
  readonly stepCount: number;
  /** Steps solved (by the learner or with the solution shown). */
  readonly stepsCompleted: number;
  readonly hintsUsed: number;
  /** Steps whose solution was shown. */
  readonly solutionsUsed: number;
  /**
   * Completed lab: from start to finish. In progress: the sum of the solved steps' times, so time away
   * from an unfinished step is not counted. Null before any step is solved.
   */
  readonly timeSpentMs: number | null;
  readonly steps: readonly StepSummary[];
  /** Why a damaged record was refused; absent otherwise. */
  readonly problem?: string;
}

const span = (from: number | null | undefined, to: number | null | undefined): number | null =>
  typeof from === 'number' && typeof to === 'number' && to >= from ? to - from : null;

/** The figures of a lab with nothing done, under `status`. */
function nothingDone(lab: AnyLabDefinition, status: LabStatus, problem?: string): LabProgressSummary {
  return {
    labId: lab.id,
    status,
    currentStep: 0,
    stepCount: lab.steps.length,
    stepsCompleted: 0,
    hintsUsed: 0,
    solutionsUsed: 0,
    timeSpentMs: null,
    steps: lab.steps.map((step) => ({
      title: step.title,
      hintsUsed: 0,
      hintsAvailable: step.hints.length,
      assisted: false,
      timeSpentMs: null,
    })),
    ...(problem === undefined ? {} : { problem }),
  };
}

/** Summarizes saved progress (or `undefined` for a lab never opened) against the lab's definition. */
export function summarizeProgress(lab: AnyLabDefinition, saved: unknown): LabProgressSummary {
  if (saved === undefined) return nothingDone(lab, 'not-started');
  const restored = restoreProgress(lab, saved);
  if (!restored.ok) return nothingDone(lab, 'damaged', restored.error.message);
  // The restored flow, not the file: a step the current checks no longer pass is open again.
  return figures(lab, restored.value.phase, restored.value.context);
}

/**
 * Summarizes progress a running flow produced (the player's snapshot), which its checks have already
 * judged: nothing is restored or derived again, so the completion screen opens at once.
 */
export function summarizeJudged(lab: AnyLabDefinition, progress: LabProgress): LabProgressSummary {
  return figures(lab, progress.phase, {
    ...progress,
    assisted: lab.steps.map((_, index) => progress.assistedSteps.includes(index)),
  });
}

/** The fields of a flow the figures are read from. */
type Judged = Pick<
  LabProgress,
  'stepIndex' | 'hintsUsed' | 'startedAt' | 'completedAt' | 'stepStartedAt' | 'stepCompletedAt'
> & { readonly assisted: readonly boolean[] };

function figures(lab: AnyLabDefinition, phase: LabPhase, progress: Judged): LabProgressSummary {
  const stepCount = lab.steps.length;
  if (phase === 'intro') return nothingDone(lab, 'not-started');
  const completed = phase === 'completed';
  const steps: StepSummary[] = lab.steps.map((step, index) => ({
    title: step.title,
    hintsUsed: progress.hintsUsed[index] ?? 0,
    hintsAvailable: step.hints.length,
    assisted: progress.assisted[index] ?? false,
    timeSpentMs: span(progress.stepStartedAt[index], progress.stepCompletedAt[index]),
  }));
  const solvedSteps = steps.filter((step) => step.timeSpentMs !== null);
  const stepsCompleted = completed ? stepCount : progress.stepIndex;
  const timeSpentMs = completed
    ? span(progress.startedAt, progress.completedAt)
    : solvedSteps.length > 0
      ? solvedSteps.reduce((sum, step) => sum + (step.timeSpentMs ?? 0), 0)
      : null;
  return {
    labId: lab.id,
    status: completed ? 'completed' : 'in-progress',
    currentStep: completed ? stepCount : progress.stepIndex + 1,
    stepCount,
    stepsCompleted,
    hintsUsed: steps.reduce((sum, step) => sum + step.hintsUsed, 0),
    solutionsUsed: progress.assisted.filter(Boolean).length,
    timeSpentMs,
    steps,
  };
}

/**
 * "Not started", "In progress: step 2 of 4", "Completed", "Saved progress damaged", for people. A lab not
 * started needs no figures (the agenda says so without loading the lab).
 */
export function describeStatus(
  summary:
    { readonly status: 'not-started' } | Pick<LabProgressSummary, 'status' | 'currentStep' | 'stepCount'>,
): string {
  switch (summary.status) {
    case 'not-started':
      return 'Not started';
    case 'in-progress':
      return `In progress: step ${summary.currentStep} of ${summary.stepCount}`;
    case 'completed':
      return 'Completed';
    case 'damaged':
      return 'Saved progress damaged';
  }
}

/** A wall-clock span for people: `12 min 5 s`, `1 h 3 min`, `45 s`; an em dash when unknown. */
export function formatTimeSpent(ms: number | null): string {
  if (ms === null) return '—';
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${seconds} s`;
  return `${seconds} s`;
}
