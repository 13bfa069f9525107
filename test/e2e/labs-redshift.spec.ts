import { expect, test, type Page } from '@playwright/test';
import { App } from './pages/app';
import { expectAccessibleInBothThemes, openAllDisclosures } from './pages/axe';
import { LabPlayer } from './pages/lab-player';
import { seedProgress } from './pages/lab-states';
import { screenshotPath } from './pages/screenshots';

/**
 * Session 4's Redshift labs in the browser: each lab's happy path, and screenshots mid-way at a laptop and
 * a projector size. What each check says to a wrong answer is proven headlessly beside each lab
 * (labs/13-redshift-sizing/lab.test.ts …); here the learner's clicks reach the engine and the page shows
 * what the derive worker computed.
 */

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** Sets the sizing lab's cluster the way a learner does: the node type, then the count typed in. */
async function setCluster(page: Page, nodeType: string, nodeCount: number): Promise<void> {
  await page.getByLabel('Node type', { exact: true }).selectOption(nodeType);
  const nodes = page.getByLabel('Compute nodes', { exact: true });
  await nodes.fill(String(nodeCount));
  await nodes.press('Enter');
}

test('size the warehouse: storage, then the report’s time, then the budget, then where $1,000 per TB comes from', async ({
  page,
}) => {
  const app = new App(page);
  const player = new LabPlayer(app);
  await player.open('redshift-sizing');
  await player.start();
  await expect(player.stepHeading).toHaveText('Hold the data');
  const storage = page.locator('[data-constraint="storage"]');
  await expect(storage).toContainText('0.16 TB on 2 slices — needs 3 TB');

  await setCluster(page, 'ds2.xlarge', 2);
  await expect(storage).toContainText('4 TB on 4 slices');
  await player.next();

  await expect(player.stepHeading).toHaveText('Meet the report’s target');
  const report = page.locator('[data-constraint="report"]');
  await expect(report).toContainText('25 min — target 1 min 30 s');
  await setCluster(page, 'dc1.8xlarge', 2);
  await expect(report).toContainText('46.9 s');
  await player.next();

  await expect(player.stepHeading).toHaveText('Fit the budget');
  const budget = page.locator('[data-constraint="budget"]');
  await expect(budget).toContainText('$7,008.00 ($9.60 an hour) — budget $5,000.00');
  await expect(player.task(/costs at most/)).toContainText('over the budget');
  await setCluster(page, 'dc1.large', 20);
  await expect(budget).toContainText('$3,650.00');
  await player.next();

  await expect(player.stepHeading).toHaveText('Where "$1,000 per TB per year" comes from');
  const perTb = page.getByLabel(/ds2\.xlarge node cost per TB per year/);
  await perTb.fill('7,446');
  await perTb.press('Enter');
  await expect(player.task(/ds2\.xlarge node cost/)).toContainText('divide by the terabytes it stores');
  await expect(page.getByRole('heading', { name: /worked out/ })).toHaveCount(0);
  await perTb.fill('3,723');
  await perTb.press('Enter');
  await expect(page.getByRole('heading', { name: /worked out/ })).toBeVisible();
  await page.getByLabel('Dense storage (DS2) nodes reserved for three years').check();
  await player.next();
  await expect(player.summary).toBeVisible();
});

test('answer questions with SQL: a wrong query is explained, the workshop’s queries pass, on the Redshift engine in the worker', async ({
  page,
}) => {
  const app = new App(page);
  const player = new LabPlayer(app);
  await player.open('redshift-queries');
  await player.start();
  await expect(player.stepHeading).toHaveText('The workshop’s three questions');
  const count404 = page.locator('[data-question="count-404"]');
  const editor = count404.getByLabel('How many requests ended in 404 Not Found?');
  await editor.fill('SELECT COUNT(1) FROM accesslogs;');
  await count404.getByRole('button', { name: 'Run the query' }).click();
  await expect(count404).toContainText('That counts every request; keep only the 404 responses.');
  await editor.fill('SELECT COUNT(1) FROM accessLogs WHERE response_code = 404;');
  await editor.press('Control+Enter');
  await expect(count404).toContainText('Right. Its row matches the data.');

  const perDay = page.locator('[data-question="codes-per-day"]');
  await perDay
    .getByLabel('How many requests got each response code on each day?')
    .fill(
      'SELECT TRUNC(request_time), response_code, COUNT(1) FROM accesslogs GROUP BY 1,2 ORDER BY 1,3 DESC;',
    );
  await perDay.getByRole('button', { name: 'Run the query' }).click();
  await expect(perDay.getByRole('table')).toContainText('2016-06-07');
  await expect(perDay).toContainText('Right. All 12 rows match the data.');

  const top = page.locator('[data-question="top-404-path"]');
  await top
    .getByLabel('Which path was asked for most often among the 404 responses?')
    .fill(
      'SELECT TOP 1 request_path,COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC;',
    );
  await top.getByRole('button', { name: 'Run the query' }).click();
  await player.next();
  await expect(player.stepHeading).toHaveText('The questions an analyst asks next');
  const missing = page.locator('[data-question="missing-size"]');
  await missing.getByRole('textbox').fill('SELECT COUNT(*) FROM accesslogs WHERE response_size = NULL;');
  await missing.getByRole('button', { name: 'Run the query' }).click();
  await expect(missing).toContainText('A comparison with NULL (= NULL) is never true');
});

test('load with COPY: create the table, watch the workshop’s COPY fail, read stl_load_errors, fix the load', async ({
  page,
}) => {
  const app = new App(page);
  const player = new LabPlayer(app);
  await player.open('redshift-load');
  await player.start();
  await expect(player.stepHeading).toHaveText('Create the table');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await page.getByRole('button', { name: 'The workshop’s CREATE TABLE' }).click();
  await run.click();
  await player.next();

  await expect(player.stepHeading).toHaveText('Load the files');
  await page.getByRole('button', { name: 'The workshop’s COPY' }).click();
  await run.click();
  const log = page.getByRole('region', { name: 'What ran' });
  await expect(log).toContainText("Load into table 'accesslogs' failed.");
  await page.getByRole('button', { name: 'Read stl_load_errors' }).click();
  await run.click();
  await expect(log.getByRole('table').first()).toContainText('1207');
  await page.getByRole('radio', { name: 'response_size' }).check();
  const code = page.getByLabel('What is its error code (err_code)?');
  await code.fill('1207');
  await code.press('Enter');
  await player.next();

  await expect(player.stepHeading).toHaveText('Fix the load');
  await page.getByRole('button', { name: /Re-run the processing step/ }).click();
  await expect(page.getByText('written as empty fields (cleaned).')).toBeVisible();
  await page.getByRole('button', { name: 'The workshop’s COPY' }).click();
  await run.click();
  await expect(player.task('accesslogs holds every line of the files, each once')).toContainText(
    /[\d,]+ rows for [\d,]+ lines/,
  );
  await player.next();
  await expect(player.summary).toBeVisible();
});

for (const size of sizes) {
  test(`Redshift lab screenshots at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    const player = new LabPlayer(new App(page));
    await seedProgress(page, [{ labId: 'redshift-sizing', stepIndex: 2, hints: 1 }]);
    await player.open('redshift-sizing', { keepStorage: true });
    await expect(player.stepHeading).toHaveText('Fit the budget');
    await expect(page.locator('[data-constraint="budget"]')).toContainText('$7,008.00');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the sizing lab scrolls sideways').toBeLessThanOrEqual(0);
    // The whole page in a window as tall as it, so the step's sticky footer rests at the end of its column.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(height, size.height) });
    await page.screenshot({ path: screenshotPath(`lab-redshift-sizing-${size.width}x${size.height}`) });

    await page.setViewportSize(size);
    await seedProgress(page, [{ labId: 'redshift-queries', stepIndex: 1, partial: 2, hints: 1 }]);
    await player.open('redshift-queries', { keepStorage: true });
    await expect(page.locator('[data-question="bytes-per-day"]').getByRole('table')).toBeVisible();
    const queriesOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(queriesOverflow, 'the queries lab scrolls sideways').toBeLessThanOrEqual(0);
    const queriesHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(queriesHeight, size.height) });
    await page.screenshot({ path: screenshotPath(`lab-redshift-queries-${size.width}x${size.height}`) });

    await page.setViewportSize(size);
    await seedProgress(page, [{ labId: 'redshift-load', stepIndex: 1, partial: 1, hints: 1 }]);
    await player.open('redshift-load', { keepStorage: true });
    await expect(page.getByRole('region', { name: 'What ran' })).toContainText(
      "Load into table 'accesslogs' failed.",
    );
    const loadOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(loadOverflow, 'the COPY lab scrolls sideways').toBeLessThanOrEqual(0);
    const loadHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(loadHeight, size.height) });
    await page.screenshot({ path: screenshotPath(`lab-redshift-load-${size.width}x${size.height}`) });
  });
}

test('the sizing lab has no serious or critical accessibility violations, in either theme', async ({
  page,
}) => {
  const player = new LabPlayer(new App(page));
  await seedProgress(page, [{ labId: 'redshift-sizing', stepIndex: 3, partial: 1, hints: 2 }]);
  await player.open('redshift-sizing', { keepStorage: true });
  await expect(page.getByRole('heading', { name: /worked out/ })).toBeVisible();
  await openAllDisclosures(page);
  await expectAccessibleInBothThemes(page);
});
