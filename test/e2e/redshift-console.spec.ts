import { expect, test } from '@playwright/test';
import { expectAccessibleInBothThemes, openAllDisclosures } from './pages/axe';
import { RedshiftConsole } from './pages/redshift-console';

/**
 * The Redshift console end to end in Chromium: the workshop's cluster, its table, the sample data loaded
 * with COPY, the three test queries, a chart, EXPLAIN and an error shown where it is. The SQL itself is
 * proven headlessly (sim/redshift); this proves the page, the worker and the editor work together.
 */
test('creates the workshop’s cluster, runs its CREATE TABLE and a query, and shows the real commands', async ({
  page,
}) => {
  test.slow();
  const redshift = new RedshiftConsole(page);
  await redshift.open();
  await expect(redshift.createForm.locator('[data-hourly-price]')).toContainText('$0.25 per hour');
  await redshift.createCluster();
  await expect(redshift.clusterPanel.locator('[data-cli]').first()).toBeAttached();
  await expect(redshift.clusterPanel).toContainText('psql');
  await redshift.runStatementContaining('CREATE TABLE accesslogs');
  await expect(redshift.statementResults().first()).toHaveAttribute('data-statement-result', 'ok');
  await expect(page.locator('[data-slice-table="accesslogs"]')).toContainText('diststyle KEY(host_address)');
});

test('an error is shown at its line and column, and the editor keeps its text', async ({ page }) => {
  test.slow();
  const redshift = new RedshiftConsole(page);
  await redshift.open();
  await redshift.createCluster();
  await redshift.setScript('select 1;\nselect nope\n  from nowhere;');
  await redshift.runAll();
  await expect(redshift.editorError).toContainText(
    'ERROR at line 3, column 8: relation "nowhere" does not exist',
  );
  await expect(redshift.editor).toContainText('from nowhere;');
  await redshift.app.reload();
  await expect(redshift.editor).toContainText('from nowhere;');
  // The cluster is rebuilt as it was, available at the clock the page had reached.
  await expect(redshift.clusterStatus).toHaveText('available');
});

test('the console passes the accessibility checks in both themes', async ({ page }) => {
  test.slow();
  const redshift = new RedshiftConsole(page);
  await redshift.open();
  await redshift.createCluster();
  await redshift.runStatementContaining('CREATE TABLE accesslogs');
  await openAllDisclosures(page);
  await expectAccessibleInBothThemes(page);
});

test('the workshop’s flow: COPY the sample data, the three test queries, a chart and EXPLAIN', async ({
  page,
}) => {
  test.slow();
  const redshift = new RedshiftConsole(page);
  await redshift.open();
  await redshift.createCluster();
  await redshift.putSampleData();
  await expect(page.locator('[data-sample-data]')).toContainText('Generated sample data');
  await redshift.runAll();
  const statuses = await redshift
    .statementResults()
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-statement-result')));
  expect(statuses).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  await expect(redshift.statementResults().nth(1)).toContainText('rows loaded');
  await expect(page.locator('[data-load-history] [data-load="loaded"]')).toHaveCount(1);

  // The first test query: requests per day and response code, charted by day and split by code.
  await redshift.showResult('TRUNC(request_time)');
  await expect(redshift.table.locator('thead th')).toHaveText(['trunc', 'response_code', 'count']);
  await redshift.showChart();
  await expect(redshift.chart).toHaveAttribute('data-result-chart', 'line');
  const controls = page.getByRole('group', { name: 'Chart settings' });
  await controls.getByRole('radio', { name: 'Bar' }).check();
  await controls.getByLabel('Value').selectOption({ label: 'count' });
  await controls.getByLabel('Series').selectOption({ label: 'response_code' });
  await expect(redshift.chart).toHaveAttribute('data-result-chart', 'bar');
  await expect(redshift.chart.locator('rect').first()).toBeVisible();
  await expect(redshift.chart.locator('.legend li')).toContainText(['response_code = 200']);

  // The second and third: the count of 404s, and the most requested missing path.
  await redshift.showResult('WHERE response_code = 404');
  await expect(redshift.results.locator('[data-chart-none]')).toBeVisible();
  await redshift.showTable();
  await expect(redshift.table.locator('tbody tr')).toHaveCount(1);
  await redshift.showResult('SELECT TOP 1');
  await expect(redshift.table.locator('thead th')).toHaveText(['request_path', 'count']);

  await redshift.setScript('EXPLAIN SELECT COUNT(1) FROM accesslogs WHERE response_code = 404;');
  await redshift.runAll();
  await expect(redshift.explain).toContainText('XN Seq Scan on accesslogs');
  await expect(redshift.explain.locator('[data-plan-step="Seq Scan"]')).toContainText('Reads every block');
  await expect(page.locator('[data-last-scan]')).toBeVisible();
  await expect(page.locator('[data-modelled-time]')).not.toHaveText('');
});

test('a long query shows its progress and can be cancelled without losing the loaded table', async ({
  page,
}) => {
  test.slow();
  const redshift = new RedshiftConsole(page);
  await redshift.open();
  await redshift.createCluster();
  await redshift.putSampleData();
  await redshift.runAll();
  // A cross join of the table with itself three times: far too many rows to count quickly.
  await redshift.setScript('SELECT COUNT(1) FROM accesslogs a, accesslogs b, accesslogs c;');
  await page.getByRole('button', { name: 'Run all' }).click();
  const progress = page.locator('[data-run-progress]');
  await expect(progress).toContainText('Running statement 1 of 1');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toContainText('Cancelled. The query’s worker was stopped', { timeout: 30_000 });
  await redshift.setScript('SELECT COUNT(1) FROM accesslogs;');
  await redshift.runAll();
  await expect(redshift.statementResults().first()).toHaveAttribute('data-statement-result', 'ok');
  const count = Number(await redshift.table.locator('tbody td').first().innerText());
  expect(count).toBeGreaterThan(10_000);
});
