import { expect, test } from '@playwright/test';
import { storageCards } from '../../labs/02-right-tool/cards';
import { service } from '../../labs/02-right-tool/services';
import { factsFor, questionPage } from '../../labs/03-lambda-architecture/explorable';
import { startWorkspace } from '../../labs/03-lambda-architecture/workspace';
import { App } from './pages/app';
import { LabPlayer } from './pages/lab-player';

/**
 * Each session-1 explorable driven from the keyboard-reachable controls a learner uses, step 1 through. What
 * the checks say is proven headlessly; the assertions taken out and the tests that prove them:
 * - the right tool's trade-off text for a wrong pick: labs/02-right-tool/lab.test.ts › "refuses every wrong
 *   pick on every card, saying why, without naming the service that fits" (the card still shows its
 *   verdict here);
 * - Lambda architecture's "5,5" answer after a right one: "“5,5” is not a number here" is
 *   sim/core/typed-number.test.ts › "refuses garbage, badly grouped digits and a comma decimal where the
 *   comma groups"; the checklist line "Your latest answer was not checked", back to "(not done yet)" and to
 *   "(done)" on the next readable answer, is ui/labs/answer-problems.test.ts › "stops showing the verdict on
 *   the previous answer once a new one cannot be read, and shows it again after"; the answer typed with
 *   spaces around it is read by sim/core/typed-number.test.ts › "reads numbers in the app’s own format:
 *   comma groups, point decimals" ('  42  ').
 */

test('right tool: a wrong pick explains the trade-off; the right picks solve the step', async ({ page }) => {
  const player = new LabPlayer(new App(page));
  await player.open('right-tool');
  await player.start();
  const first = storageCards[0]!;
  const card = page.getByRole('article', { name: first.title });
  await card.getByLabel('Service').selectOption({ label: 'Amazon S3' });
  await expect(card).toContainText('Not the best fit');
  for (const scenario of storageCards) {
    await page
      .getByRole('article', { name: scenario.title })
      .getByLabel('Service')
      .selectOption({ label: service(scenario.accepted[0]!).name });
  }
  await expect(card).toContainText('✔ Fits');
  await player.next();
  await expect(player.stepHeading).toHaveText('What processes it');
});

test('lambda architecture: run to 90 s, read the layers, answer; a non-number is explained and not sent', async ({
  page,
}) => {
  const player = new LabPlayer(new App(page));
  const facts = factsFor(startWorkspace.seed);
  await player.open('lambda-architecture');
  await player.start();
  const speed = page.getByLabel(/speed layer hold at 90 s/);
  await speed.fill('lots');
  await page.locator('[data-question="speed-at-90"]').getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('[data-question="speed-at-90"]')).toContainText('“lots” is not a number');

  for (let i = 0; i < 6; i += 1) await page.getByRole('button', { name: 'Run +15 s' }).click();
  await expect(page.getByRole('table').filter({ hasText: 'Counts at 90 s' })).toBeVisible();
  const homeRow = page.locator(`tr[data-page="${questionPage}"]`);
  await expect(homeRow.getByRole('cell').nth(1)).toHaveText(String(facts.atLook.speed[questionPage]));

  const check = page.locator('[data-question="speed-at-90"]').getByRole('button', { name: 'Check' });
  const task = player.task(/speed layer hold at 90 s/);
  await speed.fill(String(facts.atLook.speed[questionPage]));
  await check.click();
  await expect(task).toContainText('(done)');
  await page.getByLabel(/serving layer answer/).fill(String(facts.atLook.served[questionPage]));
  await page.getByLabel(/serving layer answer/).press('Enter');
  await player.next();
  await expect(player.stepHeading).toHaveText('Why it is approximate');
});

test('big data ≠ big cost: the bill and the constraints follow the levers', async ({ page }) => {
  const player = new LabPlayer(new App(page));
  await player.open('big-data-small-cost');
  await player.start();
  const throughput = page.locator('[data-constraint="throughput"]');
  // The load on each shard, never the shard count that fits: that is the step's answer.
  await expect(throughput).toContainText('each of your 1 shard takes 210 % of its write records per second');
  await expect(throughput).not.toContainText('3 shards');
  await page.getByRole('button', { name: 'Shards: one more' }).click();
  await page.getByLabel('Shards', { exact: true }).fill('0');
  await page.getByLabel('Shards', { exact: true }).press('Enter');
  await expect(page.getByText('Type a whole number from 1 to 100.')).toBeVisible();
  await page.getByLabel('Shards', { exact: true }).fill('3');
  await page.getByLabel('Shards', { exact: true }).press('Enter');
  await expect(throughput).toContainText('each of your 3 shards takes 70 %');
  const kinesisLine = page.locator('[data-bill-line="kinesis"]');
  await expect(kinesisLine).toContainText('$58.60');
  await player.next();
  await expect(player.stepHeading).toHaveText('Run the daily job');
  await page.getByRole('button', { name: /Add the cluster/ }).click();
  await expect(page.locator('[data-constraint="job"]')).toContainText('the cluster gives 192');
});

test('data bus: keyboard alone places a piece and keeps focus on the board', async ({ page }) => {
  const player = new LabPlayer(new App(page));
  await player.open('data-bus');
  await player.start();
  const first = page.getByRole('region', { name: 'Pieces to place' }).getByRole('button').first();
  const name = (await first.innerText()).trim();
  await first.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `Place here: ${name} on Store` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-stage="store"]').getByRole('button', { name, exact: true })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Pieces to place' }).getByRole('button').first(),
  ).toBeFocused();
});

test('data bus: a piece can also be dragged onto its stage, as the lab text says', async ({ page }) => {
  const player = new LabPlayer(new App(page));
  await player.open('data-bus');
  await player.start();
  const piece = page
    .getByRole('region', { name: 'Pieces to place' })
    .getByRole('button', { name: 'Web apps', exact: true });
  const target = page.locator('[data-stage="collect"]');
  const from = (await piece.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(target.getByRole('button', { name: 'Web apps', exact: true })).toBeVisible();
});
