import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../electron/security/web-preferences.ts';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/preload.cjs', false);

  it('isolates the renderer from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableWebSQL).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('loads the CommonJS preload and shows developer tools only when asked', () => {
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  it('opens a titled window no smaller than 1024×700, hidden until first paint', () => {
    const options = mainWindowOptions('/p.cjs', false);
    expect(options.title).toBe('Big Data Day Lab');
    expect(options.minWidth).toBe(1024);
    expect(options.minHeight).toBe(700);
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(700);
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs', false));
  });

  it('the window’s icon is the page’s favicon, byte for byte', () => {
    const root = resolve(import.meta.dirname, '../..');
    expect(readFileSync(join(root, 'electron/assets/app-icon.png'))).toEqual(
      readFileSync(join(root, 'ui/assets/app-icon.png')),
    );
  });

  it('gives the window the app’s icon when one is passed', () => {
    expect(mainWindowOptions('/p.cjs', false, '/icon.png').icon).toBe('/icon.png');
    expect('icon' in mainWindowOptions('/p.cjs', false)).toBe(false);
  });
});
