import { expect, test } from '@playwright/test';
import { App } from './pages/app';

/** A page whose code is loaded when it is opened (the agenda's own budget is in first-load.spec.ts). */
test.describe('a page that loads when it is opened', () => {
  test('says what is loading while its code takes a moment to arrive', async ({ page }) => {
    const app = new App(page);
    await app.open('/');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/SettingsPage-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await app.navigation.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the settings…' })).toBeVisible();
    await expect(page.getByRole('main').locator('[aria-busy="true"]')).toHaveCount(1);
    release();
    await expect(app.heading).toHaveText('Settings');
    await expect(page.getByText('Loading the settings…')).toHaveCount(0);
    // The heading of the page that arrived takes the focus, as after any change of page.
    await expect(app.heading).toBeFocused();
  });

  test('that fails to load says why and offers to try again, and shows the page once it loads', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/');
    const calculatorsChunk = /\/assets\/calculators-route-[^/]+\.js$/;
    await page.route(calculatorsChunk, (route) => route.abort('internetdisconnected'));
    await app.navigation.getByRole('link', { name: 'Calculators' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await expect(app.heading).toHaveText('The calculators could not be loaded');
    await expect(failure).toContainText('calculators-route-');
    await expect(app.heading).toBeFocused();

    // Still failing: the page says so again and now also offers to reload the whole app.
    await failure.getByRole('button', { name: 'Try again' }).click();
    await expect(failure.getByRole('button', { name: 'Reload the app' })).toBeVisible();
    await expect(failure).toContainText('It failed again');

    await page.unroute(calculatorsChunk);
    await failure.getByRole('button', { name: 'Try again' }).click();
    // Chromium may keep a failed module fetch for the page's life (whatwg/html#6768); then the reload
    // reads it afresh. Either way the learner ends on the calculators.
    const reload = failure.getByRole('button', { name: 'Reload the app' });
    await expect(app.heading.filter({ hasText: 'Cost and throughput calculators' }).or(reload)).toBeVisible();
    if (await reload.isVisible()) await reload.click();
    await expect(app.heading).toHaveText('Cost and throughput calculators');
    expect(page.url()).toMatch(/#\/calculators/);
  });
});
