import type { Locator } from '@playwright/test';
import type { App } from './app';

/** The settings page: price book, theme and price overrides. */
export class SettingsPage {
  constructor(readonly app: App) {}

  async open(): Promise<void> {
    await this.app.navigateTo('Settings');
  }

  async choosePriceBook(label: '2016 us-east-1 (the workshop)' | 'Current'): Promise<void> {
    await this.app.page
      .getByRole('group', { name: 'Price book' })
      .getByRole('radio', { name: label })
      .check();
  }

  async chooseTheme(label: 'Light' | 'Dark' | 'System'): Promise<void> {
    await this.app.page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: label }).check();
  }

  themeChoice(label: 'Light' | 'Dark' | 'System'): Locator {
    return this.app.page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: label });
  }

  get overrides(): Locator {
    return this.app.page.getByRole('region', { name: 'Price overrides' });
  }

  /** The override input for a price, found by its label (such as `Kinesis shard-hour`). */
  overrideInput(label: string): Locator {
    return this.overrides.getByRole('textbox', { name: label, exact: true });
  }
}
