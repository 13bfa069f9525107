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
  await presenter.jumpTo('Lambda architecture', 'Introduction');
  const confirm = page.getByRole('dialog', { name: "Replace this lab's progress?" });
  await expect(confirm).toContainText('in progress: step 2 of 3');
  await confirm.getByRole('button', { name: 'Jump and replace' }).click();
  await expect(page.getByRole('button', { name: 'Start the lab' })).toBeVisible();
});

test('the session timer counts down to the slot’s end and says what comes next', async ({ page }) => {
  await page.clock.setFixedTime(new Date(2026, 5, 14, 14, 20, 0));
  const app = new App(page);
  const presenter = new PresenterControls(page);
  await app.open('/');
  await presenter.enable();
  await expect(presenter.timer).toContainText('Session 2 · Real-time streaming');
  await expect(presenter.timer).toContainText('40:00 left');
  await expect(presenter.timer).toContainText('labs 50 min of 1 h');
  await expect(presenter.timer).toContainText('next: Break at 3:00 pm');

  await page.clock.setFixedTime(new Date(2026, 5, 14, 17, 0, 0));
  await expect(presenter.timer).toContainText('Session 4 · Your first big data application');
  await expect(presenter.timer).toContainText('15:00 left');
  await expect(presenter.timer).toContainText('the day ends at 5:15 pm');

  await page.clock.setFixedTime(new Date(2026, 5, 14, 17, 20, 0));
  await expect(presenter.timer).toContainText('The day is over');
});

test('at 1280×800 the header and the presenter bar take one line each, not a third of the screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new App(page);
  const presenter = new PresenterControls(page);
  await app.open('/lab/hot-shard');
  await presenter.enable();
  const header = await page.getByRole('banner').boundingBox();
  const bar = await presenter.bar.boundingBox();
  expect(header!.height + bar!.height).toBeLessThan(800 / 5);
  // The jump menu opens on demand and still reaches every lab.
  await presenter.openJump();
  await expect(presenter.bar.getByLabel('Jump to')).toBeVisible();
});
