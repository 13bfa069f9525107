import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { LabPlayer } from './pages/lab-player';
import { PresenterControls } from './pages/lab-presenter';

test('presenter mode keeps hints and the solution off the projector until revealed', async ({ page }) => {
  const app = new App(page);
  const player = new LabPlayer(app);
  const presenter = new PresenterControls(page);
  await player.open('data-bus');
  const normalSize = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  await presenter.enable();
  const presenterSize = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  expect(presenterSize).toBeGreaterThan(normalSize);
  await expect(presenter.timer).toBeVisible();

  await player.start();
  await expect(player.hints).toContainText('shown to the presenter only');
  await expect(player.hints.getByRole('button')).toHaveCount(0);
  await expect(player.showSolutionButton).toHaveCount(0);

  await presenter.reveal();
  await player.askHint();
  await expect(player.hints.getByRole('listitem')).toHaveCount(1);
  await expect(player.showSolutionButton).toBeVisible();

  await presenter.conceal();
  await expect(player.hints.getByRole('listitem')).toHaveCount(0);
  await expect(player.hints).toContainText('1 of 3 hints shown to the presenter only');
  await expect(player.showSolutionButton).toHaveCount(0);
});

test('the presenter jumps to any lab and step', async ({ page }) => {
  const app = new App(page);
  const presenter = new PresenterControls(page);
  const player = new LabPlayer(app);
  await app.open('/');
  await presenter.enable();
  await presenter.jumpTo('Lambda architecture', 'Step 2: Why it is approximate');
  await expect(app.heading).toHaveText('Lambda architecture');
  await expect(player.stepHeading).toHaveText('Why it is approximate');
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toContainText(
    'assisted',
  );

  // The lab now has progress, so a second jump asks before replacing it.
  await presenter.bar.getByLabel('Jump to').selectOption({ label: 'Lambda architecture' });
  await presenter.bar.getByLabel('Step').selectOption({ label: 'Introduction' });
  await presenter.bar.getByRole('button', { name: 'Go' }).click();
  const confirm = page.getByRole('dialog', { name: "Replace this lab's progress?" });
  await expect(confirm).toContainText('in progress: step 2 of 3');
  await confirm.getByRole('button', { name: 'Jump and replace' }).click();
  await expect(page.getByRole('button', { name: 'Start the lab' })).toBeVisible();
});
