import { fail, ok, type Result, type SimError } from '../../sim/core/index.ts';
import { APP_ORIGIN, parseAppUrl } from './app-protocol.ts';

/** What main knows about the frame that sent an IPC message. */
export interface IpcSenderFacts {
  /** The sending frame's URL, or null when the frame is gone (navigated away or destroyed). */
  readonly frameUrl: string | null;
  /** Whether the sender is the top frame of its page (not an iframe). */
  readonly isMainFrame: boolean;
  /** Whether the sender belongs to the app's own main window. */
  readonly isAppWindow: boolean;
}

const refuse = (message: string): Result<never, SimError> => fail({ code: 'IpcSenderRefused', message });

/**
 * Accepts an IPC message only from the main frame of the app's own window showing a page of the app origin;
 * a subframe, another window, `file://` or any other origin is refused.
 */
export function checkIpcSender(facts: IpcSenderFacts): Result<true, SimError> {
  if (facts.frameUrl === null) return refuse('The sending frame no longer exists.');
  if (!facts.isAppWindow) return refuse('Only the Big Data Day Lab window may call the app.');
  if (!facts.isMainFrame) return refuse('Only the top frame of the window may call the app.');
  if (parseAppUrl(facts.frameUrl) === undefined) {
    return refuse(`Calls are accepted only from ${APP_ORIGIN}, not from ${facts.frameUrl.slice(0, 80)}.`);
  }
  return ok(true);
}
