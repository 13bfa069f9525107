/**
 * The SQL editor's CodeMirror 6 setup: Redshift's dialect with highlighting in the theme's colours,
 * completion of keywords and of the database's own tables and columns (updated as tables are created),
 * Ctrl/Cmd-Enter to run the statement under the cursor and Shift-Ctrl/Cmd-Enter to run them all, and an
 * error's place marked in the text. The component (SqlEditor.svelte) only mounts and destroys the view.
 */
import { sql, type SQLNamespace } from '@codemirror/lang-sql';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { RedshiftSql } from './sql-dialect.ts';
import type { ColumnSchema } from './redshift-view.ts';

/** What the editor tells its owner. */
export interface EditorHandlers {
  /** The text changed (every keystroke): the owner saves it. */
  readonly onChange: (text: string) => void;
  /** Ctrl/Cmd-Enter: run the statement at this offset. */
  readonly onRunCurrent: (position: number) => void;
  /** Shift-Ctrl/Cmd-Enter: run the whole script. */
  readonly onRunAll: () => void;
}

/** Tables and their columns, for completion. */
export type EditorSchema = Readonly<Record<string, readonly ColumnSchema[]>>;

/** Colours from the theme's tokens, so both themes keep their contrast. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword], color: 'var(--accent)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--chart-3)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--chart-4)' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--chart-5)' },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--text-muted)',
    fontStyle: 'italic',
  },
]);

const look = EditorView.theme({
  '&': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    fontSize: 'var(--step-0)',
    maxHeight: '24rem',
  },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--text)', minHeight: '10rem' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-2)',
    color: 'var(--text-muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)',
  },
  '&.cm-focused': { outline: 'var(--focus-width) solid var(--focus)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-text)',
  },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
  '.cm-lintRange-error': { textDecoration: 'underline wavy var(--error)', backgroundImage: 'none' },
});

/** lang-sql's completion namespace from the database's tables. */
export function completionSchema(schema: EditorSchema): SQLNamespace {
  const namespace: Record<string, SQLNamespace> = {};
  for (const [table, columns] of Object.entries(schema)) {
    namespace[table] = columns.map((c) => ({ label: c.name, type: 'property', detail: c.type }));
  }
  return namespace;
}

const language = new Compartment();

function languageFor(schema: EditorSchema): Extension {
  return sql({ dialect: RedshiftSql, schema: completionSchema(schema), upperCaseKeywords: true });
}

/**
 * Creates the editor with `text` inside `host`, in a shadow root of its own: CodeMirror writes its styles
 * as a constructed style sheet there, where a document would get a `<style>` element that the app's
 * Content-Security-Policy (`style-src 'self'`) blocks. The theme's custom properties still reach it.
 */
export function createSqlEditor(
  host: HTMLElement,
  text: string,
  schema: EditorSchema,
  handlers: EditorHandlers,
): EditorView {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = root.appendChild(document.createElement('div'));
  const runKeys = Prec.highest(
    keymap.of([
      { key: 'Mod-Enter', run: (view) => (handlers.onRunCurrent(view.state.selection.main.head), true) },
      { key: 'Shift-Mod-Enter', run: () => (handlers.onRunAll(), true) },
    ]),
  );
  return new EditorView({
    parent,
    root,
    state: EditorState.create({
      doc: text,
      extensions: [
        runKeys,
        basicSetup,
        language.of(languageFor(schema)),
        syntaxHighlighting(highlight),
        look,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-label': 'SQL editor',
          'aria-multiline': 'true',
          tabindex: '0',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) handlers.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Completion from a new set of tables (after CREATE TABLE or DROP TABLE). */
export function updateSchema(view: EditorView, schema: EditorSchema): void {
  view.dispatch({ effects: language.reconfigure(languageFor(schema)) });
}

/** Marks an error at `from`–`to` with its message, or clears the marks (`null`). */
export function markError(
  view: EditorView,
  error: { from: number; to: number; message: string } | null,
): void {
  const length = view.state.doc.length;
  const diagnostics =
    error === null
      ? []
      : [
          {
            from: Math.min(error.from, length),
            to: Math.min(Math.max(error.to, error.from + 1), length),
            severity: 'error' as const,
            message: error.message,
          },
        ];
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Moves the cursor to `offset` and focuses the editor (to show an error's place). */
export function revealOffset(view: EditorView, offset: number): void {
  const at = Math.min(offset, view.state.doc.length);
  view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  view.focus();
}
