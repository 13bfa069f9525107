import { expect, type Locator, type Page } from '@playwright/test';
import type { App } from './app';

/**
 * The lab player as a learner uses it: start, read the step, work the checklist, ask for hints, undo,
 * show the solution, reset, go on, and read the completion summary.
 */
export class LabPlayer {
  constructor(readonly app: App) {}

  get page(): Page {
    return this.app.page;
  }

  /** Opens a lab by its link route (`#/lab/<id>`). */
  async open(labId: string, options: { keepStorage?: boolean } = {}): Promise<void> {
    await this.app.open(`/lab/${labId}`, options);
    await expect(this.app.heading).toBeVisible();
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(this.stepHeading).toBeVisible();
  }

  /** The current step's heading, such as "Lay out the stages". */
  get stepHeading(): Locator {
    return this.page.locator('[data-step-heading]');
  }

  /** "Step 2 of 4". */
  get stepOf(): Locator {
    return this.page.getByText(/^Step \d+ of \d+$/);
  }

  get checklist(): Locator {
    return this.page.getByRole('region', { name: /^Checklist/ });
  }

  /** A checklist item by its task title. */
  task(title: string | RegExp): Locator {
    return this.checklist.getByRole('listitem').filter({ hasText: title });
  }

  get hints(): Locator {
    return this.page.getByRole('region', { name: 'Hints' });
  }

  /** The hints shown so far, each as "Hint n of m …". */
  async shownHints(): Promise<string[]> {
    return (await this.hints.getByRole('listitem').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
  }

  async askHint(): Promise<void> {
    const before = await this.hints.getByRole('listitem').count();
    await this.hints.getByRole('button', { name: /Show (a|the next) hint/ }).click();
    await expect(this.hints.getByRole('listitem')).toHaveCount(before + 1);
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo' }).click();
  }

  get showSolutionButton(): Locator {
    return this.page.getByRole('button', { name: 'Show solution…' });
  }

  async showSolution(): Promise<void> {
    await this.showSolutionButton.click();
    await this.page
      .getByRole('dialog', { name: 'Show the solution?' })
      .getByRole('button', { name: 'Show solution' })
      .click();
  }

  async resetLab(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reset lab…' }).click();
    await this.page
      .getByRole('dialog', { name: 'Reset this lab?' })
      .getByRole('button', { name: 'Reset lab' })
      .click();
  }

  /** "Next step" ("Finish the lab" on the last step), in the step's footer: disabled until the step is solved. */
  get nextButton(): Locator {
    return this.page.getByRole('button', { name: /^(Next step|Finish the lab)$/ });
  }

  /** The step footer's status: how many checklist items are done, or "Step solved". */
  get stepStatus(): Locator {
    return this.page.getByRole('complementary').getByRole('status');
  }

  /** Waits for the step to be solved, then goes on (or finishes on the last step). */
  async next(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: 'Step solved' })).toBeVisible();
    await this.nextButton.click();
  }

  /** The refused-action message shown above the explorable, if any. */
  get refusal(): Locator {
    return this.page.getByRole('region', { name: /^Explorable/ }).getByRole('alert');
  }

  get summary(): Locator {
    return this.page.getByRole('region', { name: 'Lab completed' });
  }

  /** A figure of the completion summary: "Time spent", "Hints used", "Solutions shown". */
  summaryFigure(label: string): Locator {
    return this.summary.locator('dl > div').filter({ hasText: label }).locator('dd');
  }

  /** The rows of the per-step table: step, time, hints, solution. */
  async summaryRows(): Promise<string[][]> {
    const rows = this.summary.locator('tbody tr');
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i += 1) {
      result.push((await rows.nth(i).locator('th, td').allInnerTexts()).map((t) => t.trim()));
    }
    return result;
  }
}
