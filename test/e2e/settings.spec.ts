import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { CalculatorsPage } from './pages/calculators';
import { SettingsPage } from './pages/settings';

test.describe('settings', () => {
  test('switching the price book changes a calculator’s cost at once', async ({ page }) => {
    const app = new App(page);
    await app.open('/calculators?calc=firehose');
    const calculators = new CalculatorsPage(app);
    const firehose = calculators.panel('Firehose');
    await expect(firehose.result).toContainText('2016 us-east-1 (the workshop) prices');
    const cost2016 = await firehose.figureValue('Monthly cost');

    const settings = new SettingsPage(app);
    await settings.open();
    await settings.choosePriceBook('Current');
    await page.goBack();
    await expect(firehose.result).toContainText('Current us-east-1 prices');
    expect(await firehose.figureValue('Monthly cost')).not.toBe(cost2016);
  });

  test('the overrides table says once why the book lacks a price, not on every row', async ({ page }) => {
    const app = new App(page);
    await app.open('/settings');
    const settings = new SettingsPage(app);
    await settings.choosePriceBook('Current');
    const reason = 'No current price is sourced for this instance type.';
    await expect(settings.overrides.getByText(reason)).toHaveCount(1);
    const row = settings.overrides.getByRole('row').filter({ hasText: 'ec2.m4.large.onDemandHour' });
    await expect(row).toContainText('not in this book');
    await expect(row).not.toContainText(reason);
    await expect(settings.overrides.getByRole('row').filter({ hasText: 'why: note' })).not.toHaveCount(0);
  });

  test('a price the book lacks is named, with the way to supply it', async ({ page }) => {
    const app = new App(page);
    await app.open('/settings');
    await new SettingsPage(app).choosePriceBook('Current');
    await app.open('/calculators?calc=ml', { keepStorage: true });
    const ml = new CalculatorsPage(app).panel('Amazon ML');
    await expect(ml.result).toContainText('has no price for Amazon ML compute hour (ml.computeHour)');
    await ml.result.getByRole('link', { name: 'In Settings' }).click();
    await expect(app.heading).toHaveText('Settings');
  });

  test('price book and theme are saved and survive a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const app = new App(page);
    await app.open('/settings');
    const settings = new SettingsPage(app);
    await settings.choosePriceBook('Current');
    await settings.chooseTheme('Dark');
    await app.expectSavedSettings({ priceBook: 'current', theme: 'dark' });

    await app.reload();
    await expect(
      page.getByRole('group', { name: 'Price book' }).getByRole('radio', { name: 'Current' }),
    ).toBeChecked();
    await expect(settings.themeChoice('Dark')).toBeChecked();
    expect(await app.drawnTheme()).toBe('dark');
  });

  test('a price override is validated in place, used by the calculators, and can be reset', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/settings');
    const settings = new SettingsPage(app);
    const shardHour = settings.overrideInput('Kinesis shard-hour');

    await shardHour.fill('-1');
    await expect(shardHour).toHaveAttribute('aria-invalid', 'true');
    await expect(settings.overrides).toContainText('kinesis.shardHour: -1 is not allowed');
    await expect(settings.overrides).toContainText('from 0 to 100,000');

    await shardHour.fill('0.03');
    await expect(shardHour).not.toHaveAttribute('aria-invalid');
    await app.expectSavedSettings({ priceOverrides: { 'kinesis.shardHour': 0.03 } });

    await app.navigateTo('Calculators');
    const kinesis = await new CalculatorsPage(app).choose('Kinesis Streams');
    await expect(kinesis.result).toContainText('+ your overrides');
    await expect(kinesis.step('Shard-hours per month')).toContainText('$0.03');
    await expect(kinesis.source('Kinesis shard-hour')).toContainText('your override');

    await app.navigateTo('Settings');
    await settings.overrides.getByRole('button', { name: 'Reset overrides' }).click();
    await expect(shardHour).toHaveValue('');
    await app.expectSavedSettings({ priceOverrides: {} });
    await settings.overrides.getByRole('button', { name: 'Undo' }).click();
    await expect(shardHour).toHaveValue('0.03');
  });

  test('overrides load from a JSON file, and a bad file is refused with every problem named', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/settings');
    const settings = new SettingsPage(app);
    const load = settings.overrides.getByRole('button', { name: 'Load overrides from a JSON file…' });

    const bad = page.waitForEvent('filechooser');
    await load.click();
    await (
      await bad
    ).setFiles({
      name: 'bad-prices.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ basedOn: '2015', prices: { 'kinesis.shardHours': 0.02 } })),
    });
    const alert = settings.overrides.getByRole('alert');
    await expect(alert).toContainText('bad-prices.json was not loaded: 2 problem(s). Nothing was changed.');
    await expect(alert).toContainText('$.basedOn');
    await expect(alert).toContainText('Did you mean kinesis.shardHour');

    const good = page.waitForEvent('filechooser');
    await load.click();
    await (
      await good
    ).setFiles({
      name: 'prices.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ basedOn: 'current', prices: { 'firehose.ingestPerGb': 0.05 } })),
    });
    await expect(settings.overrides.getByRole('status')).toContainText(
      'Loaded 1 override(s) from prices.json',
    );
    await expect(settings.overrideInput('Firehose data ingested, first 500 TB / month')).toHaveValue('0.05');
    await app.expectSavedSettings({ priceBook: 'current', priceOverrides: { 'firehose.ingestPerGb': 0.05 } });
  });
});
