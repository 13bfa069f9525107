import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set E2E_PORT to run two end-to-end suites side by side. */
const port = Number(process.env.E2E_PORT ?? 4318);

/**
 * Browsers side by side: two by default, one per core of the CI machine. Every test gets its own browser
 * context (its own local storage) and writes only files named for it, so tests share nothing but the
 * `vite preview` server, which only serves files. E2E_WORKERS=1 runs them one at a time.
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);
if (!Number.isInteger(workers) || workers < 1) {
  throw new Error(`E2E_WORKERS must be a whole number from 1, not "${process.env.E2E_WORKERS}".`);
}

/**
 * Tests that time the page (the cold load's time to interactive, the main thread's longest task while a lab
 * re-derives) run after every other test and one at a time, so no other browser competes for the CPU while
 * they measure. Running one of these files by itself runs the others first unless told `--no-deps`.
 */
const timed = ['first-load.spec.ts', 'labs-derive-off-thread.spec.ts'];

/** End-to-end tests run Debian's Chromium against the production web build served by `vite preview`. */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: '.tmp/test-results',
  fullyParallel: true,
  workers,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: timed },
    { name: 'timed, alone', testMatch: timed, dependencies: ['chromium'], workers: 1 },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
