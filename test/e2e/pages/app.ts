import { expect, type Locator, type Page } from '@playwright/test';

/** The pages the header navigation names. */
export type NavTarget = 'Agenda' | 'Calculators' | 'Settings';

/**
 * The app as a learner meets it: open it, move between pages with the header navigation, flip the theme.
 * Page objects for each page build on this; tests speak in the learner's terms, not selectors.
 */
export class App {
  constructor(readonly page: Page) {}

  /** Opens the app at a hash route (`/`, `/calculators`, …) with a fresh browser storage unless told not to. */
  async open(route = '/', options: { keepStorage?: boolean } = {}): Promise<void> {
    if (!options.keepStorage) {
      await this.page.goto('./');
      await this.page.evaluate(() => window.localStorage.clear());
      // Leave the page so the next load is a fresh start, not a same-document hash change.
      await this.page.goto('about:blank');
    }
    await this.page.goto(`./#${route}`);
    await this.shown();
  }

  /** Waits until the page is shown: the header is up and no part of the page is still loading. */
  async shown(): Promise<void> {
    await expect(this.page.getByRole('banner')).toBeVisible();
    // The derive worker checks every lab with saved progress again (a simulation each) on a cold start:
    // seconds with all twelve saved on a loaded machine, while the page stays responsive.
    await expect(this.page.getByText('Checking progress…')).toHaveCount(0, { timeout: 15_000 });
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
  }

  /** Reloads the page, as a learner coming back to it would. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.shown();
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async navigateTo(target: NavTarget): Promise<void> {
    await this.navigation.getByRole('link', { name: target }).click();
    await expect(this.navigation.getByRole('link', { name: target })).toHaveAttribute('aria-current', 'page');
  }

  /** The page's one top-level heading. */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The header's theme button, named for what it does: "Switch to dark theme" or "Switch to light theme". */
  get themeToggle(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /^Switch to (dark|light) theme$/i });
  }

  /** The theme actually drawn, as the page's root element says. */
  async drawnTheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  /** Waits until the browser storage holds a document whose settings match `expected`. */
  async expectSavedSettings(expected: Record<string, unknown>): Promise<void> {
    await expect
      .poll(async () =>
        this.page.evaluate(() => {
          const raw = window.localStorage.getItem('bdlab.document');
          return raw === null ? null : (JSON.parse(raw) as { settings: Record<string, unknown> }).settings;
        }),
      )
      .toMatchObject(expected);
  }
}
