import { describe, expect, it, vi } from 'vitest';
import {
  BUILD_FAILED_MESSAGE,
  NO_DISPLAY_MESSAGE,
  ROOT_MESSAGE,
  RUNTIME_UNAVAILABLE_MESSAGE,
  decideLaunch,
  electronEnvironment,
  locateElectronBinary,
  runLauncher,
} from '../../electron/launch-runtime.mjs';

const files = (present: Record<string, string>) => ({
  exists: (path: string) => path in present,
  readText: (path: string) => present[path],
});

describe('locateElectronBinary', () => {
  it('finds the binary the electron package recorded in path.txt', () => {
    const fs = files({ '/e/path.txt': 'electron', '/e/dist/electron': '' });
    expect(locateElectronBinary({ electronDir: '/e', env: {}, ...fs })).toEqual({
      found: true,
      binary: '/e/dist/electron',
    });
  });

  it('reports missing when the download never happened or left no binary', () => {
    expect(locateElectronBinary({ electronDir: '/e', env: {}, ...files({}) })).toEqual({ found: false });
    expect(
      locateElectronBinary({ electronDir: '/e', env: {}, ...files({ '/e/path.txt': 'electron' }) }),
    ).toEqual({
      found: false,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const fs = files({ '/custom/electron': '' });
    expect(
      locateElectronBinary({ electronDir: '/e', env: { ELECTRON_OVERRIDE_DIST_PATH: '/custom' }, ...fs }),
    ).toEqual({ found: true, binary: '/custom/electron' });
  });
});

describe('decideLaunch', () => {
  const runtime = { found: true as const, binary: '/e/dist/electron' };
  const desktop = { DISPLAY: ':0' };

  it('refuses with one line naming npm run web when the runtime is missing', () => {
    expect(decideLaunch({ runtime: { found: false }, platform: 'linux', env: desktop, uid: 1000 })).toEqual({
      action: 'refuse',
      message: RUNTIME_UNAVAILABLE_MESSAGE,
    });
    expect(RUNTIME_UNAVAILABLE_MESSAGE).toContain('could not be downloaded');
    expect(RUNTIME_UNAVAILABLE_MESSAGE).toContain('`npm run web`');
    expect(RUNTIME_UNAVAILABLE_MESSAGE).not.toContain('\n');
  });

  it('refuses on Linux without a display, and as root (the sandbox must stay on)', () => {
    expect(decideLaunch({ runtime, platform: 'linux', env: {}, uid: 1000 })).toEqual({
      action: 'refuse',
      message: NO_DISPLAY_MESSAGE,
    });
    expect(decideLaunch({ runtime, platform: 'linux', env: desktop, uid: 0 })).toEqual({
      action: 'refuse',
      message: ROOT_MESSAGE,
    });
    for (const message of [NO_DISPLAY_MESSAGE, ROOT_MESSAGE]) expect(message).toContain('`npm run web`');
  });

  it('launches on a Linux desktop (X11 or Wayland) and on macOS and Windows', () => {
    const launch = { action: 'launch', binary: runtime.binary };
    expect(decideLaunch({ runtime, platform: 'linux', env: desktop, uid: 1000 })).toEqual(launch);
    expect(
      decideLaunch({ runtime, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, uid: 1000 }),
    ).toEqual(launch);
    expect(decideLaunch({ runtime, platform: 'darwin', env: {}, uid: 501 })).toEqual(launch);
    expect(decideLaunch({ runtime, platform: 'win32', env: {}, uid: undefined })).toEqual(launch);
  });
});

describe('runLauncher', () => {
  const setup = (overrides: Partial<Parameters<typeof runLauncher>[0]> = {}) => {
    const printed: string[] = [];
    const effects = {
      locate: vi.fn(() => ({ found: false as const })),
      download: vi.fn(async () => false),
      platform: 'linux',
      env: { DISPLAY: ':0' },
      uid: 1000,
      build: vi.fn(async () => true),
      spawnElectron: vi.fn(async () => 0),
      printError: (line: string) => printed.push(line),
      ...overrides,
    };
    return { effects, printed };
  };

  it('prints exactly one line and exits 1 when the runtime cannot be downloaded, building nothing', async () => {
    const { effects, printed } = setup();
    expect(await runLauncher(effects)).toBe(1);
    expect(printed).toEqual([RUNTIME_UNAVAILABLE_MESSAGE]);
    expect(effects.download).toHaveBeenCalledOnce();
    expect(effects.build).not.toHaveBeenCalled();
    expect(effects.spawnElectron).not.toHaveBeenCalled();
  });

  it('downloads, builds, then launches and passes on Electron’s exit code', async () => {
    const locations = [{ found: false as const }, { found: true as const, binary: '/bin/electron' }];
    const { effects, printed } = setup({
      locate: vi.fn(() => locations.shift() ?? { found: false as const }),
      download: vi.fn(async () => true),
      spawnElectron: vi.fn(async () => 3),
    });
    expect(await runLauncher(effects)).toBe(3);
    expect(effects.build).toHaveBeenCalledOnce();
    expect(effects.spawnElectron).toHaveBeenCalledWith('/bin/electron');
    expect(printed).toEqual([]);
  });

  it('does not download when the runtime is already there', async () => {
    const { effects } = setup({ locate: vi.fn(() => ({ found: true as const, binary: '/bin/electron' })) });
    expect(await runLauncher(effects)).toBe(0);
    expect(effects.download).not.toHaveBeenCalled();
  });

  it('stops with one line when the build fails', async () => {
    const { effects, printed } = setup({
      locate: vi.fn(() => ({ found: true as const, binary: '/bin/electron' })),
      build: vi.fn(async () => false),
    });
    expect(await runLauncher(effects)).toBe(1);
    expect(printed).toEqual([BUILD_FAILED_MESSAGE]);
    expect(effects.spawnElectron).not.toHaveBeenCalled();
  });
});

describe('electronEnvironment', () => {
  it('drops variables that would make Electron a plain Node process or inject options', () => {
    expect(
      electronEnvironment({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '--inspect' }),
    ).toEqual({
      PATH: '/bin',
    });
  });
});
