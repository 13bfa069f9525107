import { expect, type Locator } from '@playwright/test';
import type { App } from './app';

/** The calculators page: pick a calculator, type into its fields, read its result like a learner would. */
export class CalculatorsPage {
  constructor(readonly app: App) {}

  async open(): Promise<void> {
    await this.app.navigateTo('Calculators');
  }

  /** Opens one calculator from the calculators' own navigation, such as `Kinesis Streams`. */
  async choose(title: string): Promise<CalculatorPanel> {
    const nav = this.app.page.getByRole('navigation', { name: 'Calculators' });
    await nav.getByRole('link', { name: title, exact: true }).click();
    await expect(nav.getByRole('link', { name: title, exact: true })).toHaveAttribute('aria-current', 'page');
    return this.panel(title);
  }

  panel(title: string): CalculatorPanel {
    return new CalculatorPanel(this.app.page.getByRole('region', { name: title, exact: true }), title);
  }
}

/** One calculator's panel. */
export class CalculatorPanel {
  constructor(
    readonly root: Locator,
    readonly title: string,
  ) {}

  field(label: string): Locator {
    return this.root.getByRole('textbox', { name: label, exact: true });
  }

  /** Replaces a field's text as a learner would: select it all and type. */
  async type(label: string, text: string): Promise<void> {
    const field = this.field(label);
    await field.click();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially(text);
  }

  async select(label: string, option: string): Promise<void> {
    await this.root.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
  }

  /** The inline error shown next to a field, through the field's accessible description. */
  async fieldError(label: string): Promise<string> {
    return (await this.field(label).getAttribute('aria-describedby'))
      ? this.root.locator(`#${(await this.field(label).getAttribute('id')) ?? ''}-error`).innerText()
      : '';
  }

  get result(): Locator {
    return this.root.getByRole('region', { name: `${this.title} result` });
  }

  /** A headline figure's value, such as the one labelled `Shards needed`. */
  figure(label: string): Locator {
    return this.result.locator('.figure').filter({ has: this.root.page().getByText(label, { exact: true }) });
  }

  async figureValue(label: string): Promise<string> {
    return (await this.figure(label).locator('.value').innerText()).trim();
  }

  async figureDetail(label: string): Promise<string> {
    return (await this.figure(label).locator('.detail').innerText()).trim();
  }

  /** A worked step by its label, with its formula and the learner's numbers. */
  step(label: string): Locator {
    return this.result.getByRole('listitem').filter({ hasText: label }).first();
  }

  /** The disclosure showing where a price or limit comes from. */
  source(label: string): Locator {
    return this.result.locator('details').filter({ hasText: label }).first();
  }

  get chart(): Locator {
    return this.result.getByRole('img');
  }
}
