import { expect, test } from '@playwright/test';
import { busItem, busItems, stageLabel } from '../../labs/01-data-bus/catalogue';
import { dataBusLab } from '../../labs/01-data-bus/lab';
import type { DataBusAction } from '../../labs/01-data-bus/workspace';
import { AgendaPage } from './pages/agenda';
import { App } from './pages/app';
import { DataBusBoard } from './pages/lab-data-bus';
import { LabPlayer } from './pages/lab-player';
import { seedProgress } from './pages/lab-states';

/**
 * The data bus in the browser: placing pieces and drawing connections with the pointer and the keyboard,
 * hints, undo, reload, the completion summary and the agenda. What each check says is proven headlessly
 * (labs/01-data-bus/lab.test.ts), so the play-through no longer re-proves it; the assertions taken out and
 * the headless tests that prove them:
 * - the checklist names no piece before anything is placed: "lab 1, step 1 › lists no piece before the
 *   learner has placed anything";
 * - what the checklist says of Amazon Kinesis Streams on Process / analyze: "lab 1, step 1 › says which
 *   piece sits on a stage it does not fit, and why, without naming its stage" (the piece is still put
 *   there and moved, and the verdict still goes once it is, since moving a piece is the board's work);
 * - "No connections yet" on step 2: "lab 1, step 2 › does not tick "every connection follows the
 *   stages" while there is no connection";
 * - Web apps → Amazon EMR "skips storage": "lab 1, step 2 › does not accept a source wired straight into a
 *   processor";
 * - Web apps → ElastiCache, Logs → DynamoDB and Devices → RDS refused, saying why, "Not yet in a store that
 *   fits its data", the right store never named: "lab 1, step 2 › refuses %s → %s and says why the store
 *   does not fit" (each pair, with the names checked);
 * - ElastiCache → Lambda "does not fit" and "the results go nowhere" on step 3: "lab 1, step 3 › does not
 *   congratulate a processor that reads a cache nothing writes to and writes nowhere".
 */

/** The connections a step's scripted solution makes, as the names a learner sees. */
function connectionsOf(stepIndex: number): [string, string][] {
  return (dataBusLab.steps[stepIndex]!.solution as DataBusAction[]).flatMap((action) =>
    action.type === 'connect'
      ? [[busItem(action.from).name, busItem(action.to).name] as [string, string]]
      : [],
  );
}

test('a learner plays the data bus through with hints, reloads mid-way, resumes, and the agenda shows it completed', async ({
  page,
}) => {
  const app = new App(page);
  const agenda = new AgendaPage(app);
  const player = new LabPlayer(app);
  const board = new DataBusBoard(page);

  await app.open('/');
  await agenda.session('Introduction').getByRole('link', { name: 'The data bus' }).click();
  await expect(app.heading).toHaveText('The data bus');
  await player.start();
  await expect(player.stepHeading).toHaveText('Lay out the stages');

  await player.askHint();
  expect(await player.shownHints()).toEqual([`Hint 1 of 3 ${dataBusLab.steps[0]!.hints[0]}`]);

  // Half the pieces, one of them on the wrong stage first and then moved: the checklist follows the board.
  await board.place('Amazon Kinesis Streams', 'Process / analyze');
  await expect(player.task('Processing and analysis are on Process / analyze')).toContainText('does not fit');
  for (const item of busItems.slice(0, 9)) await board.place(item.name, stageLabel(item.stage));
  await expect(player.task('Processing and analysis are on Process / analyze')).not.toContainText(
    'does not fit',
  );
  await expect(player.task('Sources are on Collect')).toContainText(
    'Everything on Collect belongs there, and nothing is missing.',
  );

  // Reload: the same step, the same pieces on the same stages, the same hint, and undo still works.
  const storeBefore = await board.piecesOn('Store');
  await app.reload();
  await expect(player.stepHeading).toHaveText('Lay out the stages');
  expect(await board.piecesOn('Store')).toEqual(storeBefore);
  expect(await player.shownHints()).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();

  for (const item of busItems.slice(9)) await board.place(item.name, stageLabel(item.stage));
  await player.next();

  await expect(player.stepHeading).toHaveText('Collect into storage');
  await expect(player.stepOf).toHaveText('Step 2 of 4');
  await player.askHint();
  await player.askHint();
  // A connection drawn, then taken back with Undo.
  await board.connect('Web apps', 'Amazon EMR');
  expect(await board.connectionCount()).toBe(1);
  await player.undo();
  expect(await board.connectionCount()).toBe(0);
  const [first, ...rest] = connectionsOf(1);
  await board.connectWithKeyboard(first![0], first![1]);
  await expect(board.handle(first![0])).toBeFocused();
  for (const [from, to] of rest) await board.connect(from, to);
  await expect(board.arrow('web-apps', 'kinesis')).toHaveCount(1);
  await player.next();

  await expect(player.stepHeading).toHaveText('Let storage decouple processing');
  // A connection drawn, then taken off with its Disconnect button.
  const before = await board.connectionCount();
  await board.connect('Amazon ElastiCache', 'AWS Lambda');
  expect(await board.connectionCount()).toBe(before + 1);
  await board.disconnect('Amazon ElastiCache', 'AWS Lambda');
  expect(await board.connectionCount()).toBe(before);
  for (const [from, to] of connectionsOf(2)) await board.connect(from, to);
  await player.next();

  await expect(player.stepHeading).toHaveText('Deliver the answers');
  for (const [from, to] of connectionsOf(3)) await board.connect(from, to);
  await player.next();

  await expect(player.summary).toBeVisible();
  await expect(player.summaryFigure('Hints used')).toHaveText('3');
  await expect(player.summaryFigure('Solutions shown')).toHaveText('0');
  const rows = await player.summaryRows();
  expect(rows.map((row) => [row[0], row[2], row[3]])).toEqual([
    ['1. Lay out the stages', '1 of 3', 'Solved by you'],
    ['2. Collect into storage', '2 of 3', 'Solved by you'],
    ['3. Let storage decouple processing', '0 of 3', 'Solved by you'],
    ['4. Deliver the answers', '0 of 3', 'Solved by you'],
  ]);

  await player.summary.getByRole('link', { name: 'Back to the agenda' }).click();
  const session = agenda.session('Introduction');
  await expect(session.locator('[data-lab="data-bus"]')).toContainText('Completed');
  await expect(session.locator('[data-session-progress]')).toContainText('1 of 4 labs completed');
});

test('connections are drawn on the board: Escape cancels one started from the keyboard, the pointer drags one', async ({
  page,
}) => {
  const app = new App(page);
  const player = new LabPlayer(app);
  const board = new DataBusBoard(page);
  await app.open('/');
  await seedProgress(page, [{ labId: 'data-bus', stepIndex: 1 }]);
  await player.open('data-bus', { keepStorage: true });
  await expect(player.stepHeading).toHaveText('Collect into storage');

  await board.handle('Logs').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Connecting from Logs' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect Logs → Amazon S3', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Connect Logs → Amazon S3', exact: true })).toHaveCount(0);
  await expect(board.handle('Logs')).toBeFocused();
  expect(await board.connectionCount()).toBe(0);

  await board.dragConnection('Logs', 'Amazon S3');
  await expect(page.getByRole('button', { name: 'Disconnect Logs → Amazon S3' })).toBeVisible();
  await expect(board.arrow('logs', 's3')).toHaveCount(1);
  await expect(board.arrow('logs', 's3')).toHaveAttribute('d', /^M [\d.]+ [\d.]+ C /);
});

test('progress saved under laxer checks opens the step again, with the work kept and the reason given', async ({
  page,
}) => {
  const app = new App(page);
  const player = new LabPlayer(app);
  await seedProgress(page, [{ labId: 'data-bus', stepIndex: 2 }]);
  await app.open('/', { keepStorage: true });
  // An earlier build accepted web apps → ElastiCache for step 2.
  await page.evaluate(() => {
    const doc = JSON.parse(window.localStorage.getItem('bdlab.document')!);
    const saved = doc.progress.labs['data-bus'];
    saved.actionsByStep[1][0] = { type: 'connect', from: 'web-apps', to: 'elasticache' };
    delete saved.workspace;
    window.localStorage.setItem('bdlab.document', JSON.stringify(doc));
  });
  await page.goto('about:blank');
  await player.open('data-bus', { keepStorage: true });
  await expect(player.stepHeading).toHaveText('Collect into storage');
  await expect(page.getByRole('alert')).toContainText('Opened again: Step 2 is open again');
  await expect(page.getByRole('button', { name: 'Disconnect Web apps → Amazon ElastiCache' })).toBeVisible();
  await expect(player.task('Every source lands its data in a store that fits it')).toContainText(
    'Not yet in a store that fits its data: Web apps.',
  );
});

test('show solution asks first, then marks the step assisted; reset asks and starts the lab over', async ({
  page,
}) => {
  const app = new App(page);
  const player = new LabPlayer(app);
  await player.open('data-bus');
  await player.start();

  await player.showSolutionButton.click();
  await page
    .getByRole('dialog', { name: 'Show the solution?' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(player.task('Sources are on Collect')).toContainText('Nothing on Collect yet.');

  await player.showSolution();
  await expect(
    page.getByRole('status').filter({ hasText: 'Step solved with the solution shown' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toContainText(
    'assisted',
  );

  await player.resetLab();
  await expect(page.getByRole('button', { name: 'Start the lab' })).toBeVisible();
  await app.reload();
  await expect(page.getByRole('button', { name: 'Start the lab' })).toBeVisible();
});

test('saved progress the engine refuses is shown as an error and left untouched', async ({ page }) => {
  const app = new App(page);
  await app.open('/');
  const damaged = {
    schemaVersion: 1,
    settings: { priceBook: '2016', theme: 'system', priceOverrides: {} },
    progress: {
      labs: { 'data-bus': { format: 'bdlab-lab-progress', version: 1, labId: 'data-bus', phase: 'flying' } },
    },
  };
  await page.evaluate((doc) => window.localStorage.setItem('bdlab.document', JSON.stringify(doc)), damaged);
  await page.goto('about:blank');
  await app.open('/lab/data-bus', { keepStorage: true });
  await expect(page.getByRole('alert').filter({ hasText: 'could not be restored' })).toContainText(
    '"phase" must be one of',
  );
  const stored = await page.evaluate(() => window.localStorage.getItem('bdlab.document'));
  expect(JSON.parse(stored!)).toEqual(damaged);
});

test('a save the platform refuses is reported, the work stays on screen, and the stored progress is untouched', async ({
  page,
}) => {
  const app = new App(page);
  const player = new LabPlayer(app);
  const board = new DataBusBoard(page);
  await player.open('data-bus');
  await player.start();
  const stored = () => page.evaluate(() => window.localStorage.getItem('bdlab.document'));
  await expect
    .poll(async () => JSON.parse((await stored()) ?? '{}').progress?.labs?.['data-bus']?.phase)
    .toBe('working');
  const before = await stored();

  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await board.place('Amazon S3', 'Store');
  await board.place('Amazon RDS', 'Store');
  await expect(page.getByText(/This browser refused to store your progress/)).toHaveCount(1);
  await expect(board.stage('Store').getByRole('button', { name: 'Amazon S3', exact: true })).toBeVisible();
  expect(await stored()).toBe(before);
});
