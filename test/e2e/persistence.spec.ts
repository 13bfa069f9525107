import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { SettingsPage } from './pages/settings';

test.describe('persistence in the browser', () => {
  test('a damaged saved document is recovered from its backup, and the learner is told', async ({ page }) => {
    const app = new App(page);
    await app.open('/settings');
    const settings = new SettingsPage(app);
    await settings.chooseTheme('Dark');
    await app.expectSavedSettings({ theme: 'dark' });
    await settings.choosePriceBook('Current');
    await app.expectSavedSettings({ priceBook: 'current' });

    await page.evaluate(() => {
      const saved = window.localStorage.getItem('bdlab.document') ?? '';
      window.localStorage.setItem('bdlab.document', saved.slice(0, saved.length / 2));
    });
    await app.reload();

    const notice = page.getByRole('status').filter({ hasText: 'Recovered' });
    await expect(notice).toContainText('was damaged (not valid JSON)');
    await expect(notice).toContainText('Restored the last good copy');
    await expect(settings.themeChoice('Dark')).toBeChecked();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText('Restored the last good copy')).toHaveCount(0);
  });

  test('a saved override named like a property of every object loads, and the app starts', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/');
    await page.evaluate(() => {
      window.localStorage.setItem(
        'bdlab.document',
        '{"schemaVersion":1,"settings":{"priceBook":"2016","theme":"system","priceOverrides":{"constructor":1,"toString":2,"__proto__":3}},"progress":{"labs":{}}}',
      );
    });
    await app.reload();
    await expect(app.heading).toHaveText('The workshop day');
    await expect(page.getByText('could not start')).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveCount(0);
  });

  test('a file from a newer version is kept, not overwritten, and the learner is told', async ({ page }) => {
    const app = new App(page);
    await app.open('/settings');
    const newer = '{"schemaVersion": 99, "settings": {}, "progress": {}}';
    await page.evaluate((text) => window.localStorage.setItem('bdlab.document', text), newer);
    await app.reload();
    await expect(page.getByRole('status').first()).toContainText('saved by a newer version');
    await new SettingsPage(app).chooseTheme('Dark');
    await expect(page.getByText('Your progress was not saved').first()).toBeVisible();
    expect(await page.evaluate(() => window.localStorage.getItem('bdlab.document'))).toBe(newer);
  });

  test('with nothing usable stored, the app starts on defaults and says why', async ({ page }) => {
    const app = new App(page);
    await app.open('/');
    await page.evaluate(() => {
      window.localStorage.setItem('bdlab.document', '{"schemaVersion": "x"}');
    });
    await app.reload();
    await expect(page.getByRole('status')).toContainText('Starting with default settings');
    await expect(app.heading).toHaveText('The workshop day');
  });
});
