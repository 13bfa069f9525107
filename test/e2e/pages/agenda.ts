import { expect, type Locator } from '@playwright/test';
import type { App } from './app';

/** The home page: the workshop day, one card per session and a row for the break. */
export class AgendaPage {
  constructor(readonly app: App) {}

  get timeline(): Locator {
    return this.app.page.getByRole('main').getByRole('list').first();
  }

  /** The block headings of the day in order, with their times, such as `2:00 pm Real-time streaming`. */
  async blocks(): Promise<string[]> {
    const items = this.timeline.locator(':scope > li');
    const count = await items.count();
    const result: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const item = items.nth(i);
      const time = (await item.locator('time').first().innerText()).trim();
      const title = (await item.getByRole('heading', { level: 2 }).innerText()).trim();
      result.push(`${time} ${title}`);
    }
    return result;
  }

  session(title: string): Locator {
    return this.app.page.getByRole('article', { name: title });
  }

  /** The labs a session lists, each as `title — status`. */
  async labsOf(title: string): Promise<string[]> {
    // Saved progress is checked in the derive worker; wait until every line says where the learner stands.
    await expect(this.session(title).getByText('Checking progress…')).toHaveCount(0);
    const items = this.session(title).getByRole('list').getByRole('listitem');
    const result: string[] = [];
    for (const item of await items.all()) {
      const name = (await item.locator('[data-lab-title]').innerText()).trim();
      const status = (await item.locator('[data-lab-status]').innerText()).replace(/\s*\n\s*/g, ' — ').trim();
      result.push(`${name} — ${status}`);
    }
    return result;
  }

  /** Each lab's duration and running total as the session shows them: `15 min · 35 min so far`. */
  async timesOf(title: string): Promise<string[]> {
    return (await this.session(title).locator('[data-lab-time]').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
  }

  /** The session's total of today's labs against its slot. */
  planTotal(title: string): Locator {
    return this.session(title).locator('[data-plan-total]');
  }

  /** Opens the instructor's lab choice (checkboxes beside the labs). */
  async startChoosingLabs(): Promise<void> {
    await this.app.page.getByRole('button', { name: 'Choose the day’s labs…' }).click();
  }

  /** The checkbox that puts a lab on today's plan. */
  planCheckbox(labTitle: string): Locator {
    return this.app.page.getByRole('checkbox', { name: `On today’s plan: ${labTitle}` });
  }
}
