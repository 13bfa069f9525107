/**
 * The lab player's only door into a lab: create it from a definition (and saved progress), send what the
 * learner does, subscribe to snapshots. Framework-neutral and DOM-free; a Svelte class can wrap it in
 * `$state.raw`. Time comes from the injected clock (simulated time by default), never from the wall.
 * The lab's facts come from the injected deriver (in process and at once by default; a worker in the app),
 * for every change, for restoring saved progress and for showing a solution alike.
 */
import { createActor, SimulatedClock } from 'xstate';
import { ok, type Result, type SimError } from '../../sim/core/index.ts';
import { deriveError, runRestore, runSolution } from './derive-jobs.ts';
import { isPromiseLike, scriptedSolutions, type LabDeriver, type SolutionSource } from './deriver.ts';
import { createLabMachine, type LabFlowEvent } from './machine.ts';
import {
  replayProgress,
  restoringContext,
  resumeProgress,
  toProgress,
  workspacesToDerive,
  type LabProgress,
  type ReplayedProgress,
} from './progress.ts';
import { isDeriving, type LabFlowContext, type LabPhase } from './flow-context.ts';
import type { TaskStatus } from './run.ts';
import type { LabAction, LabDefinition } from './types.ts';

/** A clock the flow runs on: xstate's clock interface plus the current time. */
export interface LabClock {
  now(): number;
  setTimeout(fn: () => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Everything the player renders, as one immutable value per change. */
export interface LabSnapshot<Workspace, Derived = unknown> {
  readonly labId: string;
  readonly phase: LabPhase;
  readonly stepIndex: number;
  readonly stepCount: number;
  readonly stepId: string;
  readonly stepTitle: string;
  /** The current step's checklist with each check's feedback. */
  readonly tasks: readonly TaskStatus[];
  /** Hints revealed so far on this step, in order. */
  readonly hints: readonly string[];
  /** How many hints of this step are still hidden. */
  readonly hintsRemaining: number;
  /** Whether the current step's solution was shown. */
  readonly assisted: boolean;
  readonly workspace: Workspace;
  /**
   * The lab's derived facts: the current workspace's, or while `deriving` the latest that arrived (the
   * explorable keeps showing them). Undefined until `hasDerived`.
   */
  readonly derived: Derived | undefined;
  /** True once any facts have arrived (a lab may derive `undefined`, so `derived` alone cannot say). */
  readonly hasDerived: boolean;
  /** True while the current workspace's facts are being computed; the checklist waits for them. */
  readonly deriving: boolean;
  /**
   * True while saved progress is being checked (its done steps' facts are computed); the flow shows the
   * saved step and takes no action until it is done. Nothing is saved meanwhile: `progress` is the file.
   */
  readonly restoring: boolean;
  /** Why restoring could not finish; the saved progress is untouched and `retryRestore` tries again. */
  readonly restoreError: SimError | null;
  /** True while a shown solution's facts are computed; the learner's actions wait until it is applied. */
  readonly solving: boolean;
  /** Why the current workspace's facts could not be computed (the workspace is kept), or null. */
  readonly deriveError: SimError | null;
  /** Why the learner's last action was refused (the workspace is unchanged), or null. */
  readonly lastError: SimError | null;
  /** True when the current step has actions to take back. */
  readonly canUndo: boolean;
  /** The object to persist to resume exactly here. */
  readonly progress: LabProgress;
}

/** The player's handle on one running lab. */
export interface LabController<Workspace, Action extends LabAction, Derived = unknown> {
  getSnapshot(): LabSnapshot<Workspace, Derived>;
  /** Calls `listener` now and after every change; returns the unsubscribe function. */
  subscribe(listener: (snapshot: LabSnapshot<Workspace, Derived>) => void): () => void;
  start(): void;
  act(action: Action): void;
  undo(): void;
  hint(): void;
  /** Applies the step's solution and marks the step assisted; put a confirmation in front of it. */
  showSolution(): void;
  /** Goes on after a solved step without waiting for the automatic advance. */
  next(): void;
  /** Back to the intro with the starting workspace; hints and assistance are cleared. */
  reset(): void;
  /** Tries restoring the saved progress again after `restoreError`. */
  retryRestore(): void;
  /** Stops timers and drops any derive in flight; the controller must not be used afterwards. */
  stop(): void;
}

/** Options for `createLabController`. */
export interface LabControllerOptions {
  /** Saved progress to resume from; checked and replayed (see `restoreProgress`). */
  readonly progress?: unknown;
  /** Defaults to a fresh xstate `SimulatedClock` at 0, which only moves when the host advances it. */
  readonly clock?: LabClock;
  /** Delay before a solved step advances by itself, in clock milliseconds. */
  readonly stepAdvanceDelayMs?: number;
  /**
   * Computes the lab's facts for each new workspace, for restoring saved progress and for showing a
   * solution. Defaults to the lab's own `derive`, in process and at once (headless tests, the CLI), so
   * then everything is done before the call returns; the app passes a worker's.
   */
  readonly deriver?: LabDeriver;
  /**
   * Computes the scripted solutions a show-solution applies. Defaults to reading the lab's own, in
   * process; the app passes its worker's, which runs them beside the deriver.
   */
  readonly solutions?: SolutionSource;
}

/** The flow's states beyond the learner's phases: waiting on the deriver to restore or to solve. */
type FlowState = LabPhase | 'restoring' | 'restoreFailed' | 'solving';

/**
 * Creates a controller for a lab, resuming from saved progress when given. A bad progress object is
 * refused with an error saying what is wrong; nothing is overwritten.
 */
export function createLabController<Workspace, Action extends LabAction, Derived>(
  lab: LabDefinition<Workspace, Action, Derived>,
  options: LabControllerOptions = {},
): Result<LabController<Workspace, Action, Derived>> {
  const clock: LabClock = options.clock ?? new SimulatedClock();
  const deriver: LabDeriver = options.deriver ?? ((_labId, workspace) => lab.derive(workspace as Workspace));
  const solutions: SolutionSource = options.solutions ?? ((_labId, upTo) => scriptedSolutions(lab, upTo));
  const machine = createLabMachine(lab, { stepAdvanceDelayMs: options.stepAdvanceDelayMs });
  let snapshotOption: ReturnType<typeof machine.resolveState> | undefined;
  /** The saved progress being restored through the deriver, kept to try again after a failure. */
  let replayed: ReplayedProgress | null = null;
  if (options.progress !== undefined) {
    const checked = replayProgress(lab, options.progress);
    if (!checked.ok) return checked;
    if (workspacesToDerive(checked.value).length === 0) {
      // No step is recorded as done, so nothing needs checking: open now, deriving as any change does.
      const resumed = resumeProgress(lab, checked.value, new Map());
      snapshotOption = machine.resolveState({ value: resumed.phase, context: resumed.context });
    } else {
      replayed = checked.value;
      snapshotOption = machine.resolveState({
        value: 'restoring',
        context: restoringContext(lab, checked.value),
      });
    }
  }
  const actor = createActor(machine, { clock, ...(snapshotOption ? { snapshot: snapshotOption } : {}) });
  /** Events sent so far; tells `follow` whether a deriver answered at once. */
  let sent = 0;
  const post = (event: LabFlowEvent): void => {
    sent += 1;
    actor.send(event);
  };

  let current: LabSnapshot<Workspace, Derived> | undefined;
  const view = (): LabSnapshot<Workspace, Derived> => {
    const snapshot = actor.getSnapshot();
    const context = snapshot.context;
    const state = snapshot.value as FlowState;
    const waitingToRestore = state === 'restoring' || state === 'restoreFailed';
    // Restoring shows the saved step; a solution being computed leaves the learner on theirs.
    const phase: LabPhase = waitingToRestore || state === 'solving' ? 'working' : state;
    const step = lab.steps[context.stepIndex]!;
    const used = context.hintsUsed[context.stepIndex] ?? 0;
    const failure = context.deriveFailure;
    return {
      labId: lab.id,
      phase,
      stepIndex: context.stepIndex,
      stepCount: lab.steps.length,
      stepId: step.id,
      stepTitle: step.title,
      tasks: context.tasks,
      hints: step.hints.slice(0, used),
      hintsRemaining: step.hints.length - used,
      assisted: context.assisted[context.stepIndex] ?? false,
      workspace: context.workspace as Workspace,
      derived: context.facts?.value as Derived | undefined,
      hasDerived: context.facts !== null,
      deriving: !waitingToRestore && isDeriving(context),
      restoring: state === 'restoring',
      restoreError: state === 'restoreFailed' ? context.restoreFailure : null,
      solving: state === 'solving',
      deriveError: failure !== null && failure.workspace === context.workspace ? failure.error : null,
      lastError: context.lastError,
      canUndo:
        (state === 'working' || state === 'passed') &&
        (context.actionsByStep[context.stepIndex]?.length ?? 0) > 0,
      progress:
        waitingToRestore && replayed
          ? replayed.progress
          : toProgress(lab.id, snapshot.value as LabPhase, context),
    };
  };
  /** The derive in flight: the workspace object it is for, and how to call it off. */
  let inFlight: { readonly workspace: unknown; readonly abort: AbortController } | null = null;
  let stopped = false;
  const settle = (event: LabFlowEvent, abort: AbortController): void => {
    if (stopped || abort.signal.aborted) return;
    inFlight = null;
    actor.send(event);
  };
  /**
   * Asks the deriver for the current workspace's facts unless they are in, failed, or already asked for; a
   * derive for an older workspace is called off. Returns true when the deriver answered at once and the
   * answer was sent to the flow (it is then processed right after the current change).
   */
  const requestFacts = (context: LabFlowContext, state: FlowState): boolean => {
    if (inFlight && inFlight.workspace !== context.workspace) {
      inFlight.abort.abort();
      inFlight = null;
    }
    if (state === 'restoring' || state === 'restoreFailed') return false;
    if (stopped || inFlight || !isDeriving(context)) return false;
    const workspace = context.workspace;
    const abort = new AbortController();
    let result: unknown;
    try {
      result = deriver(lab.id, workspace, abort.signal);
    } catch (error) {
      post({ type: 'DERIVE_FAILED', workspace, error: deriveError(error), at: clock.now() });
      return true;
    }
    if (!isPromiseLike(result)) {
      post({ type: 'DERIVED', workspace, derived: result, at: clock.now() });
      return true;
    }
    inFlight = { workspace, abort };
    result.then(
      (derived) => settle({ type: 'DERIVED', workspace, derived, at: clock.now() }, abort),
      (error: unknown) =>
        settle({ type: 'DERIVE_FAILED', workspace, error: deriveError(error), at: clock.now() }, abort),
    );
    return false;
  };

  /** The restore or show-solution in progress, called off when the flow leaves its state. */
  let job: { readonly state: FlowState; readonly abort: AbortController } | null = null;
  const followJob = (snapshot: { value: unknown; context: LabFlowContext }): void => {
    const state = snapshot.value as FlowState;
    if (job && job.state !== state) {
      job.abort.abort();
      job = null;
    }
    if (job || stopped || (state !== 'restoring' && state !== 'solving')) return;
    const abort = new AbortController();
    job = { state, abort };
    const target = { deriver, solutions, send: post, now: () => clock.now(), signal: abort.signal };
    if (state === 'solving') runSolution(lab, snapshot.context, target);
    else if (replayed) runRestore(lab, replayed, target);
  };
  /**
   * Starts or calls off the deriver's work for the flow's state. Returns true when an answer came at once
   * and was sent to the flow (it is then processed right after the current change).
   */
  const follow = (snapshot: { value: unknown; context: LabFlowContext }): boolean => {
    const before = sent;
    followJob(snapshot);
    return requestFacts(snapshot.context, snapshot.value as FlowState) || sent !== before;
  };

  const listeners = new Set<(snapshot: LabSnapshot<Workspace, Derived>) => void>();
  actor.subscribe((snapshot) => {
    // Facts computed at once are applied before anyone sees the workspace without them.
    if (follow(snapshot)) return;
    current = view();
    for (const listener of listeners) listener(current);
  });
  actor.start();
  follow(actor.getSnapshot());
  if (snapshotOption) actor.send({ type: 'RESUME', at: clock.now() });
  current = view();

  const send = (event: LabFlowEvent) => actor.send(event);
  return ok({
    getSnapshot: () => current ?? view(),
    subscribe(listener) {
      listeners.add(listener);
      listener(current ?? view());
      return () => listeners.delete(listener);
    },
    start: () => send({ type: 'START', at: clock.now() }),
    act: (action) => send({ type: 'ACTION', action, at: clock.now() }),
    undo: () => send({ type: 'UNDO', at: clock.now() }),
    hint: () => send({ type: 'HINT', at: clock.now() }),
    showSolution: () => send({ type: 'SHOW_SOLUTION', at: clock.now() }),
    next: () => send({ type: 'NEXT', at: clock.now() }),
    reset: () => send({ type: 'RESET', at: clock.now() }),
    retryRestore: () => send({ type: 'RETRY_RESTORE', at: clock.now() }),
    stop: () => {
      stopped = true;
      inFlight?.abort.abort();
      inFlight = null;
      job?.abort.abort();
      job = null;
      listeners.clear();
      actor.stop();
    },
  });
}
