import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { LabPlayer } from './pages/lab-player';
import { seedProgress } from './pages/lab-states';

/** The hot-shard lab's SplitShard form on a laptop screen: a refused split says why where the learner looks. */
test('a refused split shows its error beside the button, on screen at 1280×800', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const player = new LabPlayer(new App(page));
  await seedProgress(page, [{ labId: 'hot-shard', stepIndex: 1 }]);
  await player.open('hot-shard', { keepStorage: true });
  await expect(player.stepHeading).toBeVisible();

  const form = page.getByRole('region', { name: /SplitShard/ });
  await form.getByRole('combobox', { name: 'ShardToSplit' }).selectOption('shardId-000000000000');
  // The shard's own StartingHashKey: Kinesis wants a key strictly inside the range.
  await form.getByRole('textbox', { name: 'NewStartingHashKey' }).fill('0');
  const split = form.getByRole('button', { name: 'Split the shard' });
  await split.scrollIntoViewIfNeeded();
  await split.click();

  const error = form.locator('[aria-live="polite"]');
  await expect(error).toContainText(
    'Not split: InvalidArgumentException: NewStartingHashKey 0 used in SplitShard()',
  );
  await expect(error).toBeInViewport();
  await expect(split).toBeInViewport();
  await expect(form.getByRole('textbox', { name: 'NewStartingHashKey' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByText(/^Not done:/)).toHaveCount(0);
  // A request AWS refuses is not offered as a command to paste.
  await expect(form.getByText('The real command:')).toHaveCount(0);

  // The learner's input stays; a key inside the range splits, and the error goes.
  await expect(form.getByRole('textbox', { name: 'NewStartingHashKey' })).toHaveValue('0');
  await form.getByRole('button', { name: "The shard's midpoint" }).click();
  await expect(error).toBeEmpty();
  await expect(form.getByText('The real command:')).toBeVisible();
  await split.click();
  await expect(form.getByRole('button', { name: 'Undo the split' })).toBeVisible();
});
