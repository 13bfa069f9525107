/**
 * The virtual clock every console shares: its speeds, its moments of interest and what the clock bar shows.
 * A console's frame carries a `ClockView`; its engine moves the clock (see engine.ts).
 */

/** Simulation speeds the clock bar offers: virtual seconds per wall-clock second, or as fast as possible. */
export type ConsoleSpeed = 1 | 10 | 100 | 'max';

/** The speeds in the order the clock bar lists them. */
export const CONSOLE_SPEEDS: readonly ConsoleSpeed[] = [1, 10, 100, 'max'];

/** The virtual clock as the clock bar shows it. */
export interface ClockView {
  readonly nowMs: number;
  /** The scenario's `durationSeconds` in milliseconds: the clock stops there. */
  readonly durationMs: number;
  readonly speed: ConsoleSpeed;
  readonly running: boolean;
  /** True once the clock reached the end of the scenario. */
  readonly finished: boolean;
  readonly seed: number;
  readonly eventsProcessed: number;
  /** Whether the clock stops at the scenario's moments of interest (the learner can turn it off). */
  readonly pauseAtMoments: boolean;
  /** The moment of interest the clock has just stopped at; null once the clock moves on. */
  readonly moment: MomentView | null;
  /** When the clock stops next for a moment of interest, or null when none is left (or pausing is off). */
  readonly nextMomentMs: number | null;
}

/** A moment of interest of a built-in scenario: the clock pauses there and says what to look at or do. */
export interface MomentView {
  readonly atMs: number;
  readonly note: string;
}

/** What every console frame has: the clock the shell's clock bar draws. */
export interface ConsoleFrame {
  readonly clock: ClockView;
}
