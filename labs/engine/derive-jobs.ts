/**
 * The two flows that need several workspaces' facts before the learner can go on, run through the
 * controller's deriver: restoring saved progress (each step recorded as done is checked again) and showing
 * a step's solution (its scripted solutions are asked for, then candidates are derived until one passes).
 * Each reports its outcome to the flow as one event; neither derives or simulates anything itself, so on
 * the page all that work runs in the derive worker.
 */
import type { SimError } from '../../sim/core/index.ts';
import { deriveInTurn, whenAnswered, type LabDeriver, type SolutionSource } from './deriver.ts';
import {
  acceptsSolution,
  solutionPlan,
  type LabFlowContext,
  type SolutionCandidate,
  type SolutionPlan,
} from './flow-context.ts';
import type { LabFlowEvent } from './machine.ts';
import { resumeProgress, workspacesToDerive, type ReplayedProgress } from './progress.ts';
import type { AnyLabDefinition, LabAction } from './types.ts';

/** Where a job reports: the flow's `send`, the clock's `now`, and the signal that calls the job off. */
export interface JobTarget {
  readonly deriver: LabDeriver;
  readonly solutions: SolutionSource;
  readonly send: (event: LabFlowEvent) => void;
  readonly now: () => number;
  readonly signal: AbortSignal;
}

/** A deriver's failure as the error the page shows. */
export function deriveError(error: unknown): SimError {
  if (typeof error === 'object' && error !== null && typeof (error as SimError).message === 'string') {
    const { code, message } = error as Partial<SimError> & { message: string };
    return { code: typeof code === 'string' ? code : 'DeriveFailed', message };
  }
  return { code: 'DeriveFailed', message: String(error) };
}

const notShown = (why: string): SimError => ({
  code: 'SolutionNotShown',
  message: `The solution could not be shown: ${why}.`,
});

/** Derives what restoring `replayed` needs, then sends `RESTORED` or, if a derive fails, `RESTORE_FAILED`. */
export function runRestore(lab: AnyLabDefinition, replayed: ReplayedProgress, target: JobTarget): void {
  const workspaces = workspacesToDerive(replayed);
  const facts = new Map<unknown, unknown>();
  deriveInTurn(target.deriver, lab.id, workspaces, target.signal, {
    take: (index, derived) => {
      facts.set(workspaces[index], derived);
      return false;
    },
    done: () => target.send({ type: 'RESTORED', ...resumeProgress(lab, replayed, facts), at: target.now() }),
    failed: (error) => target.send({ type: 'RESTORE_FAILED', error: deriveError(error), at: target.now() }),
  });
}

/**
 * Asks for the scripted solutions up to the current step, then derives the show-solution candidates of
 * `context` in turn, and sends `SOLVED` with the first accepted one, or `SOLUTION_FAILED` when a request
 * fails or no candidate can be built.
 */
export function runSolution(lab: AnyLabDefinition, context: LabFlowContext, target: JobTarget): void {
  const failed = (error: unknown) =>
    target.send({
      type: 'SOLUTION_FAILED',
      error: notShown(`its results could not be computed (${deriveError(error).message})`),
      at: target.now(),
    });
  whenAnswered(
    () => target.solutions(lab.id, context.stepIndex, target.signal),
    target.signal,
    (solutions) => {
      if (!isSolutionList(solutions))
        return failed(new Error('the scripted solutions were not lists of actions'));
      tryCandidates(lab, solutionPlan(lab, context, solutions), target, failed);
    },
    failed,
  );
}

const isSolutionList = (value: unknown): value is LabAction[][] =>
  Array.isArray(value) && value.every((actions) => Array.isArray(actions));

function tryCandidates(
  lab: AnyLabDefinition,
  plan: SolutionPlan,
  target: JobTarget,
  failed: (error: unknown) => void,
): void {
  let chosen: { candidate: SolutionCandidate; derived: unknown } | null = null;
  deriveInTurn(
    target.deriver,
    lab.id,
    plan.candidates.map((candidate) => candidate.workspace),
    target.signal,
    {
      take: (index, derived) => {
        const candidate = plan.candidates[index]!;
        if (!acceptsSolution(lab, candidate, derived)) return false;
        chosen = { candidate, derived };
        return true;
      },
      done: () => {
        const at = target.now();
        if (chosen) return target.send({ type: 'SOLVED', ...chosen, at });
        // The last resort is always accepted, so without a choice its replay did not apply.
        const error = plan.lastResortError ?? notShown('no way of applying it was found');
        target.send({ type: 'SOLUTION_FAILED', error, at });
      },
      failed,
    },
  );
}
