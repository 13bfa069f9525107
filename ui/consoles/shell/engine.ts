/**
 * What a console's engine offers the worker host: a virtual clock the host moves against wall time, the
 * engine's own commands, answers to reads, and the frame the page draws. An engine has no timers and no
 * `postMessage`, so tests drive it directly or through an in-process host (in-process.ts).
 */
import type { SimError } from '../../../sim/core/index.ts';
import type { ConsoleSpeed } from './clock.ts';

/** A console's simulation, as the worker host drives it. */
export interface ConsoleEngine<Command, View, Request = never, Answer = never> {
  /** Virtual seconds per wall-clock second while running. */
  speed: ConsoleSpeed;
  /** Set by the host on play and pause; the engine clears it when the clock stops by itself. */
  running: boolean;
  /** Whether `advanceTo` stops (and clears `running`) at the scenario's moments of interest. */
  pauseAtMoments: boolean;
  /** True once a scenario is loaded (the clock can run). */
  readonly started: boolean;
  /** True once the clock reached the scenario's end. */
  readonly finished: boolean;
  /** The virtual clock, in milliseconds. */
  readonly nowMs: number;
  /** Moves the virtual clock to `ms` (or less: to the end, or to a moment of interest). */
  advanceTo(ms: number): void;
  /**
   * Whether the clock stops before `command` runs, even if it is refused (starting another scenario does;
   * acting on the running one does not).
   */
  stopsClock(command: Command): boolean;
  /** Runs one of the engine's commands; problems (with JSON paths) mean it was refused. */
  command(command: Command): readonly SimError[];
  /** Starts the current scenario again from time 0 with the same seed. */
  restart(): readonly SimError[];
  /** Starts the current scenario again from time 0 with another seed. */
  restartWithSeed(seed: number): readonly SimError[];
  /** Answers a read; a promise for work that takes a while (a query, a training run). */
  answer(request: Request): Answer | Promise<Answer>;
  /** The frame for the page, or undefined before the first scenario. */
  view(): View | undefined;
}
