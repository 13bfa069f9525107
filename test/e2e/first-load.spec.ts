import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser } from '@playwright/test';
import { AGENDA_INITIAL_JS_BUDGET_GZIP_BYTES, gzipBytes } from '../bench/bundle-size';
import { median } from '../bench/bench';

/**
 * The first screen loads only what it shows. On a cold load (a new browser context: empty cache, no saved
 * work), the agenda's JavaScript (every script the browser fetched until the agenda could be used) stays
 * within its gzipped budget, and the time from navigation start to the agenda's first interactive control
 * is printed for the closing note: a figure, not a timed assertion (the machine is shared).
 *
 * playwright.config.ts runs this file after every other test, alone, so no other browser competes for the
 * CPU while it measures. Run it on its own with `npx playwright test first-load --no-deps`.
 */
const dist = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const COLD_LOADS = 5;

/** One cold load of the agenda: the scripts fetched and the timings the page recorded. */
async function coldLoad(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // Records, from navigation start, when the agenda's first lab link appears and when the task that put it
  // there has ended (the link then answers a click), and the main thread's long tasks.
  await page.addInitScript(() => {
    const timings = { firstControl: -1, interactive: -1, longTasksMs: 0 };
    (window as unknown as { loadTimings: typeof timings }).loadTimings = timings;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) timings.longTasksMs += entry.duration;
    }).observe({ type: 'longtask', buffered: true });
    const observer = new MutationObserver(() => {
      if (!document.querySelector('main a[href^="#/lab/"]')) return;
      observer.disconnect();
      timings.firstControl = performance.now();
      setTimeout(() => (timings.interactive = performance.now()), 0);
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('./');
  await expect(page.getByRole('link', { name: 'The data bus' })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as { loadTimings: { interactive: number } }).loadTimings.interactive,
      ),
    )
    .toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
  const result = await page.evaluate(() => ({
    ...(
      window as unknown as { loadTimings: { firstControl: number; interactive: number; longTasksMs: number } }
    ).loadTimings,
    firstScreenMark: performance.getEntriesByName('bdlab:first-screen')[0]?.startTime ?? -1,
  }));
  await context.close();
  return { scripts, ...result };
}

test('a cold load of the agenda fetches its own code only, within budget, and reports its time to interactive', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const loads = [];
  for (let i = 0; i < COLD_LOADS; i += 1) loads.push(await coldLoad(browser, baseURL!));

  const scripts = [...new Set(loads[0]!.scripts)];
  const sizes = scripts.map((path) => {
    const content = readFileSync(`${dist}${path.replace(/^\//, '')}`);
    return { path, raw: content.length, gzip: gzipBytes(content) };
  });
  const raw = sizes.reduce((sum, file) => sum + file.raw, 0);
  const gzip = sizes.reduce((sum, file) => sum + file.gzip, 0);
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms (median of ${values.length})`;
  const report = [
    `agenda's JavaScript on a cold load: ${scripts.length} files, ${(raw / 1000).toFixed(1)} kB raw, ${(gzip / 1000).toFixed(1)} kB gzipped (budget ${AGENDA_INITIAL_JS_BUDGET_GZIP_BYTES / 1000} kB)`,
    ...sizes.map(
      (file) =>
        `  ${file.path}: ${(file.raw / 1000).toFixed(1)} kB, ${(file.gzip / 1000).toFixed(1)} kB gzipped`,
    ),
    `navigation start → first lab link in the page: ${ms(loads.map((load) => load.firstControl))}`,
    `navigation start → agenda interactive (the task that drew it ended): ${ms(loads.map((load) => load.interactive))}`,
    `long tasks on the main thread during the load: ${ms(loads.map((load) => load.longTasksMs))}`,
  ];
  console.log(report.join('\n'));
  test.info().annotations.push({ type: 'first load', description: report.join('\n') });

  expect(loads.every((load) => load.firstScreenMark > 0 && load.firstScreenMark <= load.interactive)).toBe(
    true,
  );
  expect(gzip, report[0]).toBeLessThanOrEqual(AGENDA_INITIAL_JS_BUDGET_GZIP_BYTES);
});
