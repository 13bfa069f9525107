import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, PRESENTER_ZOOM_FACTOR } from '../../electron/app/menu.ts';

const actions = () => ({ exportProgress: vi.fn(), setPresenterText: vi.fn(), showAbout: vi.fn() });
const submenu = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const describeItem = (item: MenuItemConstructorOptions) => item.role ?? item.label ?? item.type;
const click = (item: MenuItemConstructorOptions | undefined, checked = false) =>
  (item?.click as unknown as (menuItem: { checked: boolean }) => void)({ checked });

describe('buildMenuTemplate', () => {
  it('has a small File, View and Help menu on Windows and Linux', () => {
    const template = buildMenuTemplate(actions(), { platform: 'linux', devTools: false });
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&View', '&Help']);
    expect(submenu(template[0]).map(describeItem)).toEqual(['Export progress…', 'separator', 'quit']);
    expect(submenu(template[1]).map(describeItem)).toEqual([
      'reload',
      'separator',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'Presenter text size',
      'separator',
      'togglefullscreen',
    ]);
    expect(submenu(template[2]).map(describeItem)).toEqual(['About Big Data Day Lab']);
  });

  it('runs the export, presenter-text and about actions', () => {
    const spies = actions();
    const template = buildMenuTemplate(spies, { platform: 'win32', devTools: false });
    click(submenu(template[0])[0]);
    expect(spies.exportProgress).toHaveBeenCalledOnce();
    click(
      submenu(template[1]).find((item) => item.label === 'Presenter text size'),
      true,
    );
    expect(spies.setPresenterText).toHaveBeenCalledWith(true);
    click(submenu(template[2])[0]);
    expect(spies.showAbout).toHaveBeenCalledOnce();
    expect(PRESENTER_ZOOM_FACTOR).toBeGreaterThan(1);
  });

  it('offers developer tools only in development builds', () => {
    const dev = buildMenuTemplate(actions(), { platform: 'linux', devTools: true });
    expect(submenu(dev[1]).map(describeItem)).toContain('toggleDevTools');
  });

  it('follows macOS conventions: the app menu first, Close instead of Quit in File', () => {
    const template = buildMenuTemplate(actions(), { platform: 'darwin', devTools: false });
    expect(template[0]?.role).toBe('appMenu');
    expect(submenu(template[1]).map(describeItem)).toContain('close');
  });
});
