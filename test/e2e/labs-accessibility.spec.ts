import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { expectAccessibleInBothThemes, openAllDisclosures } from './pages/axe';
import { LabPlayer } from './pages/lab-player';
import { PresenterControls } from './pages/lab-presenter';
import { seedProgress } from './pages/lab-states';

/** The lab player in each lab, mid-step with hints shown, must have no serious or critical axe-core violations. */
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

test.describe('lab player accessibility in the light and dark themes', () => {
  for (const state of labs) {
    test(`${state.labId} has no serious or critical violations`, async ({ page }) => {
      const player = new LabPlayer(new App(page));
      await seedProgress(page, [{ ...state, hints: 2 }]);
      await player.open(state.labId, { keepStorage: true });
      await expect(player.stepHeading).toBeVisible();
      await openAllDisclosures(page);
      await expectAccessibleInBothThemes(page);
    });
  }

  test('intro, completion summary and presenter mode have no serious or critical violations', async ({
    page,
  }) => {
    // Six axe runs and a whole lab: on the shared two-core machine this needs more than the default 30 s.
    test.slow();
    const player = new LabPlayer(new App(page));
    await player.open('data-bus');
    await openAllDisclosures(page);
    await expectAccessibleInBothThemes(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await player.start();
    await player.showSolution();
    for (let step = 0; step < 3; step += 1) {
      await player.next();
      await player.showSolution();
    }
    await player.next();
    await expect(player.summary).toBeVisible();
    await openAllDisclosures(page);
    await expectAccessibleInBothThemes(page);
    await new PresenterControls(page).enable();
    await openAllDisclosures(page);
    await expectAccessibleInBothThemes(page);
  });
});
