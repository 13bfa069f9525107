/** Types for `launch-runtime.mjs` (plain JavaScript so `npm start` runs it with Node alone). */

/** Where the Electron binary is, or that it is not there. */
export type RuntimeLocation = { found: true; binary: string } | { found: false };
/** Start the app with this binary, or refuse with one line. */
export type LaunchDecision = { action: 'launch'; binary: string } | { action: 'refuse'; message: string };
/** A process environment. */
export type Environment = Record<string, string | undefined>;

export const RUNTIME_UNAVAILABLE_MESSAGE: string;
export const NO_DISPLAY_MESSAGE: string;
export const ROOT_MESSAGE: string;
export const BUILD_FAILED_MESSAGE: string;
export const DOWNLOAD_NOTICE_AFTER_MS: number;

/** Where the Electron binary is, following the `electron` package's rules, without downloading it. */
export function locateElectronBinary(facts: {
  electronDir: string;
  env: Environment;
  exists: (path: string) => boolean;
  readText: (path: string) => string | undefined;
}): RuntimeLocation;

/** Whether the desktop app can start here. */
export function decideLaunch(facts: {
  runtime: RuntimeLocation;
  platform: string;
  env: Environment;
  uid: number | undefined;
}): LaunchDecision;

/** The environment Electron starts with (no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS). */
export function electronEnvironment(env: Environment): Environment;

/** The whole `npm start` flow with its effects injected; resolves to the process exit code. */
export function runLauncher(effects: {
  locate: () => RuntimeLocation;
  download: () => Promise<boolean>;
  platform: string;
  env: Environment;
  uid: number | undefined;
  build: () => Promise<boolean>;
  spawnElectron: (binary: string) => Promise<number>;
  printError: (line: string) => void;
}): Promise<number>;
