import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own (non-role) items do; main supplies them. */
export interface MenuActions {
  /** Saves the learner's progress document to a file they choose. */
  readonly exportProgress: () => void;
  /** Turns presenter-size text (for a projector) on or off. */
  readonly setPresenterText: (on: boolean) => void;
  /** Shows the About panel. */
  readonly showAbout: () => void;
}

/** Zoom factor of presenter-size text: readable from the back of a training room. */
export const PRESENTER_ZOOM_FACTOR = 1.5;

/**
 * The application menu, kept small: File (export progress, quit), View (reload, zoom, presenter text,
 * full screen; developer tools only in development builds) and Help (about). On macOS the app menu comes first.
 */
export function buildMenuTemplate(
  actions: MenuActions,
  options: { readonly platform: NodeJS.Platform; readonly devTools: boolean },
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Export progress…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportProgress() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      {
        label: 'Presenter text size',
        type: 'checkbox',
        checked: false,
        accelerator: 'CmdOrCtrl+Shift+P',
        click: (item) => actions.setPresenterText(item.checked),
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools ? [{ role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    submenu: [{ label: 'About Big Data Day Lab', click: () => actions.showAbout() }],
  };
  return isMac ? [{ role: 'appMenu' }, file, view, help] : [file, view, help];
}
