/**
 * The two flows that need several workspaces' facts before the learner can go on, run through the
 * controller's deriver: restoring saved progress (each step recorded as done is checked again) and showing
 * a step's solution (candidates are derived until one passes). Each reports its outcome to the flow as one
 * event; neither derives anything itself, so on the page both run in the derive worker.
 */
import type { SimError } from '../../sim/core/index.ts';
import { deriveInTurn, type LabDeriver } from './deriver.ts';
import {
  acceptsSolution,
  solutionPlan,
  type LabFlowContext,
  type SolutionCandidate,
} from './flow-context.ts';
import type { LabFlowEvent } from './machine.ts';
import { resumeProgress, workspacesToDerive, type ReplayedProgress } from './progress.ts';
import type { AnyLabDefinition } from './types.ts';

/** Where a job reports: the flow's `send`, the clock's `now`, and the signal that calls the job off. */
export interface JobTarget {
  readonly deriver: LabDeriver;
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
 * Derives the show-solution candidates of `context` in turn and sends `SOLVED` with the first accepted one,
 * or `SOLUTION_FAILED` when a derive fails or no candidate can be built.
 */
export function runSolution(lab: AnyLabDefinition, context: LabFlowContext, target: JobTarget): void {
  const plan = solutionPlan(lab, context);
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
      failed: (error) =>
        target.send({
          type: 'SOLUTION_FAILED',
          error: notShown(`its results could not be computed (${deriveError(error).message})`),
          at: target.now(),
        }),
    },
  );
}
