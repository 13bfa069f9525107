/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { SECURITY_HEADERS } from './electron/security/csp.ts';

/**
 * sim/ and labs/ run nothing when imported (sim/ is pure by rule; labs are data and functions), so a module
 * of theirs that nothing uses is dropped even when it sits behind a folder's index.ts: the agenda imports a
 * formatter through sim/core/index.ts without loading the rest of sim/core.
 */
function pureModulesOnly(id: string): boolean {
  return !/[\\/](sim|labs)[\\/][^?]*\.ts$/.test(id);
}

/** One renderer build serves both the desktop shell (custom protocol) and the browser mode. */
export default defineConfig({
  root: 'ui',
  base: './',
  publicDir: false,
  plugins: [svelte()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { treeshake: { moduleSideEffects: pureModulesOnly } },
  },
  worker: { format: 'es', rollupOptions: { treeshake: { moduleSideEffects: pureModulesOnly } } },
  // The browser mode is served with the desktop app's own security headers, so both run under one CSP and the
  // end-to-end tests catch anything the desktop app would block.
  preview: { host: '127.0.0.1', port: 4317, strictPort: true, headers: { ...SECURITY_HEADERS } },
  test: {
    root: '.',
    include: [
      'sim/**/*.test.ts',
      'labs/**/*.test.ts',
      'ui/**/*.test.ts',
      'bin/**/*.test.ts',
      'electron/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Worker threads start faster than forked processes: the whole suite took 120 s instead of 146 s.
    pool: 'threads',
    // Many tests run whole simulations (labs replay their solutions through them). Timing is the
    // benchmark's job (`npm run bench`), so a test fails on a wrong answer, not on a busy machine.
    testTimeout: 60_000,
  },
});
