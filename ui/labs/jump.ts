/**
 * Progress that puts a lab at the start of any step, for an instructor jumping ahead on a projector. The
 * engine has no "go to step" event, so the jump is expressed as saved progress the engine restores and
 * checks like any other: earlier steps are solved by their scripted solutions and marked assisted, since
 * the learner did not solve them. The session asks the derive worker for those solutions first (most labs
 * script them from a simulation), so the page does not compute them.
 */
import {
  PROGRESS_FORMAT,
  PROGRESS_VERSION,
  type AnyLabDefinition,
  type LabAction,
  type LabProgress,
} from '../../labs/engine';

/** The step a jump to `stepIndex` lands on: clamped to the lab's steps. */
export const jumpTarget = (lab: AnyLabDefinition, stepIndex: number): number =>
  Math.max(0, Math.min(stepIndex, lab.steps.length - 1));

/**
 * Progress at the start of step `stepIndex` (0-based), timed at `now`. `solutions` are the scripted
 * solutions of the steps before it when computed elsewhere; by default each step's own is read here.
 */
export function progressAtStep(
  lab: AnyLabDefinition,
  stepIndex: number,
  now: number,
  solutions?: readonly (readonly LabAction[])[],
): LabProgress {
  const steps = lab.steps;
  const target = jumpTarget(lab, stepIndex);
  const solutionOf = (index: number): readonly LabAction[] =>
    solutions ? (solutions[index] ?? []) : (steps[index]?.solution ?? []);
  let workspace: unknown = lab.initialWorkspace;
  for (const index of steps.keys()) {
    if (index >= target) break;
    for (const action of solutionOf(index)) {
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
    actionsByStep: steps.map((_, index) => (index < target ? solutionOf(index) : [])),
    hintsUsed: steps.map(() => 0),
    assistedSteps: steps.flatMap((_, index) => (index < target ? [index] : [])),
    startedAt: now,
    completedAt: null,
    stepStartedAt: steps.map((_, index) => (index <= target ? now : null)),
    stepCompletedAt: steps.map((_, index) => (index < target ? now : null)),
    workspace,
  };
}
