import { expect, test } from '@playwright/test';
import { RedshiftConsole } from './pages/redshift-console';
import { screenshotPath } from './pages/screenshots';

/**
 * The Redshift console after the workshop's flow (cluster, COPY, the first test query charted), at a laptop
 * size and a projector size in both themes, for people to look at (saved to .tmp/screenshots).
 */
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

for (const size of sizes) {
  test(`Redshift console screenshots at ${size.width}×${size.height}, light and dark`, async ({ page }) => {
    test.slow();
    await page.setViewportSize(size);
    const redshift = new RedshiftConsole(page);
    await redshift.open();
    await redshift.createCluster();
    await redshift.putSampleData();
    await redshift.runAll();
    await redshift.showResult('TRUNC(request_time)');
    await redshift.showChart();
    const controls = page.getByRole('group', { name: 'Chart settings' });
    await controls.getByRole('radio', { name: 'Bar' }).check();
    await controls.getByLabel('Value').selectOption({ label: 'count' });
    await controls.getByLabel('Series').selectOption({ label: 'response_code' });
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the console scrolls sideways').toBeLessThanOrEqual(0);
      await page.screenshot({
        path: screenshotPath(`redshift-console-${size.width}x${size.height}-${theme}`),
        fullPage: true,
      });
    }
  });
}
