import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { App } from './pages/app';
import { LabPlayer } from './pages/lab-player';
import { PresenterControls } from './pages/lab-presenter';
import { seedProgress } from './pages/lab-states';

/** The lab player in each lab, mid-step with hints shown, must have no serious or critical axe-core violations. */
async function seriousViolations(page: Page) {
  await page.locator('details').evaluateAll((elements) => {
    for (const element of elements) (element as HTMLDetailsElement).open = true;
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

const labs = [
  { labId: 'data-bus', stepIndex: 1, partial: 2 },
  { labId: 'right-tool', stepIndex: 0, partial: 3 },
  { labId: 'lambda-architecture', stepIndex: 0, partial: 2 },
  { labId: 'big-data-small-cost', stepIndex: 2, partial: 1 },
  { labId: 'partition-keys', stepIndex: 1, partial: 1 },
  { labId: 'provision-shards', stepIndex: 1, partial: 1 },
  { labId: 'hot-shard', stepIndex: 1, partial: 1 },
  { labId: 'kpl-aggregation', stepIndex: 1, partial: 1 },
  { labId: 'kcl-scaling', stepIndex: 1, partial: 1 },
  { labId: 'consumers-compared', stepIndex: 1, partial: 1 },
  { labId: 'streams-vs-firehose', stepIndex: 1, partial: 1 },
  { labId: 'firehose-buffering', stepIndex: 1, partial: 1 },
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`lab player accessibility, ${theme} theme`, () => {
    for (const state of labs) {
      test(`${state.labId} has no serious or critical violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        const app = new App(page);
        const player = new LabPlayer(app);
        await seedProgress(page, [{ ...state, hints: 2 }]);
        await player.open(state.labId, { keepStorage: true });
        await expect(player.stepHeading).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test('intro, completion summary and presenter mode have no serious or critical violations', async ({
      page,
    }) => {
      // Three axe runs and a whole lab: on the shared two-core machine this needs more than the default 30 s.
      test.slow();
      await page.emulateMedia({ colorScheme: theme });
      const app = new App(page);
      const player = new LabPlayer(app);
      await player.open('data-bus');
      expect(await seriousViolations(page)).toEqual([]);
      await player.start();
      await player.showSolution();
      for (let step = 0; step < 3; step += 1) {
        await player.next();
        await player.showSolution();
      }
      await player.next();
      await expect(player.summary).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await new PresenterControls(page).enable();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
