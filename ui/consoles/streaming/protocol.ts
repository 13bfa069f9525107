/**
 * The streaming console's side of the console port (../shell/protocol.ts): its engine's commands, its one
 * request (an S3 object's body) and the messages they make. The clock bar's commands, frame pacing and
 * cancellation are the shell's, the same for every console.
 */
import type { StreamingAction } from '../../../sim/streaming/index.ts';
import type { FromWorker as ShellFromWorker, ToWorker as ShellToWorker } from '../shell/protocol.ts';
import type { ConsoleView, MomentView, ObjectBodyView } from './console-view.ts';

export type { PartitionKeyStrategy } from '../../../sim/streaming/index.ts';

/**
 * What a learner can do from the console: the scenario's own actions (split, merge, update shard count,
 * change a producer's keys, crash or add a KCL worker), applied at the current clock. Each has an AWS CLI
 * equivalent (see cli-commands.ts).
 */
export type ConsoleAction = StreamingAction;

/** The streaming engine's commands. */
export type StreamingCommand =
  /**
   * Validates and starts a scenario (parsed JSON) with its moments of interest; refused with every problem
   * (the running scenario, if any, goes on, paused).
   */
  | {
      readonly type: 'start';
      readonly name: string;
      readonly scenario: unknown;
      readonly moments: readonly MomentView[];
    }
  | { readonly type: 'apply'; readonly action: ConsoleAction };

/** The streaming engine's reads. */
export type StreamingRequest = { readonly type: 'objectBody'; readonly bucket: string; readonly key: string };

/** An S3 object's decoded body, or why it cannot be read (`NoSuchKey`…). */
export type ObjectBodyResult =
  { readonly ok: true; readonly body: ObjectBodyView } | { readonly ok: false; readonly message: string };

/** Commands from the page to the streaming worker. */
export type ToWorker = ShellToWorker<StreamingCommand, StreamingRequest>;

/** Messages from the streaming worker to the page. */
export type FromWorker = ShellFromWorker<ConsoleView, ObjectBodyResult>;
