#!/usr/bin/env node
// `npm start`: checks that the desktop app can run here, builds it, and starts Electron on it. When it cannot
// run (no Electron runtime, no display, root), prints one line naming `npm run web` and exits 1.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  DOWNLOAD_NOTICE_AFTER_MS,
  electronEnvironment,
  locateElectronBinary,
  runLauncher,
} from './launch-runtime.mjs';

const appRoot = resolve(import.meta.dirname, '..');
// The build configs resolve their paths from the working directory.
process.chdir(appRoot);

function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

const electronDir = electronPackageDir();

function locate() {
  if (electronDir === undefined) return { found: false };
  return locateElectronBinary({
    electronDir,
    env: process.env,
    exists: existsSync,
    readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  });
}

/** Runs the `electron` package's installer quietly; says so only if it takes long enough to notice. */
function download() {
  const installer = electronDir === undefined ? undefined : join(electronDir, 'install.js');
  if (installer === undefined || !existsSync(installer)) return Promise.resolve(false);
  return new Promise((done) => {
    const output = [];
    const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'pipe', 'pipe'] });
    const notice = setTimeout(
      () => console.error('bdlab: downloading the Electron runtime (first start only)…'),
      DOWNLOAD_NOTICE_AFTER_MS,
    );
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const finish = (succeeded) => {
      clearTimeout(notice);
      if (!succeeded && process.env.BDLAB_DEBUG) process.stderr.write(Buffer.concat(output));
      done(succeeded);
    };
    child.on('error', () => finish(false));
    child.on('close', (code) => finish(code === 0));
  });
}

/** Builds the renderer (`dist/web`) and then main and preload (`out/`), as `npm run build` does. */
async function build() {
  try {
    const vite = await import('vite');
    await vite.build({ configFile: join(appRoot, 'vite.config.ts'), logLevel: 'warn' });
    const electronVite = await import('electron-vite');
    await electronVite.build({ configFile: join(appRoot, 'electron.vite.config.ts'), logLevel: 'warn' });
    return true;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return false;
  }
}

function spawnElectron(binary) {
  return new Promise((done) => {
    const child = spawn(binary, [appRoot], { stdio: 'inherit', env: electronEnvironment(process.env) });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('error', (error) => {
      console.error(`bdlab: could not start Electron (${error.message}); run \`npm run web\` instead.`);
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

process.exitCode = await runLauncher({
  locate,
  download,
  platform: process.platform,
  env: process.env,
  uid: process.getuid?.(),
  build,
  spawnElectron,
  printError: (line) => console.error(line),
});
