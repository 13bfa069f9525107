import { expect, test } from '@playwright/test';
import { expectAccessibleInBothThemes } from './pages/axe';
import { StreamingConsole } from './pages/streaming-console';

test('a hot key throttles one shard; splitting it shows the lineage and the real split-shard command', async ({
  page,
}) => {
  test.slow();
  const console = new StreamingConsole(page);
  await console.open();
  await console.app.navigation.getByRole('link', { name: 'Streaming console' }).isVisible();
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
  const hotShardId = (await hot.getAttribute('data-shard'))!;

  const split = console.stream('clicks').getByRole('form', { name: 'Split a shard' });
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
  await console.open();
  await console.setSpeed('100×');
  await console.play();
  await expect.poll(() => console.seconds(), { timeout: 20_000 }).toBeGreaterThan(5);
  await console.pause();
  await console
    .stream('clicks')
    .getByRole('form', { name: 'Split a shard' })
    .getByRole('button', { name: 'Split shard' })
    .click();
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
    await console.play();
    await expect.poll(() => console.seconds(), { timeout: 20_000, intervals: [100] }).toBeGreaterThan(40);
    await console
      .stream('clicks')
      .getByRole('form', { name: 'Split a shard' })
      .getByRole('button', { name: 'Split shard' })
      .click();
    await expect.poll(() => console.seconds(), { timeout: 20_000, intervals: [100] }).toBeGreaterThan(70);
    await console.pause();
    // The same paused run in both themes: the app follows the system colour scheme live.
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.evaluate(() => window.scrollTo(0, 0));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the console scrolls sideways').toBeLessThanOrEqual(0);
      await page.screenshot({
        path: `.tmp/screenshots/streaming-${size.width}x${size.height}-${theme}.png`,
        fullPage: true,
      });
      await page.screenshot({
        path: `.tmp/screenshots/streaming-${size.width}x${size.height}-${theme}-top.png`,
      });
    }
  });
}
