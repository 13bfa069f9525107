import { expect, test } from '@playwright/test';
import { expectAccessibleInBothThemes } from './pages/axe';
import { StreamingConsole } from './pages/streaming-console';
import { screenshotPath } from './pages/screenshots';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * The downstream half of the streaming console, driven as a learner would: run a built-in scenario, crash a
 * KCL worker and watch its leases fail over; let Firehose deliver and open the object in the S3 browser.
 * Screenshots of the panels at a laptop and a projector size go to .tmp/screenshots for people to look at.
 */
test.describe('streaming console, downstream panels', () => {
  test.slow();

  test('crashing a KCL worker hands its leases to the other worker after they expire', async ({ page }) => {
    const streaming = new StreamingConsole(page);
    await streaming.open();
    await streaming.run('A KCL app with resharding');
    const board = streaming.leaseBoard('orders-app');
    await expect(board.locator('[data-worker]')).toHaveCount(2);
    await expect(board.locator('[data-lease]').first()).toBeVisible();
    await streaming.pause();

    const victim = board.locator('[data-worker]').first();
    const victimId = (await victim.getAttribute('data-worker')) ?? '';
    await board.getByRole('button', { name: `Crash worker ${victimId}` }).click();
    await expect(victim.getByText('crashed', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Play' }).click();
    await expect(board.locator('[data-lease].failover').first()).toBeVisible({ timeout: 30_000 });
    await streaming.pause();
    await expect(board.locator('[data-move="failover"]').first()).toContainText(`from ${victimId}`);
    await expect(board.locator('[data-lease].failover').first()).toContainText(
      `taken from crashed ${victimId}`,
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    await board.screenshot({ path: screenshotPath('downstream-console-kcl-failover-1280x800') });
    await board.getByText('Show the real command: read the lease table').click();
    const scan = board.locator('details', { hasText: 'Show the real command: read the lease table' });
    await expect(scan.locator('[data-cli]')).toHaveText('aws dynamodb scan --table-name orders-app');
  });

  test('a Firehose delivery opens in the S3 browser, decompressed', async ({ page }) => {
    const streaming = new StreamingConsole(page);
    await streaming.open();
    await streaming.run('A Firehose pipeline');
    const firehose = streaming.section('Firehose buffers');
    await expect(firehose.locator('[data-delivery-stream="weblogs"]')).toBeVisible();
    const { key, viewer } = await streaming.openFirstDeliveredObject();
    expect(key).toMatch(/^logs\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/weblogs-1-/);
    await expect(viewer.locator('dd').first()).toHaveText('GZIP');
    await expect(viewer.locator('[data-object-content]')).not.toBeEmpty();
    await viewer.getByText('Show the real command').click();
    await expect(viewer.getByText(`aws s3 cp s3://bdlab-weblogs/${key} - | gunzip | head`)).toBeVisible();
  });

  test('the panels pass axe and are photographed in the light and dark themes', async ({ page }) => {
    const streaming = new StreamingConsole(page);
    await streaming.open();
    await streaming.run('A Firehose pipeline');
    await expect(streaming.section('Firehose buffers').locator('tbody tr').first()).toBeVisible({
      timeout: 30_000,
    });
    await streaming.pause();
    // The same paused run in both themes: the app follows the system colour scheme live.
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const size of sizes) {
        await page.setViewportSize(size);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'the console scrolls sideways').toBeLessThanOrEqual(0);
        await page.screenshot({
          path: screenshotPath(`downstream-console-${size.width}x${size.height}-${theme}`),
          fullPage: true,
        });
      }
    }
    await expectAccessibleInBothThemes(page, { include: 'main', strict: true });
  });
});
