import { expect, type Locator, type Page } from '@playwright/test';

/** The data bus explorable, driven like a keyboard or mouse user: select a piece, then its stage. */
export class DataBusBoard {
  constructor(readonly page: Page) {}

  get palette(): Locator {
    return this.page.getByRole('region', { name: 'Pieces to place' });
  }

  /** A stage column by its label: Collect, Store, Process / analyze, Consume. */
  stage(label: string): Locator {
    return this.page
      .getByRole('list', { name: 'The data bus, from collect to consume' })
      .locator(':scope > li')
      .filter({
        has: this.page.getByRole('heading', { name: label, exact: true }),
      });
  }

  /** Places a piece (from the palette, or moves a placed one) on a stage. */
  async place(piece: string, stageLabel: string): Promise<void> {
    const inPalette = this.palette.getByRole('button', { name: piece, exact: true });
    if (await inPalette.count()) await inPalette.click();
    else await this.page.getByRole('button', { name: piece, exact: true }).click();
    await this.page.getByRole('button', { name: `Place here: ${piece} on ${stageLabel}` }).click();
    await expect(this.stage(stageLabel).getByRole('button', { name: piece, exact: true })).toBeVisible();
  }

  /** The pieces on a stage, in order. */
  async piecesOn(stageLabel: string): Promise<string[]> {
    return this.stage(stageLabel).locator('[data-item] .name').allInnerTexts();
  }

  async connect(from: string, to: string): Promise<void> {
    await this.page.getByLabel('Data flows from').selectOption({ label: from });
    await this.page.getByLabel('to', { exact: true }).selectOption({ label: to });
    await this.page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(this.page.getByRole('button', { name: `Disconnect ${from} → ${to}` })).toBeVisible();
  }

  async disconnect(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Disconnect ${from} → ${to}` }).click();
  }

  async connectionCount(): Promise<number> {
    return this.page.locator('[data-connection]').count();
  }
}
