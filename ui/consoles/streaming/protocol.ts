/**
 * The messages between the streaming console page and its simulation worker. The page sends commands; the
 * worker answers with frames (`ConsoleView`), scenario problems and object bodies. The worker posts a new
 * frame only after the page acknowledged the previous one (`frameShown`), so frames never queue up behind a
 * busy page: the page renders at most one frame per animation frame, whatever the simulation speed.
 */
import type { SimError } from '../../../sim/core/errors.ts';
import type { StreamingAction } from '../../../sim/streaming/scenario-schema.ts';
import type { ConsoleSpeed, ConsoleView, MomentView, ObjectBodyView } from './console-view.ts';

export type { PartitionKeyStrategy } from '../../../sim/streaming/keys.ts';

/**
 * What a learner can do from the console: the scenario's own actions (split, merge, update shard count,
 * change a producer's keys, crash or add a KCL worker), applied at the current clock. Each has an AWS CLI
 * equivalent (see cli-commands.ts).
 */
export type ConsoleAction = StreamingAction;

/** Commands from the page to the worker. */
export type ToWorker =
  /**
   * Validates and starts a scenario (parsed JSON) with its moments of interest; answered by
   * `scenarioRejected` or frames.
   */
  | {
      readonly type: 'start';
      readonly name: string;
      readonly scenario: unknown;
      readonly moments: readonly MomentView[];
    }
  /** Starts the current scenario again from time 0 with the same seed. */
  | { readonly type: 'restart' }
  /** Whether the clock stops at moments of interest. */
  | { readonly type: 'pauseAtMoments'; readonly enabled: boolean }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Advances the paused clock by whole seconds. */
  | { readonly type: 'step'; readonly seconds: number }
  | { readonly type: 'speed'; readonly speed: ConsoleSpeed }
  /** Restarts the current scenario from time 0 with another seed. */
  | { readonly type: 'seed'; readonly seed: number }
  | { readonly type: 'apply'; readonly action: ConsoleAction }
  | { readonly type: 'objectBody'; readonly requestId: number; readonly bucket: string; readonly key: string }
  /** The page has drawn the last frame and can take the next. */
  | { readonly type: 'frameShown' };

/** Messages from the worker to the page. */
export type FromWorker =
  | { readonly type: 'frame'; readonly view: ConsoleView }
  /** The scenario was not started: every problem with its JSON path. The running scenario (if any) goes on. */
  | { readonly type: 'scenarioRejected'; readonly errors: readonly SimError[] }
  | {
      readonly type: 'objectBody';
      readonly requestId: number;
      readonly result:
        | { readonly ok: true; readonly body: ObjectBodyView }
        | { readonly ok: false; readonly message: string };
    }
  /** The simulation stopped on an error it cannot continue from; the clock is paused. */
  | { readonly type: 'failed'; readonly error: SimError };
