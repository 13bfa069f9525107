/**
 * Progress that puts a lab at the start of any step, for an instructor jumping ahead on a projector. The
 * engine has no "go to step" event, so the jump is expressed as saved progress the engine restores and
 * checks like any other: earlier steps are solved by their scripted solutions and marked assisted, since
 * the learner did not solve them.
 */
import {
  PROGRESS_FORMAT,
  PROGRESS_VERSION,
  type AnyLabDefinition,
  type LabProgress,
} from '../../labs/engine';

/** Progress at the start of step `stepIndex` (0-based), timed at `now`. */
export function progressAtStep(lab: AnyLabDefinition, stepIndex: number, now: number): LabProgress {
  const steps = lab.steps;
  const target = Math.max(0, Math.min(stepIndex, steps.length - 1));
  let workspace: unknown = lab.initialWorkspace;
  for (const step of steps.slice(0, target)) {
    for (const action of step.solution) {
      const next = lab.reduce(workspace, action);
      // A scripted solution that does not apply is caught by `bdlab lab validate`; restoring reports it too.
      if (next.ok) workspace = next.value;
    }
  }
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    labId: lab.id,
    phase: 'working',
    stepIndex: target,
    actionsByStep: steps.map((step, index) => (index < target ? step.solution : [])),
    hintsUsed: steps.map(() => 0),
    assistedSteps: steps.flatMap((_, index) => (index < target ? [index] : [])),
    startedAt: now,
    completedAt: null,
    stepStartedAt: steps.map((_, index) => (index <= target ? now : null)),
    stepCompletedAt: steps.map((_, index) => (index < target ? now : null)),
    workspace,
  };
}
