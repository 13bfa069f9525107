/**
 * The Redshift console's workspace for the whole app run: the editor's text and the session (worker,
 * journal, results). Both outlive the page; both are saved through `WorkspaceStore` as the learner types
 * and works, so the editor's text and every table and load come back when the app is opened again.
 */
import { RedshiftSession, type SavedSession, type SessionHost } from './redshift-session.svelte.ts';
import { WORKSHOP_SCRIPT } from './workshop-script.ts';

/** What the workspace saves. */
export interface SavedWorkspace {
  readonly editorText: string;
  readonly session: SavedSession;
}

/** Where the workspace is kept between app runs (the learner's document). */
export interface WorkspaceStore {
  load(): SavedWorkspace | null;
  save(workspace: SavedWorkspace): void;
  /** Saves at once what is waiting to be saved (before a run, or when the page goes away). */
  flush(): void;
}

/** The editor's text as rune state, saved on every change. */
export class EditorText {
  text: string = $state('');
  readonly #save: (text: string) => void;

  constructor(initial: string, save: (text: string) => void) {
    this.text = initial;
    this.#save = save;
  }

  set(text: string): void {
    this.text = text;
    this.#save(text);
  }
}

/** The workspace: editor text and session together. */
export interface Workspace {
  readonly editor: EditorText;
  readonly session: RedshiftSession;
  /** Saves the editor's text and the clock now instead of after the typing pause. */
  flush(): void;
}

let workspace: Workspace | undefined;

/** The workspace, created on first use from what `store` saved; later calls return the same one. */
export function redshiftWorkspace(store: WorkspaceStore, host: Omit<SessionHost, 'save'>): Workspace {
  if (workspace !== undefined) return workspace;
  const saved = store.load();
  let editorText = saved?.editorText ?? WORKSHOP_SCRIPT;
  let session: SavedSession = saved?.session ?? { journal: [], nowMs: 0 };
  const save = () => store.save({ editorText, session });
  const editor = new EditorText(editorText, (text) => {
    editorText = text;
    save();
  });
  const redshift = new RedshiftSession(
    {
      ...host,
      save: (next) => {
        session = next;
        save();
      },
    },
    session,
  );
  const flush = () => {
    // The clock has moved since the last change: keep where it is, so a rebuild ends there too.
    session = redshift.snapshot();
    save();
    store.flush();
  };
  workspace = { editor, session: redshift, flush };
  return workspace;
}

/** Forgets the workspace (tests only: the app keeps one for its lifetime). */
export function resetWorkspaceForTests(): void {
  workspace?.session.client.destroy();
  workspace = undefined;
}
