import { type Locator, type Page } from '@playwright/test';

/** The "Lab progress" section of Settings: the table, export, import and reset all. */
export class ProgressPanel {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Lab progress' });
  }

  /** The status cell of a lab's row, such as "Completed". */
  status(labTitle: string): Locator {
    return this.section.getByRole('row').filter({ hasText: labTitle }).getByRole('cell').first();
  }

  /**
   * Exports and saves the file to `path`; returns its text. `name` answers the one-time question for the
   * learner's name (give it on the first export only). `fileName` receives the name the app suggested.
   */
  async export(
    kind: 'JSON' | 'CSV',
    path: string,
    options: { name?: string; fileName?: (name: string) => void } = {},
  ): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.section.getByRole('button', { name: `Export progress (${kind})` }).click();
    if (options.name !== undefined) {
      await this.nameDialog.getByLabel('Your name').fill(options.name);
      await this.nameDialog.getByRole('button', { name: 'Save and export' }).click();
    }
    const file = await download;
    options.fileName?.(file.suggestedFilename());
    await file.saveAs(path);
    const { readFile } = await import('node:fs/promises');
    return readFile(path, 'utf8');
  }

  /** The one-time question for the learner's name before the first export. */
  get nameDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Whose progress is this?' });
  }

  /** The learner's name field in the progress section (editable after it was first asked). */
  get nameField(): Locator {
    return this.section.getByLabel('Your name on exports');
  }

  /** Picks a file to import; the caller then confirms or reads the error. */
  async chooseImport(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.section.getByRole('button', { name: 'Import progress…' }).click();
    await (await chooser).setFiles(path);
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Replace lab progress?' });
  }

  async confirmImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Import and replace' }).click();
  }

  get error(): Locator {
    return this.section.getByRole('alert');
  }

  async resetAll(): Promise<void> {
    await this.section.getByRole('button', { name: 'Reset all progress…' }).click();
    await this.page
      .getByRole('dialog', { name: 'Reset all lab progress?' })
      .getByRole('button', { name: 'Reset all progress' })
      .click();
  }
}
