import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { SettingsPage } from './pages/settings';

test.describe('themes', () => {
  test('the header toggle switches between light and dark and is remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const app = new App(page);
    await app.open('/');
    expect(await app.drawnTheme()).toBe('light');
    // The button says what it does in each theme (it once read "Dark theme" in both), and which theme is on.
    await expect(app.themeToggle).toHaveAccessibleName('Switch to Dark theme');
    await expect(app.themeToggle).toHaveAttribute('title', 'The light theme is on');

    await app.themeToggle.click();
    expect(await app.drawnTheme()).toBe('dark');
    await expect(app.themeToggle).toHaveAccessibleName('Switch to Light theme');
    await expect(app.themeToggle).toHaveAttribute('title', 'The dark theme is on');
    await app.expectSavedSettings({ theme: 'dark' });

    await app.reload();
    expect(await app.drawnTheme()).toBe('dark');
  });

  test('the system choice follows the operating system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const app = new App(page);
    await app.open('/settings');
    const settings = new SettingsPage(app);
    await expect(settings.themeChoice('System')).toBeChecked();
    expect(await app.drawnTheme()).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => app.drawnTheme()).toBe('light');

    await settings.chooseTheme('Dark');
    expect(await app.drawnTheme()).toBe('dark');
    await app.expectSavedSettings({ theme: 'dark' });
  });

  test('the two themes really differ in colour', async ({ page }) => {
    const app = new App(page);
    await app.open('/settings');
    const settings = new SettingsPage(app);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await settings.chooseTheme('Light');
    const light = await background();
    await settings.chooseTheme('Dark');
    expect(await background()).not.toBe(light);
  });
});
