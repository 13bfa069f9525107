import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { screenshotPath } from './pages/screenshots';

/**
 * Screenshots of every page at a laptop size and a projector size, in both themes, for people to look at
 * (saved to .tmp/screenshots, which git ignores). Each shot also checks nothing overflows sideways.
 */
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const themes = ['light', 'dark'] as const;
const pages = [
  { name: 'agenda', route: '/' },
  ...['kinesis', 'firehose', 's3', 'emr', 'redshift', 'ml', 'pipeline'].map((calc) => ({
    name: `calculators-${calc}`,
    route: `/calculators?calc=${calc}`,
  })),
  { name: 'settings', route: '/settings' },
];

for (const size of sizes) {
  test(`screenshots at ${size.width}×${size.height}, light and dark themes`, async ({ page }) => {
    // Nine pages, each in two themes.
    test.slow();
    await page.setViewportSize(size);
    const app = new App(page);
    await app.open('/');
    for (const target of pages) {
      await page.emulateMedia({ colorScheme: 'light' });
      await app.open(target.route, { keepStorage: true });
      await expect(app.heading).toBeVisible();
      // Each page once per load, in both themes: the app follows the system colour scheme live.
      for (const theme of themes) {
        await page.emulateMedia({ colorScheme: theme });
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${target.name} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: screenshotPath(`${target.name}-${size.width}x${size.height}-${theme}`),
          fullPage: true,
        });
      }
    }
  });
}
