import { expect, test } from '@playwright/test';
import { App } from './pages/app';

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
  for (const theme of themes) {
    test(`screenshots at ${size.width}×${size.height}, ${theme} theme`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      const app = new App(page);
      await app.open('/');
      for (const target of pages) {
        await app.open(target.route, { keepStorage: true });
        await expect(app.heading).toBeVisible();
        expect(await app.drawnTheme()).toBe(theme);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${target.name} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `.tmp/screenshots/${target.name}-${size.width}x${size.height}-${theme}.png`,
          fullPage: true,
        });
      }
    });
  }
}
