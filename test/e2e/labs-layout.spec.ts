import { expect, test } from '@playwright/test';
import { findLab } from '../../labs';
import { App } from './pages/app';
import { LabPlayer } from './pages/lab-player';
import { PresenterControls } from './pages/lab-presenter';
import { seedProgress } from './pages/lab-states';

/**
 * Whether the step is done, and "Next step", stay on screen on a 1280×800 laptop however long the step's
 * instructions or its explorable are: at the top of the page, after scrolling through the explorable, and
 * with the presenter's larger type.
 */
const laptop = { width: 1280, height: 800 };

/** Steps whose instructions or explorable are far taller than the window (one session-1 lab, the rest streaming). */
const solvedSteps = [
  { labId: 'right-tool', stepIndex: 0 },
  { labId: 'data-bus', stepIndex: 2 },
  { labId: 'hot-shard', stepIndex: 1 },
  { labId: 'kpl-aggregation', stepIndex: 2 },
  { labId: 'consumers-compared', stepIndex: 0 },
  { labId: 'firehose-buffering', stepIndex: 0 },
];

test.use({ viewport: laptop });

for (const { labId, stepIndex } of solvedSteps) {
  test(`${labId} step ${stepIndex + 1}: solved, and Next step in view from the top to the bottom of the page`, async ({
    page,
  }) => {
    const player = new LabPlayer(new App(page));
    await seedProgress(page, [{ labId, stepIndex, partial: Number.POSITIVE_INFINITY }]);
    await player.open(labId, { keepStorage: true });
    await expect(player.stepStatus).toContainText('Step solved');
    await expect(player.stepStatus).toBeInViewport({ ratio: 1 });
    await expect(player.nextButton).toBeEnabled();
    await expect(player.nextButton).toBeInViewport({ ratio: 1 });

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(player.nextButton).toBeInViewport({ ratio: 1 });
    await player.nextButton.click();
    if (stepIndex === findLab(labId)!.steps.length - 1) await expect(player.summary).toBeVisible();
    else await expect(player.stepOf).toHaveText(new RegExp(`^Step ${stepIndex + 2} of`));
  });
}

test('before the step is solved, the footer says how much is done and why Next step is not open yet', async ({
  page,
}) => {
  const player = new LabPlayer(new App(page));
  await seedProgress(page, [{ labId: 'hot-shard', stepIndex: 1 }]);
  await player.open('hot-shard', { keepStorage: true });
  await expect(player.stepStatus).toHaveText(
    /Checklist: 0 of 2 done\.\s*Next step opens when all are done\./,
  );
  await expect(player.nextButton).toBeDisabled();
  await expect(player.nextButton).toBeInViewport({ ratio: 1 });
});

test('keyboard focus on the instructions column is never hidden under the step footer', async ({ page }) => {
  const player = new LabPlayer(new App(page));
  await seedProgress(page, [{ labId: 'right-tool', stepIndex: 0, hints: 1 }]);
  await player.open('right-tool', { keepStorage: true });
  const hint = player.hints.getByRole('button', { name: /Show the next hint/ });
  // Tab from the step heading to the hint button, the way a keyboard user reaches it.
  await player.stepHeading.focus();
  for (let i = 0; i < 20 && !(await hint.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(hint).toBeFocused();
  const footer = (await page.locator('[data-step-footer]').boundingBox())!;
  const focused = (await hint.boundingBox())!;
  expect(focused.y + focused.height).toBeLessThanOrEqual(footer.y);
  await expect(hint).toBeInViewport({ ratio: 1 });
});

test('in presenter mode, with larger type, Next step stays in view', async ({ page }) => {
  const player = new LabPlayer(new App(page));
  await seedProgress(page, [{ labId: 'kpl-aggregation', stepIndex: 2, partial: Number.POSITIVE_INFINITY }]);
  await player.open('kpl-aggregation', { keepStorage: true });
  await new PresenterControls(page).enable();
  await expect(player.nextButton).toBeEnabled();
  await expect(player.nextButton).toBeInViewport({ ratio: 1 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(player.nextButton).toBeInViewport({ ratio: 1 });
});
