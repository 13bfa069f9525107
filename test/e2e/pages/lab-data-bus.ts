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

  /** The → button that starts a connection from a placed piece. */
  handle(piece: string): Locator {
    return this.page.getByRole('button', { name: `Connect from ${piece}`, exact: true });
  }

  /** Draws a connection on the board with the pointer: → on the source, then Connect here on the target. */
  async connect(from: string, to: string): Promise<void> {
    await this.handle(from).click();
    await this.page.getByRole('button', { name: `Connect ${from} → ${to}`, exact: true }).click();
    await expect(this.page.getByRole('button', { name: `Disconnect ${from} → ${to}` })).toBeVisible();
  }

  /**
   * Draws a connection from the keyboard alone: focus the source's →, Enter, Tab to the target, Enter.
   * Focus goes back to the source's → afterwards.
   */
  async connectWithKeyboard(from: string, to: string): Promise<void> {
    await this.handle(from).focus();
    await this.page.keyboard.press('Enter');
    const target = `Connect ${from} → ${to}`;
    for (let tabs = 0; tabs < 40; tabs += 1) {
      const name = await this.page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      if (name === target) break;
      await this.page.keyboard.press('Tab');
    }
    await expect(this.page.getByRole('button', { name: target, exact: true })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('button', { name: `Disconnect ${from} → ${to}` })).toBeVisible();
  }

  /** Drags from the source's → onto the target piece. */
  async dragConnection(from: string, to: string): Promise<void> {
    const start = (await this.handle(from).boundingBox())!;
    const end = (await this.page
      .locator('[data-item]')
      .filter({ has: this.page.getByRole('button', { name: to, exact: true }) })
      .boundingBox())!;
    await this.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 20, start.y + 20, { steps: 4 });
    await this.page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 10 });
    await this.page.mouse.up();
  }

  /** The arrow drawn on the board for a connection, by item ids. */
  arrow(fromId: string, toId: string): Locator {
    return this.page.locator(`[data-arrow="${fromId}>${toId}"]`);
  }

  async disconnect(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Disconnect ${from} → ${to}` }).click();
  }

  async connectionCount(): Promise<number> {
    return this.page.locator('[data-connection]').count();
  }
}
