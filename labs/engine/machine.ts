/**
 * The lab flow as an xstate v5 machine: intro → working on step n ⇄ step passed → … → completed, with
 * hints, show-solution, undo and reset. The machine only decides *when* things happen; what they do is in
 * flow-context.ts. Every event carries `at`, the host clock's time, so the machine itself reads no clock;
 * the one delay (moving on after a solved step) runs on the actor's `clock` option, i.e. simulated time.
 * A step is judged only on facts derived from the current workspace: while they are awaited the flow stays
 * where it is. Two states wait on the deriver for several workspaces at once: `restoring` (saved progress
 * whose done steps are checked again; it either opens at the restored phase or stops in `restoreFailed`
 * with the file untouched) and `solving` (a show-solution whose candidates are being derived).
 */
import { assign, setup } from 'xstate';
import type { SimError } from '../../sim/core/index.ts';
import type { AnyLabDefinition, LabAction } from './types.ts';
import {
  act,
  allTasksPassed,
  applySolution,
  enterNextStep,
  finish,
  hasMoreHints,
  initialContext,
  markStepPassed,
  receiveDeriveFailure,
  receiveFacts,
  resetContext,
  revealHint,
  solutionFailed,
  someTaskFails,
  start,
  undo,
  type LabFlowContext,
  type LabPhase,
  type SolutionCandidate,
} from './flow-context.ts';

/** How long a solved step stays on screen before the next one opens, in clock milliseconds. */
export const STEP_ADVANCE_DELAY_MS = 3000;

/** Events the player sends; `at` is the host clock's time when the learner did it. */
export type LabFlowEvent =
  | { readonly type: 'START'; readonly at: number }
  | { readonly type: 'ACTION'; readonly action: LabAction; readonly at: number }
  | { readonly type: 'UNDO'; readonly at: number }
  | { readonly type: 'HINT'; readonly at: number }
  | { readonly type: 'SHOW_SOLUTION'; readonly at: number }
  | { readonly type: 'NEXT'; readonly at: number }
  | { readonly type: 'RESET'; readonly at: number }
  /** Sent once after restoring saved progress: re-enters a solved step so its advance is scheduled again. */
  | { readonly type: 'RESUME'; readonly at: number }
  /** The deriver's facts for `workspace` (the very object it was given); dropped if it is no longer current. */
  | { readonly type: 'DERIVED'; readonly workspace: unknown; readonly derived: unknown; readonly at: number }
  /** The deriver could not compute the facts for `workspace`. */
  | {
      readonly type: 'DERIVE_FAILED';
      readonly workspace: unknown;
      readonly error: SimError;
      readonly at: number;
    }
  /** Saved progress checked on its facts: the flow opens at `phase` with `context` (see `resumeProgress`). */
  | {
      readonly type: 'RESTORED';
      readonly phase: LabPhase;
      readonly context: LabFlowContext;
      readonly at: number;
    }
  /** The facts restoring needed could not be computed; the saved progress is kept as it is. */
  | { readonly type: 'RESTORE_FAILED'; readonly error: SimError; readonly at: number }
  /** Tries restoring again after a failure. */
  | { readonly type: 'RETRY_RESTORE'; readonly at: number }
  /** The candidate a show-solution settled on, with its facts (see `solutionPlan`). */
  | {
      readonly type: 'SOLVED';
      readonly candidate: SolutionCandidate;
      readonly derived: unknown;
      readonly at: number;
    }
  /** The solution could not be shown (its facts failed, or the reference solutions do not apply). */
  | { readonly type: 'SOLUTION_FAILED'; readonly error: SimError; readonly at: number };

/** Options of a flow machine. */
export interface LabMachineOptions {
  /** Delay before a solved step advances by itself; the learner can press NEXT sooner. */
  readonly stepAdvanceDelayMs?: number;
}

/** Builds the flow machine of one lab. */
export function createLabMachine(lab: AnyLabDefinition, options: LabMachineOptions = {}) {
  const advanceDelay = options.stepAdvanceDelayMs ?? STEP_ADVANCE_DELAY_MS;
  /** The delayed advance has no event time of its own: it happens `advanceDelay` after the step passed. */
  const advanceTime = (context: LabFlowContext): number => (context.passedAt ?? 0) + advanceDelay;
  const eventTime = (context: LabFlowContext, event: LabFlowEvent | { type: string }): number =>
    'at' in event && typeof event.at === 'number' ? event.at : advanceTime(context);

  return setup({
    types: {
      context: {} as LabFlowContext,
      events: {} as LabFlowEvent,
    },
    delays: { stepAdvance: advanceDelay },
    guards: {
      allTasksPassed: ({ context }) => allTasksPassed(context),
      someTaskFails: ({ context }) => someTaskFails(context),
      hasMoreHints: ({ context }) => hasMoreHints(lab, context),
      isLastStep: ({ context }) => context.stepIndex >= lab.steps.length - 1,
      restoredTo: ({ event }, phase: LabPhase) => event.type === 'RESTORED' && event.phase === phase,
    },
    actions: {
      start: assign(({ context, event }) => start(lab, context, eventTime(context, event))),
      act: assign(({ context, event }) =>
        event.type === 'ACTION' ? act(lab, context, event.action) : context,
      ),
      undo: assign(({ context }) => undo(lab, context)),
      revealHint: assign(({ context }) => revealHint(context)),
      applySolution: assign(({ context, event }) =>
        event.type === 'SOLVED' ? applySolution(lab, context, event.candidate, event.derived) : context,
      ),
      solutionFailed: assign(({ context, event }) =>
        event.type === 'SOLUTION_FAILED' ? solutionFailed(context, event.error) : context,
      ),
      restore: assign(({ context, event }) => (event.type === 'RESTORED' ? event.context : context)),
      restoreFailed: assign(({ context, event }) =>
        event.type === 'RESTORE_FAILED' ? { ...context, restoreFailure: event.error } : context,
      ),
      retryRestore: assign(({ context }) => ({ ...context, restoreFailure: null })),
      markStepPassed: assign(({ context, event }) => markStepPassed(context, eventTime(context, event))),
      enterNextStep: assign(({ context, event }) => enterNextStep(lab, context, eventTime(context, event))),
      finish: assign(({ context, event }) => finish(context, eventTime(context, event))),
      reset: assign(({ context }) => resetContext(lab, context)),
      receiveFacts: assign(({ context, event }) =>
        event.type === 'DERIVED' ? receiveFacts(lab, context, event.workspace, event.derived) : context,
      ),
      receiveDeriveFailure: assign(({ context, event }) =>
        event.type === 'DERIVE_FAILED'
          ? receiveDeriveFailure(context, event.workspace, event.error)
          : context,
      ),
    },
  }).createMachine({
    id: `lab:${lab.id}`,
    context: () => initialContext(lab),
    initial: 'intro',
    on: {
      RESET: { target: '.intro', actions: 'reset' },
      DERIVED: { actions: 'receiveFacts' },
      DERIVE_FAILED: { actions: 'receiveDeriveFailure' },
    },
    states: {
      intro: {
        on: { START: { target: 'working', actions: 'start' } },
      },
      working: {
        always: { guard: 'allTasksPassed', target: 'passed', actions: 'markStepPassed' },
        on: {
          ACTION: { actions: 'act' },
          UNDO: { actions: 'undo' },
          HINT: { guard: 'hasMoreHints', actions: 'revealHint' },
          SHOW_SOLUTION: { target: 'solving' },
          // Does nothing itself; the eventless transition above then re-enters `passed` if the step is solved.
          RESUME: {},
        },
      },
      passed: {
        always: { guard: 'someTaskFails', target: 'working' },
        after: {
          stepAdvance: [
            { guard: 'isLastStep', target: 'completed', actions: 'finish' },
            { target: 'working', actions: 'enterNextStep' },
          ],
        },
        on: {
          ACTION: { actions: 'act' },
          UNDO: { actions: 'undo' },
          HINT: { guard: 'hasMoreHints', actions: 'revealHint' },
          NEXT: [
            { guard: 'isLastStep', target: 'completed', actions: 'finish' },
            { target: 'working', actions: 'enterNextStep' },
          ],
        },
      },
      completed: {},
      // Learner actions wait: the candidates' facts are being derived, and the first that passes is applied.
      solving: {
        on: {
          SOLVED: { target: 'working', actions: 'applySolution' },
          SOLUTION_FAILED: { target: 'working', actions: 'solutionFailed' },
        },
      },
      // Entered only from saved progress (the controller resolves it); nothing is saved while here.
      restoring: {
        on: {
          RESTORED: [
            { guard: { type: 'restoredTo', params: 'completed' }, target: 'completed', actions: 'restore' },
            { guard: { type: 'restoredTo', params: 'intro' }, target: 'intro', actions: 'restore' },
            { target: 'working', actions: 'restore' },
          ],
          RESTORE_FAILED: { target: 'restoreFailed', actions: 'restoreFailed' },
        },
      },
      restoreFailed: {
        on: { RETRY_RESTORE: { target: 'restoring', actions: 'retryRestore' } },
      },
    },
  });
}

/** The machine type of a lab flow. */
export type LabMachine = ReturnType<typeof createLabMachine>;
