/**
 * Paces the virtual clock against wall time: at speed N, one wall-clock second moves the simulation N
 * seconds. When the simulation cannot keep up, the clock falls behind instead of piling up debt, so a
 * slow moment never turns into a burst afterwards.
 */
import type { ConsoleSpeed } from './clock.ts';

/** Longest wall-time gap one slice makes up for (a tab in the background, a slow slice). */
export const MAX_CATCH_UP_MS = 100;

/** Turns wall-clock ticks into virtual-clock targets. */
export class ClockPacer {
  /** Wall time one "as fast as possible" slice may spend simulating. */
  readonly budgetMs = 30;
  #lastWallMs = 0;

  /** Starts measuring from `wallMs` (on play and on a speed change). */
  reset(wallMs: number): void {
    this.#lastWallMs = wallMs;
  }

  /** The virtual time to advance to at wall time `wallMs` (for `max`, the caller runs by budget instead). */
  target(speed: ConsoleSpeed, nowMs: number, wallMs: number): number {
    const elapsed = Math.min(Math.max(0, wallMs - this.#lastWallMs), MAX_CATCH_UP_MS);
    this.#lastWallMs = wallMs;
    return speed === 'max' ? nowMs : nowMs + elapsed * speed;
  }
}
