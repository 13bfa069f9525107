import { expect, type Locator, type Page } from '@playwright/test';
import { App } from './app';

/**
 * The Redshift console as a learner uses it: create the cluster, put the sample data in S3, write SQL in
 * the editor and run it, and read the results as a table, a chart or a plan.
 */
export class RedshiftConsole {
  readonly app: App;

  constructor(readonly page: Page) {
    this.app = new App(page);
  }

  async open(options: { keepStorage?: boolean } = {}): Promise<void> {
    await this.app.open('/redshift', options);
    await expect(this.app.heading).toHaveText('Redshift console');
    await expect(this.page.getByRole('group', { name: 'Simulation clock' })).toBeVisible();
  }

  get clusterPanel(): Locator {
    return this.page.locator('[data-cluster-panel]');
  }

  get createForm(): Locator {
    return this.page.getByRole('form', { name: 'Create a cluster' });
  }

  /** Fills the master password (the form starts as the workshop's cluster) and creates it. */
  async submitCluster(password: string): Promise<void> {
    await this.createForm.getByLabel('Master user password').fill(password);
    await this.createForm.getByRole('button', { name: 'Create cluster' }).click();
  }

  /** Creates the workshop's cluster and waits, as the clock plays, until it is available. */
  async createCluster(password = 'Workshop2016'): Promise<void> {
    await this.submitCluster(password);
    await expect(this.clusterStatus).toHaveText('available', { timeout: 30_000 });
  }

  get clusterStatus(): Locator {
    return this.clusterPanel.locator('[data-status]');
  }

  /** Puts the generated web logs in S3 and adds their COPY to the editor. */
  async putSampleData(): Promise<void> {
    const panel = this.page.locator('[data-sample-data]');
    await panel.getByRole('button', { name: 'Put sample data in S3' }).click();
    await expect(panel.locator('[data-sample-summary]')).toBeVisible();
    await panel.getByRole('button', { name: 'Add this COPY to the editor' }).click();
  }

  get editor(): Locator {
    return this.page.getByRole('textbox', { name: 'SQL editor' });
  }

  /** Replaces the editor's text, as a learner selecting all and typing would. */
  async setScript(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Runs the statement at the start of the line holding `text`, with Ctrl/Cmd-Enter. */
  async runStatementContaining(text: string): Promise<void> {
    await this.editor.getByText(text, { exact: false }).first().click();
    await this.page.keyboard.press('ControlOrMeta+Enter');
    await this.waitForRun();
  }

  async runAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run all' }).click();
    await this.waitForRun();
  }

  /** Waits until no statement runs. */
  async waitForRun(): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Run all' })).toBeEnabled({ timeout: 60_000 });
  }

  get results(): Locator {
    return this.page.locator('[data-results]');
  }

  /** The statements of the last run, by what they returned. */
  statementResults(): Locator {
    return this.results.locator('[data-statement-result]');
  }

  /** Shows the result of the run's statement containing `text`. */
  async showResult(text: string): Promise<void> {
    await this.statementResults().filter({ hasText: text }).first().click();
  }

  get table(): Locator {
    return this.results.locator('[data-results-table] table');
  }

  get chart(): Locator {
    return this.results.locator('[data-result-chart]');
  }

  async showTable(): Promise<void> {
    await this.results
      .getByRole('group', { name: 'Show the rows as' })
      .getByRole('button', { name: 'Table' })
      .click();
  }

  async showChart(): Promise<void> {
    await this.results
      .getByRole('group', { name: 'Show the rows as' })
      .getByRole('button', { name: 'Chart' })
      .click();
  }

  get editorError(): Locator {
    return this.page.locator('[data-editor-error]');
  }

  get explain(): Locator {
    return this.results.locator('[data-explain]');
  }
}
