/**
 * The lab player's only door into a lab: create it from a definition (and saved progress), send what the
 * learner does, subscribe to snapshots. Framework-neutral and DOM-free; a Svelte class can wrap it in
 * `$state.raw`. Time comes from the injected clock (simulated time by default), never from the wall.
 * The lab's facts come from the injected deriver (in process and at once by default; a worker in the app).
 */
import { createActor, SimulatedClock } from 'xstate';
import { ok, type Result, type SimError } from '../../sim/core/index.ts';
import { isPromiseLike, type LabDeriver } from './deriver.ts';
import { createLabMachine, type LabFlowEvent } from './machine.ts';
import { restoreProgress, toProgress, type LabProgress } from './progress.ts';
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
   * Computes the lab's facts for each new workspace. Defaults to the lab's own `derive`, in process and at
   * once (headless tests, the CLI); the app passes a worker's. Restoring saved progress and showing a
   * solution still derive in process.
   */
  readonly deriver?: LabDeriver;
}

/** A deriver's failure as the error the page shows. */
function deriveError(error: unknown): SimError {
  if (typeof error === 'object' && error !== null && typeof (error as SimError).message === 'string') {
    const { code, message } = error as Partial<SimError> & { message: string };
    return { code: typeof code === 'string' ? code : 'DeriveFailed', message };
  }
  return { code: 'DeriveFailed', message: String(error) };
}

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
  const machine = createLabMachine(lab, { stepAdvanceDelayMs: options.stepAdvanceDelayMs });
  let snapshotOption: ReturnType<typeof machine.resolveState> | undefined;
  if (options.progress !== undefined) {
    const restored = restoreProgress(lab, options.progress);
    if (!restored.ok) return restored;
    snapshotOption = machine.resolveState({ value: restored.value.phase, context: restored.value.context });
  }
  const actor = createActor(machine, { clock, ...(snapshotOption ? { snapshot: snapshotOption } : {}) });

  let current: LabSnapshot<Workspace, Derived> | undefined;
  const view = (): LabSnapshot<Workspace, Derived> => {
    const snapshot = actor.getSnapshot();
    const context = snapshot.context;
    const phase = snapshot.value as LabPhase;
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
      deriving: isDeriving(context),
      deriveError: failure !== null && failure.workspace === context.workspace ? failure.error : null,
      lastError: context.lastError,
      canUndo: (context.actionsByStep[context.stepIndex]?.length ?? 0) > 0,
      progress: toProgress(lab.id, phase, context),
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
  const requestFacts = (context: LabFlowContext): boolean => {
    if (inFlight && inFlight.workspace !== context.workspace) {
      inFlight.abort.abort();
      inFlight = null;
    }
    if (stopped || inFlight || !isDeriving(context)) return false;
    const workspace = context.workspace;
    const abort = new AbortController();
    let result: unknown;
    try {
      result = deriver(lab.id, workspace, abort.signal);
    } catch (error) {
      actor.send({ type: 'DERIVE_FAILED', workspace, error: deriveError(error), at: clock.now() });
      return true;
    }
    if (!isPromiseLike(result)) {
      actor.send({ type: 'DERIVED', workspace, derived: result, at: clock.now() });
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

  const listeners = new Set<(snapshot: LabSnapshot<Workspace, Derived>) => void>();
  actor.subscribe((snapshot) => {
    // Facts computed at once are applied before anyone sees the workspace without them.
    if (requestFacts(snapshot.context)) return;
    current = view();
    for (const listener of listeners) listener(current);
  });
  actor.start();
  requestFacts(actor.getSnapshot().context);
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
    stop: () => {
      stopped = true;
      inFlight?.abort.abort();
      inFlight = null;
      listeners.clear();
      actor.stop();
    },
  });
}
