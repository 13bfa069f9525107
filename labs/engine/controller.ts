/**
 * The lab player's only door into a lab: create it from a definition (and saved progress), send what the
 * learner does, subscribe to snapshots. Framework-neutral and DOM-free; a Svelte class can wrap it in
 * `$state.raw`. Time comes from the injected clock (simulated time by default), never from the wall.
 */
import { createActor, SimulatedClock } from 'xstate';
import { ok, type Result, type SimError } from '../../sim/core/errors.ts';
import { createLabMachine, type LabFlowEvent } from './machine.ts';
import { restoreProgress, toProgress, type LabProgress } from './progress.ts';
import type { LabPhase } from './flow-context.ts';
import type { TaskStatus } from './run.ts';
import type { LabAction, LabDefinition } from './types.ts';

/** A clock the flow runs on: xstate's clock interface plus the current time. */
export interface LabClock {
  now(): number;
  setTimeout(fn: () => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Everything the player renders, as one immutable value per change. */
export interface LabSnapshot<Workspace> {
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
  /** Why the learner's last action was refused (the workspace is unchanged), or null. */
  readonly lastError: SimError | null;
  /** True when the current step has actions to take back. */
  readonly canUndo: boolean;
  /** The object to persist to resume exactly here. */
  readonly progress: LabProgress;
}

/** The player's handle on one running lab. */
export interface LabController<Workspace, Action extends LabAction> {
  getSnapshot(): LabSnapshot<Workspace>;
  /** Calls `listener` now and after every change; returns the unsubscribe function. */
  subscribe(listener: (snapshot: LabSnapshot<Workspace>) => void): () => void;
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
  /** Stops timers; the controller must not be used afterwards. */
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
}

/**
 * Creates a controller for a lab, resuming from saved progress when given. A bad progress object is
 * refused with an error saying what is wrong; nothing is overwritten.
 */
export function createLabController<Workspace, Action extends LabAction, Derived>(
  lab: LabDefinition<Workspace, Action, Derived>,
  options: LabControllerOptions = {},
): Result<LabController<Workspace, Action>> {
  const clock: LabClock = options.clock ?? new SimulatedClock();
  const machine = createLabMachine(lab, { stepAdvanceDelayMs: options.stepAdvanceDelayMs });
  let snapshotOption: ReturnType<typeof machine.resolveState> | undefined;
  if (options.progress !== undefined) {
    const restored = restoreProgress(lab, options.progress);
    if (!restored.ok) return restored;
    snapshotOption = machine.resolveState({ value: restored.value.phase, context: restored.value.context });
  }
  const actor = createActor(machine, { clock, ...(snapshotOption ? { snapshot: snapshotOption } : {}) });

  let current: LabSnapshot<Workspace> | undefined;
  const view = (): LabSnapshot<Workspace> => {
    const snapshot = actor.getSnapshot();
    const context = snapshot.context;
    const phase = snapshot.value as LabPhase;
    const step = lab.steps[context.stepIndex]!;
    const used = context.hintsUsed[context.stepIndex] ?? 0;
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
      lastError: context.lastError,
      canUndo: (context.actionsByStep[context.stepIndex]?.length ?? 0) > 0,
      progress: toProgress(lab.id, phase, context),
    };
  };
  const listeners = new Set<(snapshot: LabSnapshot<Workspace>) => void>();
  actor.subscribe(() => {
    current = view();
    for (const listener of listeners) listener(current);
  });
  actor.start();
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
      listeners.clear();
      actor.stop();
    },
  });
}
