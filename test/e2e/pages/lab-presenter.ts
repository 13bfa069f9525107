import { expect, type Locator, type Page } from '@playwright/test';

/** Presenter mode as an instructor uses it from the header and the presenter bar. */
export class PresenterControls {
  constructor(readonly page: Page) {}

  get bar(): Locator {
    return this.page.getByRole('region', { name: 'Presenter controls' });
  }

  async enable(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Presenter mode' }).click();
    await expect(this.bar).toBeVisible();
    await expect(this.page.locator('html')).toHaveAttribute('data-presenter', '');
  }

  async reveal(): Promise<void> {
    await this.bar.getByRole('button', { name: 'Reveal hints and solution' }).click();
  }

  async conceal(): Promise<void> {
    await this.bar.getByRole('button', { name: 'Hide hints and solution' }).click();
  }

  /** Opens the jump panel (the bar keeps it folded so the bar stays one line). */
  async openJump(): Promise<void> {
    const summary = this.bar.getByText('Jump to a lab…');
    if (!(await this.bar.getByLabel('Jump to').isVisible())) await summary.click();
  }

  /**
   * Asks to jump to a lab (by title; its option also says how long it takes) at "Introduction" or
   * "Step n: title"; a lab with progress then asks to confirm.
   */
  async jumpTo(labTitle: string, step: string): Promise<void> {
    await this.openJump();
    const select = this.bar.getByLabel('Jump to');
    const value = await select
      .locator('option', { hasText: `${labTitle} · ` })
      .first()
      .getAttribute('value');
    await select.selectOption(value ?? labTitle);
    await this.bar.getByLabel('Step').selectOption({ label: step });
    await this.bar.getByRole('button', { name: 'Go' }).click();
  }

  get timer(): Locator {
    return this.bar.getByRole('timer', { name: 'Session timer' });
  }
}
