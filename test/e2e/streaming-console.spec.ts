import { expect, test, type Locator } from '@playwright/test';
import { expectAccessibleInBothThemes } from './pages/axe';
import { StreamingConsole } from './pages/streaming-console';
import { screenshotPath } from './pages/screenshots';

test('a hot key throttles one shard; splitting it shows the lineage and the real split-shard command', async ({
  page,
}) => {
  test.slow();
  const console = new StreamingConsole(page);
  await console.open();
  await console.app.navigation.getByRole('link', { name: 'Streaming' }).isVisible();
  await console.start('A hot key');
  await console.setSpeed('10×');
  await console.play();
  const hot = console
    .stream('clicks')
    .locator('figure[data-shard]')
    .filter({ has: page.locator('[data-throttled]') });
  await expect(hot).toHaveCount(1, { timeout: 30_000 });
  await console.pause();
  expect(await console.seconds()).toBeGreaterThan(1);
  expect(await console.seconds()).toBeLessThanOrEqual(5);
  const hotShardId = (await hot.getAttribute('data-shard'))!;

  const split = console.splitForm('clicks');
  await expect(split.getByLabel('Shard to split')).toHaveValue(hotShardId);
  await split.getByRole('button', { name: 'Split shard' }).click();

  const entry = console.actionLog.locator('[data-action-entry]').first();
  await expect(entry).toHaveAttribute('data-outcome', 'ok');
  const command = await entry.locator('[data-cli]').innerText();
  expect(command).toMatch(
    new RegExp(
      `^aws kinesis split-shard --stream-name clicks --shard-to-split ${hotShardId} --new-starting-hash-key \\d+$`,
    ),
  );
  const lineage = console.stream('clicks').locator('[data-lineage]');
  await expect(lineage).toContainText(`SplitShard`);
  await expect(lineage).toContainText(`${hotShardId} → shardId-000000000002 + shardId-000000000003`);
  await expect(console.ingressChart('clicks', 'shardId-000000000002')).toBeVisible();
  await expect(console.stream('clicks').getByText('3 open shards')).toBeVisible();
});

test('the console says what is different today: limits from the two price books and later features', async ({
  page,
}) => {
  const console = new StreamingConsole(page);
  await console.open();
  const era = console.section('What is different today');
  await expect(era).toContainText('This run follows the 2016 workshop');
  const retention = era.locator('[data-limit="kinesis.retentionMaxHours"]');
  await expect(retention).toContainText('168 h');
  await expect(retention).toContainText('8,760 h');
  await expect(era.getByRole('heading', { name: /Enhanced fan-out/ })).toBeVisible();
  await expect(era.locator('[data-feature="Enhanced fan-out"]')).toContainText('Not modelled');
});

test('a custom scenario with a mistake shows the JSON path and keeps the text', async ({ page }) => {
  const console = new StreamingConsole(page);
  await console.open();
  await page.getByText('Custom scenario (JSON)').click();
  const editor = page.getByLabel('Scenario JSON');
  const text =
    '{ "seed": 1, "durationSeconds": 60, "streams": [ { "name": "clicks", "shards": 0 } ], "producers": [] }';
  await editor.fill(text);
  await page.getByRole('button', { name: 'Run this JSON' }).click();
  await expect(page.getByRole('alert')).toContainText('$.streams[0].shards');
  await expect(editor).toHaveValue(text);
});

test('the streaming console has no serious or critical axe violations in the light and dark themes', async ({
  page,
}) => {
  test.slow();
  const console = new StreamingConsole(page);
  await console.splitAtFirstMoment();
  await expect(console.actionLog.locator('[data-action-entry]')).toHaveCount(1);
  await console.openAllDisclosures();
  await expectAccessibleInBothThemes(page);
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const) {
  test(`screenshots of the streaming console at ${size.width}×${size.height}`, async ({ page }) => {
    test.slow();
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: 'light' });
    const console = new StreamingConsole(page);
    await console.open();
    await console.setSpeed('100×');
    await console.runPast(40);
    await console.splitShard('clicks');
    await console.runPast(70);
    await console.pause();
    // The same paused run in both themes: the app follows the system colour scheme live.
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.evaluate(() => window.scrollTo(0, 0));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the console scrolls sideways').toBeLessThanOrEqual(0);
      await page.screenshot({
        path: screenshotPath(`streaming-${size.width}x${size.height}-${theme}`),
        fullPage: true,
      });
      await page.screenshot({
        path: screenshotPath(`streaming-${size.width}x${size.height}-${theme}-top`),
      });
    }
  });
}

test('at 100× the hot-key run pauses at its moment of interest with a note, and plays on from there', async ({
  page,
}) => {
  test.slow();
  const console = new StreamingConsole(page);
  await console.open();
  await console.setSpeed('100×');
  await console.play();
  await expect(console.moment).toContainText('Paused at 5.0 s.', { timeout: 20_000 });
  await expect(console.moment).toContainText('Split the hot shard now');
  expect(await console.seconds()).toBe(5);
  await expect(console.clock).toContainText('(next at 60.0 s)');
  await console.moment.getByRole('button', { name: 'Play on' }).click();
  // It runs on to the next moment, and stops there just as exactly.
  await expect(console.moment).toContainText('Paused at 60.0 s.', { timeout: 20_000 });
  expect(await console.seconds()).toBe(60);
  await expect(console.clock).not.toContainText('(next at');
});

test('once a run has ended, its controls look disabled, say why, and a restart continues', async ({
  page,
}) => {
  test.slow();
  const console = new StreamingConsole(page);
  await console.open();
  await console.run('A KPL producer');
  await expect(console.ended).toBeVisible({ timeout: 60_000 });
  const reason = 'The run has ended at 120.0 s: restart the run to continue.';
  await expect(console.ended).toContainText(reason);
  for (const button of [console.playButton, console.stepButton]) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', reason);
    await expect(button).toHaveAccessibleDescription(reason);
    await expect(button).toHaveCSS('cursor', 'not-allowed');
  }
  const split = console.splitForm('telemetry');
  const splitButton = split.getByRole('button', { name: 'Split shard' });
  await expect(splitButton).toBeDisabled();
  await expect(splitButton).toHaveAccessibleDescription(/restart the run \(in the clock bar\) to continue/);
  // A disabled primary button no longer looks like the call to action it was.
  const enabledColour = await console.clock
    .getByRole('button', { name: 'Restart the run' })
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await splitButton.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(enabledColour);

  await console.clock.getByRole('button', { name: 'Restart the run' }).click();
  await expect.poll(() => console.seconds()).toBe(0);
  await expect(console.playButton).toBeEnabled();
  await expect(console.ended).toHaveCount(0);
  await expect(splitButton).toBeEnabled();
});

test('leaving the streaming console and coming back keeps the run where it was', async ({ page }) => {
  test.slow();
  const console = new StreamingConsole(page);
  await console.splitAtFirstMoment();
  await expect(console.actionLog.locator('[data-action-entry]')).toHaveCount(1);

  await console.app.navigateTo('Agenda');
  await console.app.navigation.getByRole('link', { name: 'Streaming' }).click();
  await expect(console.app.heading).toHaveText('Streaming console');
  expect(await console.seconds()).toBe(5);
  await expect(console.actionLog.locator('[data-action-entry]')).toHaveCount(1);
  await expect(console.stream('clicks').getByText('3 open shards')).toBeVisible();
});

/** Scrolls `target` to just below the sticky clock bar, for a screenshot of it. */
async function showBelowClock(console: StreamingConsole, target: Locator): Promise<void> {
  const clockHeight = (await console.clock.boundingBox())?.height ?? 0;
  await target.evaluate((el, offset) => {
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - offset - 16);
  }, clockHeight);
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const) {
  test(`a KCL worker crashed before its first checkpoint: skipped records and a lease held by a dead worker, at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: 'light' });
    const console = new StreamingConsole(page);
    await console.open();
    await console.start('A KCL app with resharding');
    await console.setSpeed('100×');
    await console.play();
    await expect(console.moment).toContainText('Paused at 25.0 s.', { timeout: 30_000 });
    const board = console.leaseBoard('orders-app');
    await board.getByRole('button', { name: 'Crash worker worker-1' }).click();
    const orphaned = board.locator('[data-lease][data-state="owner-down"]');
    await expect(orphaned.first()).toBeVisible();
    await expect(orphaned.first()).toContainText('owner crashed');
    await showBelowClock(console, board);
    await page.screenshot({
      path: screenshotPath(`streaming-kcl-crashed-${size.width}x${size.height}`),
    });

    // worker-2 notices the expired lease only at a lease-taking scan (every 20 s), a little after 60 s.
    await console.moment.getByRole('button', { name: 'Play on' }).click();
    await expect(console.moment).toContainText('Paused at 60.0 s.', { timeout: 30_000 });
    await console.moment.getByRole('button', { name: 'Play on' }).click();
    const skipped = board.locator('.fact-list div').filter({ hasText: 'Records skipped (never processed)' });
    await expect(skipped.locator('dd')).not.toHaveText('0', { timeout: 30_000 });
    await console.pause();
    await expect(board.locator('[data-lease][data-state="owner-down"]')).toHaveCount(0);
    await expect(board.locator('[data-lease] [data-skipped]').first()).toBeVisible();
    await showBelowClock(console, board);
    await page.screenshot({
      path: screenshotPath(`streaming-kcl-failover-${size.width}x${size.height}`),
    });
    await page.screenshot({
      path: screenshotPath(`streaming-kcl-failover-${size.width}x${size.height}-full`),
      fullPage: true,
    });
  });
}
