import { expect, test, type Page } from '@playwright/test';
import { commandLineProblems } from '../cli-commands/check-line';
import { App } from './pages/app';
import { openAllDisclosures } from './pages/axe';
import { LabPlayer } from './pages/lab-player';
import { StreamingConsole } from './pages/streaming-console';
import { screenshotPath } from './pages/screenshots';

/**
 * "Show the real command" as a learner meets it: every command a page shows is pasted, as its text, into a
 * POSIX shell and checked against AWS's API models (test/cli-commands); what AWS would refuse is shown as
 * refused, and 2016 has no update-shard-count. Screenshots of the console's action forms go to
 * .tmp/screenshots for people to look at.
 */

/** Every command line the page shows (all disclosures opened), with the problems of each. */
async function problemsOnPage(page: Page): Promise<string[]> {
  await openAllDisclosures(page);
  const lines = await page.locator('[data-cli]').allInnerTexts();
  expect(lines.length).toBeGreaterThan(0);
  return lines.flatMap((line) => commandLineProblems(line).map((problem) => `${line}\n  ${problem}`));
}

test('the console shows commands that run, refuses what AWS refuses, and has no 2016 update-shard-count', async ({
  page,
}) => {
  test.slow();
  const streaming = new StreamingConsole(page);
  await streaming.open();
  await streaming.start('A hot key');
  const stream = streaming.stream('clicks');

  const split = stream.getByRole('form', { name: 'Split a shard' });
  await split.getByLabel('Shard to split').selectOption('shardId-000000000000');
  await split.getByLabel('a hash key I choose').check();
  const key = split.getByLabel('NewStartingHashKey (decimal)');
  await key.fill('1234 5678');
  await split.getByText('Show the real command').click();
  await expect(split.locator('[data-cli-refused]')).toContainText('ValidationException');
  await expect(split.locator('[data-cli]')).toHaveCount(0);
  await key.fill('85070591730234615865843651857942052864');
  await expect(split.locator('[data-cli]')).toHaveText(
    'aws kinesis split-shard --stream-name clicks --shard-to-split shardId-000000000000 --new-starting-hash-key 85070591730234615865843651857942052864',
  );

  const update = stream.getByRole('form', { name: 'Update shard count' });
  await update.getByText('Show the real command').click();
  await expect(update.locator('[data-cli-absent]')).toContainText('UpdateShardCount arrived on 2016-11-15');
  await expect(update.locator('[data-cli]')).toHaveCount(0);

  const keys = stream.getByRole('form', { name: 'Change key strategy' });
  await keys.getByLabel('New partition keys').selectOption({ label: 'one fixed key' });
  await keys.getByLabel('Key', { exact: true }).fill('user 42');
  await keys.getByText('Show the real command').click();
  await expect(keys.locator('[data-cli]')).toContainText("--partition-key 'user 42' --data ");
  await expect(keys).toContainText('CLI version 2 reads --data as base64');

  const actions = stream.locator('.actions');
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await actions.scrollIntoViewIfNeeded();
    await actions.screenshot({
      path: screenshotPath(`real-commands-console-${size.width}x${size.height}`),
    });
  }

  await split.getByRole('button', { name: 'Split shard' }).click();
  const entry = streaming.actionLog.locator('[data-action-entry]').first();
  await expect(entry).toHaveAttribute('data-outcome', 'ok');
  await entry.scrollIntoViewIfNeeded();
  await entry.screenshot({ path: screenshotPath('real-commands-action-log-1920x1080') });
  expect(await problemsOnPage(page)).toEqual([]);
});

test('the downstream panels’ commands run: Firehose, the S3 browser and the object viewer', async ({
  page,
}) => {
  test.slow();
  const streaming = new StreamingConsole(page);
  await streaming.open();
  await streaming.run('A Firehose pipeline');
  const { key } = await streaming.openFirstDeliveredObject();
  const problems = await problemsOnPage(page);
  expect(await page.locator('[data-cli]').allInnerTexts()).toEqual(
    expect.arrayContaining([
      'aws firehose describe-delivery-stream --delivery-stream-name weblogs',
      `aws s3 cp s3://bdlab-weblogs/${key} - | gunzip | head`,
    ]),
  );
  expect(problems).toEqual([]);
});

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

test('the KCL lease board’s commands run: the lease table scan, and the real-world steps for add and crash', async ({
  page,
}) => {
  test.slow();
  const streaming = new StreamingConsole(page);
  await streaming.open();
  await streaming.run('A KCL app with resharding');
  const board = streaming.leaseBoard('orders-app');
  await expect(board.locator('[data-lease]').first()).toBeVisible();
  await streaming.pause();
  expect(await problemsOnPage(page)).toEqual([]);
  const commands = board.locator('.commands');
  await expect(commands.locator('[data-cli]')).toHaveText([
    'aws dynamodb scan --table-name orders-app',
    "java -cp 'lib/*' com.amazonaws.services.kinesis.multilang.MultiLangDaemon orders-app.properties",
    'aws dynamodb scan --table-name orders-app',
  ]);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await commands.scrollIntoViewIfNeeded();
    await commands.screenshot({
      path: screenshotPath(`real-commands-lease-board-${size.width}x${size.height}`),
    });
  }
});

test('the labs’ commands run', async ({ page }) => {
  test.slow();
  const player = new LabPlayer(new App(page));
  for (const lab of ['hot-shard', 'firehose-buffering']) {
    await player.open(lab);
    await player.start();
    // The explorable draws its forms once the lab's facts arrive from the derive worker.
    const computed = () => expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await computed();
    const midpoint = page.getByRole('button', { name: "The shard's midpoint" });
    if (await midpoint.isVisible()) await midpoint.click();
    while ((await page.locator('[data-cli], [data-cli-refused]').count()) === 0) {
      const next = page.getByRole('button', { name: /^Next step/ });
      if (!(await next.isVisible())) break;
      await next.click();
      await computed();
    }
    expect(await problemsOnPage(page), lab).toEqual([]);
    const shown = page.locator('[data-cli]').first();
    await shown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`real-commands-${lab}-1280x720`) });
  }
});
