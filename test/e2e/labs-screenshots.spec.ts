import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { LabPlayer } from './pages/lab-player';
import { PresenterControls } from './pages/lab-presenter';
import { seedProgress } from './pages/lab-states';
import { screenshotPath } from './pages/screenshots';

/**
 * Screenshots of each lab mid-way and of the presenter view, at a laptop and a projector size, in both
 * themes, into .tmp/screenshots for people to look at. Each also checks nothing scrolls sideways.
 */
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const states = [
  { labId: 'data-bus', stepIndex: 2, partial: 3, hints: 1 },
  { labId: 'right-tool', stepIndex: 0, partial: 4, hints: 1 },
  { labId: 'lambda-architecture', stepIndex: 0, partial: 2, hints: 1 },
  { labId: 'big-data-small-cost', stepIndex: 2, partial: 1, hints: 1 },
  { labId: 'partition-keys', stepIndex: 1, partial: 1, hints: 1 },
  { labId: 'provision-shards', stepIndex: 1, partial: 1, hints: 1 },
  { labId: 'hot-shard', stepIndex: 1, partial: 1, hints: 1 },
  { labId: 'kpl-aggregation', stepIndex: 1, partial: 1, hints: 1 },
  { labId: 'kcl-scaling', stepIndex: 1, partial: 1, hints: 1 },
  { labId: 'consumers-compared', stepIndex: 1, partial: 1, hints: 1 },
  { labId: 'streams-vs-firehose', stepIndex: 1, partial: 1, hints: 1 },
  { labId: 'firehose-buffering', stepIndex: 1, partial: 1, hints: 1 },
];

for (const size of sizes) {
  test(`lab screenshots at ${size.width}×${size.height}, light and dark themes`, async ({ page }) => {
    // Twelve labs and the presenter view, each in two themes.
    test.slow();
    await page.setViewportSize(size);
    const app = new App(page);
    const player = new LabPlayer(app);
    await seedProgress(page, states);
    // Each screen once per load, in both themes: the app follows the system colour scheme live.
    const shoot = async (name: string) => {
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        // The whole page in a window as tall as it, so the step's sticky footer rests at the end of its column
        // instead of being drawn over the middle of a full-page capture.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: size.width, height: Math.max(height, size.height) });
        await page.screenshot({ path: screenshotPath(`${name}-${size.width}x${size.height}-${theme}`) });
        await page.setViewportSize(size);
      }
    };
    for (const state of states) {
      await player.open(state.labId, { keepStorage: true });
      await expect(player.stepHeading).toBeVisible();
      await shoot(`lab-${state.labId}`);
    }
    await app.open('/', { keepStorage: true });
    await shoot('agenda-with-progress');

    await player.open('data-bus', { keepStorage: true });
    await new PresenterControls(page).enable();
    await expect(player.stepHeading).toBeVisible();
    await shoot('presenter-data-bus');
    // A hash change: presenter mode stays on.
    await player.open('lambda-architecture', { keepStorage: true });
    await shoot('presenter-lambda-architecture');

    // A fresh load: presenter mode is off again, and the data bus is completed.
    await seedProgress(page, [{ labId: 'data-bus', stepIndex: 0, completed: true, hints: 2 }]);
    await player.open('data-bus', { keepStorage: true });
    await expect(player.summaryFigure('Time spent')).toHaveText('20 min 0 s');
    await expect(player.summaryFigure('Solutions shown')).toHaveText('1');
    await shoot('lab-completed-summary');
  });
}
