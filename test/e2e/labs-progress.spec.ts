import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { App } from './pages/app';
import { LabPlayer } from './pages/lab-player';
import { ProgressPanel } from './pages/lab-progress';
import { seedProgress } from './pages/lab-states';

/** A file in this test's own output folder, so tests running side by side never share one. */
const tmp = (name: string) => test.info().outputPath(name);

test('export then import restores progress after a reset', async ({ page }) => {
  const app = new App(page);
  const panel = new ProgressPanel(page);
  const player = new LabPlayer(app);
  await seedProgress(page, [
    { labId: 'data-bus', stepIndex: 2, partial: 3, hints: 2 },
    { labId: 'big-data-small-cost', stepIndex: 1 },
  ]);
  await app.open('/settings', { keepStorage: true });
  await expect(panel.status('The data bus')).toHaveText('In progress: step 3 of 4');

  const json = await panel.export('JSON', tmp('progress.json'), { name: 'Ada Lovelace' });
  expect(JSON.parse(json).progress.labs['data-bus'].stepIndex).toBe(2);
  expect(JSON.parse(json).settings.learnerName).toBe('Ada Lovelace');
  const csv = await panel.export('CSV', tmp('progress.csv'));
  expect(csv.split('\r\n')[1]).toMatch(/^Ada Lovelace,data-bus,The data bus,1,in-progress,2,4,2,0,\d+$/);

  await panel.resetAll();
  await expect(panel.status('The data bus')).toHaveText('Not started');

  await panel.chooseImport(tmp('progress.json'));
  await expect(panel.importDialog).toContainText(
    '“The data bus” (now: Not started; from the file: In progress: step 3 of 4)',
  );
  await panel.confirmImport();
  await expect(panel.status('The data bus')).toHaveText('In progress: step 3 of 4');
  await expect(panel.status('Big data ≠ big cost')).toHaveText('In progress: step 2 of 3');

  await player.open('data-bus', { keepStorage: true });
  await expect(player.stepHeading).toHaveText('Let storage decouple processing');
  expect(await player.shownHints()).toHaveLength(2);
  await expect(page.locator('[data-connection]')).toHaveCount(4 + 3);
});

test('a bad import file shows the error and changes nothing', async ({ page }) => {
  const app = new App(page);
  const panel = new ProgressPanel(page);
  await seedProgress(page, [{ labId: 'right-tool', stepIndex: 1, partial: 2 }]);
  await app.open('/settings', { keepStorage: true });
  const before = await page.evaluate(() => window.localStorage.getItem('bdlab.document'));

  await writeFile(tmp('not-json.json'), 'this is not JSON');
  await panel.chooseImport(tmp('not-json.json'));
  await expect(panel.error).toContainText('not-json.json is not a JSON file');

  const tampered = JSON.parse(before!);
  tampered.progress.labs['right-tool'].stepIndex = 0;
  await writeFile(tmp('tampered.json'), JSON.stringify(tampered));
  await panel.chooseImport(tmp('tampered.json'));
  await expect(panel.error).toContainText('the progress for “The right tool for the job” cannot be restored');
  await expect(panel.importDialog).toBeHidden();

  expect(await page.evaluate(() => window.localStorage.getItem('bdlab.document'))).toBe(before);
  await expect(panel.status('The right tool for the job')).toHaveText('In progress: step 2 of 2');
});

test('cancelling the import confirmation changes nothing', async ({ page }) => {
  const app = new App(page);
  const panel = new ProgressPanel(page);
  await seedProgress(page, [{ labId: 'data-bus', stepIndex: 1 }]);
  await app.open('/settings', { keepStorage: true });
  const exported = await panel.export('JSON', tmp('cancel.json'), { name: 'Grace Hopper' });
  await panel.resetAll();
  const before = await page.evaluate(() => window.localStorage.getItem('bdlab.document'));
  await panel.chooseImport(tmp('cancel.json'));
  await panel.importDialog.getByRole('button', { name: 'Cancel' }).click();
  expect(exported).toContain('"data-bus"');
  expect(await page.evaluate(() => window.localStorage.getItem('bdlab.document'))).toBe(before);
});

test('the first export asks whose progress it is, once; the file name says so and the name stays editable', async ({
  page,
}) => {
  const app = new App(page);
  const panel = new ProgressPanel(page);
  await seedProgress(page, [{ labId: 'data-bus', stepIndex: 1 }]);
  await app.open('/settings', { keepStorage: true });
  await expect(panel.nameField).toHaveValue('');

  // Cancelling the question exports nothing.
  await panel.section.getByRole('button', { name: 'Export progress (CSV)' }).click();
  await panel.nameDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.nameDialog).toBeHidden();

  let fileName = '';
  // A name with a bidirectional override and a folder: the file name keeps neither.
  const csv = await panel.export('CSV', tmp('named.csv'), {
    name: 'Ada/Lovelace\u202Evsc.exe',
    fileName: (name) => (fileName = name),
  });
  expect(fileName).toMatch(/^bdlab-progress-Ada-Lovelace-vsc-exe-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.split('\r\n')[1]).toMatch(/^Ada\/Lovelace\u202Evsc\.exe,data-bus,/);
  await expect(panel.nameField).toHaveValue('Ada/Lovelace\u202Evsc.exe');

  // Asked once: the next export goes straight to the file, and the edited name follows.
  await panel.nameField.fill('Grace Hopper');
  await panel.nameField.blur();
  await panel.export('JSON', tmp('renamed.json'), { fileName: (name) => (fileName = name) });
  expect(fileName).toMatch(/^bdlab-progress-Grace-Hopper-\d{4}-\d{2}-\d{2}\.json$/);
  await app.reload();
  await expect(panel.nameField).toHaveValue('Grace Hopper');
});
