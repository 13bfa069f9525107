/**
 * The Redshift workspace as the learner's document keeps it (under `consoles.redshift`), read back with
 * its shape checked: a damaged or foreign entry is not trusted, the console starts fresh and says why.
 */
import type { JournalEntry, SessionAction } from './protocol.ts';
import type { SavedWorkspace, WorkspaceStore } from './workspace.svelte.ts';

/** The console's id in the document's `consoles`. */
export const REDSHIFT_CONSOLE_ID = 'redshift';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const ACTIONS: readonly SessionAction['type'][] = ['createCluster', 'deleteCluster', 'putSampleData', 'sql'];

function isEntry(v: unknown): v is JournalEntry {
  if (!isObject(v) || typeof v.atMs !== 'number' || !Number.isFinite(v.atMs) || !isObject(v.action))
    return false;
  const action = v.action;
  if (!ACTIONS.includes(action.type as SessionAction['type'])) return false;
  if (action.type === 'sql') return typeof action.sql === 'string';
  if (action.type === 'deleteCluster') return true;
  return isObject(action.form);
}

/** The saved workspace, or a reason it cannot be used. */
export function readSavedWorkspace(value: unknown): { workspace: SavedWorkspace } | { problem: string } {
  if (!isObject(value) || typeof value.editorText !== 'string' || !isObject(value.session))
    return { problem: 'The saved Redshift workspace is not in the shape this version writes.' };
  const { journal, nowMs } = value.session;
  if (!Array.isArray(journal) || typeof nowMs !== 'number')
    return { problem: 'The saved Redshift session has no journal of changes.' };
  const bad = journal.findIndex((entry) => !isEntry(entry));
  if (bad !== -1) return { problem: `Change ${bad + 1} of the saved Redshift session is damaged.` };
  return {
    workspace: { editorText: value.editorText, session: { journal: journal as JournalEntry[], nowMs } },
  };
}

/** What the workspace needs of the learner's document. */
export interface ConsoleDocument {
  savedConsole(consoleId: string): unknown;
  saveConsole(consoleId: string, workspace: unknown): void;
  notify(notice: { level: 'warning'; message: string }): void;
}

/**
 * The workspace kept in the learner's document. Typing saves at most every `delayMs` (the last text
 * always lands); changes to the session save at once.
 */
export function documentWorkspaceStore(
  document: ConsoleDocument,
  timers: { setTimeout: (f: () => void, ms: number) => unknown; clearTimeout: (h: unknown) => void } = {
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
  delayMs = 250,
): WorkspaceStore {
  let pending: unknown;
  let latest: SavedWorkspace | undefined;
  let lastSession: SavedWorkspace['session'] | undefined;
  const flush = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
    if (latest) document.saveConsole(REDSHIFT_CONSOLE_ID, latest);
    latest = undefined;
  };
  return {
    load() {
      const value = document.savedConsole(REDSHIFT_CONSOLE_ID);
      if (value === undefined) return null;
      const read = readSavedWorkspace(value);
      if ('problem' in read) {
        document.notify({ level: 'warning', message: `${read.problem} The Redshift console starts fresh.` });
        return null;
      }
      return read.workspace;
    },
    save(workspace) {
      latest = workspace;
      if (workspace.session !== lastSession) {
        lastSession = workspace.session;
        flush();
        return;
      }
      if (pending === undefined) pending = timers.setTimeout(flush, delayMs);
    },
    flush,
  };
}
