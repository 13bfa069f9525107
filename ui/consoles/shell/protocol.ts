/**
 * The messages between a console page and the worker that runs its engine, for any service. The page sends
 * clock commands (the clock bar's), the engine's own commands and requests; the worker answers with frames,
 * refusals, answers and failures. The worker posts a new frame only after the page acknowledged the previous
 * one (`frameShown`), so frames never queue up behind a busy page: the page renders at most one frame per
 * animation frame, whatever the simulation speed. Every message is plain data (structured clone).
 *
 * Type parameters: `Command` is what the engine does on the learner's say (start a scenario, apply an action),
 * `Request`/`Answer` are reads that need an answer (an S3 object's body, a query's rows), `View` is the frame.
 */
import type { SimError } from '../../../sim/core/index.ts';
import type { ConsoleSpeed } from './clock.ts';

/** The clock bar's commands: the same for every console. */
export type ClockCommand =
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Advances the paused clock by whole seconds. */
  | { readonly type: 'step'; readonly seconds: number }
  | { readonly type: 'speed'; readonly speed: ConsoleSpeed }
  /** Restarts the current scenario from time 0 with another seed. */
  | { readonly type: 'seed'; readonly seed: number }
  /** Starts the current scenario again from time 0 with the same seed. */
  | { readonly type: 'restart' }
  /** Whether the clock stops at moments of interest. */
  | { readonly type: 'pauseAtMoments'; readonly enabled: boolean };

/** Messages from the page to the worker. */
export type ToWorker<Command, Request> =
  | ClockCommand
  /** One of the engine's own commands; a refusal comes back as `rejected`. */
  | { readonly type: 'command'; readonly command: Command }
  /** A read answered by `answer` with the same request id. */
  | { readonly type: 'request'; readonly requestId: number; readonly request: Request }
  /** The page no longer wants this request's answer (a newer one replaced it, or it was aborted). */
  | { readonly type: 'cancel'; readonly requestId: number }
  /** The page has drawn the last frame and can take the next. */
  | { readonly type: 'frameShown' };

/** A request's outcome: the engine's answer, or why there is none. */
export type AnswerResult<Answer> =
  { readonly ok: true; readonly value: Answer } | { readonly ok: false; readonly message: string };

/** Messages from the worker to the page. */
export type FromWorker<View, Answer> =
  | { readonly type: 'frame'; readonly view: View }
  /** A command was refused (a scenario that does not validate): every problem, with its JSON path. */
  | { readonly type: 'rejected'; readonly errors: readonly SimError[] }
  | { readonly type: 'answer'; readonly requestId: number; readonly result: AnswerResult<Answer> }
  /** The simulation stopped on an error it cannot continue from; the clock is paused. */
  | { readonly type: 'failed'; readonly error: SimError };
