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
  await expect(page.locator('[data-slice-table="accesslogs"]')).toContainText('DISTKEY(host_address)');
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
