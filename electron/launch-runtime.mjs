import { join } from 'node:path';

/** The one line printed when the Electron runtime cannot be obtained. */
export const RUNTIME_UNAVAILABLE_MESSAGE =
  'bdlab: the Electron runtime could not be downloaded on this machine; run `npm run web` to use Big Data Day Lab in your browser.';
/** The one line printed when there is no graphical display to open a window on. */
export const NO_DISPLAY_MESSAGE =
  'bdlab: no graphical display found (neither DISPLAY nor WAYLAND_DISPLAY is set); run `npm run web` and open the printed URL in a browser.';
/** The one line printed when started as root on Linux, where Chromium refuses to keep its sandbox. */
export const ROOT_MESSAGE =
  'bdlab: the desktop app does not run as root (Chromium would have to turn its sandbox off); start it as a normal user, or run `npm run web`.';
/** The one line printed when the build before launch fails (its own errors are printed above it). */
export const BUILD_FAILED_MESSAGE =
  'bdlab: the build failed (see the errors above); fix them and run `npm start` again.';
/** How long a download may run before the launcher says it is downloading. */
export const DOWNLOAD_NOTICE_AFTER_MS = 1500;

/**
 * Where the Electron binary is, following the `electron` package's own rules (its `path.txt`, its `dist`
 * folder, and `ELECTRON_OVERRIDE_DIST_PATH`), without triggering its download.
 * @param {{ electronDir: string, env: Record<string, string | undefined>,
 *   exists: (path: string) => boolean, readText: (path: string) => string | undefined }} facts
 * @returns {{ found: true, binary: string } | { found: false }}
 */
export function locateElectronBinary({ electronDir, env, exists, readText }) {
  const relative = readText(join(electronDir, 'path.txt'))?.trim();
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative || 'electron');
    return exists(binary) ? { found: true, binary } : { found: false };
  }
  if (!relative) return { found: false };
  const binary = join(electronDir, 'dist', relative);
  return exists(binary) ? { found: true, binary } : { found: false };
}

/**
 * Whether the desktop app can start here, before anything is built: the runtime must exist, Linux needs a
 * display, and Chromium's sandbox must stay on (it refuses to run as root without `--no-sandbox`).
 * @param {{ runtime: { found: true, binary: string } | { found: false }, platform: string,
 *   env: Record<string, string | undefined>, uid: number | undefined }} facts
 * @returns {{ action: 'launch', binary: string } | { action: 'refuse', message: string }}
 */
export function decideLaunch({ runtime, platform, env, uid }) {
  if (!runtime.found) return { action: 'refuse', message: RUNTIME_UNAVAILABLE_MESSAGE };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { action: 'refuse', message: NO_DISPLAY_MESSAGE };
  if (platform === 'linux' && uid === 0) return { action: 'refuse', message: ROOT_MESSAGE };
  return { action: 'launch', binary: runtime.binary };
}

/**
 * The environment Electron starts with: the caller's, minus variables that would turn the app into a plain
 * Node process or weaken it.
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string | undefined>}
 */
export function electronEnvironment(env) {
  const { ELECTRON_RUN_AS_NODE: _runAsNode, NODE_OPTIONS: _nodeOptions, ...rest } = env;
  return rest;
}

/**
 * The whole `npm start` flow with its effects injected: find (or download) the runtime, decide, build,
 * launch. Prints exactly one line and returns 1 when the app cannot start; otherwise returns Electron's
 * exit code.
 * @param {{
 *   locate: () => { found: true, binary: string } | { found: false },
 *   download: () => Promise<boolean>,
 *   platform: string, env: Record<string, string | undefined>, uid: number | undefined,
 *   build: () => Promise<boolean>,
 *   spawnElectron: (binary: string) => Promise<number>,
 *   printError: (line: string) => void,
 * }} effects
 * @returns {Promise<number>}
 */
export async function runLauncher(effects) {
  let runtime = effects.locate();
  if (!runtime.found && (await effects.download())) runtime = effects.locate();
  const decision = decideLaunch({ runtime, platform: effects.platform, env: effects.env, uid: effects.uid });
  if (decision.action === 'refuse') {
    effects.printError(decision.message);
    return 1;
  }
  if (!(await effects.build())) {
    effects.printError(BUILD_FAILED_MESSAGE);
    return 1;
  }
  return effects.spawnElectron(decision.binary);
}
