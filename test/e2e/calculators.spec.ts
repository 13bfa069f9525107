import { expect, test } from '@playwright/test';
import { App } from './pages/app';
import { CalculatorsPage } from './pages/calculators';

test.describe('Kinesis Streams calculator', () => {
  test('agenda → calculators: 3,000 records/s of 500 bytes, 1 consumer needs 3 shards bound by records/s', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/');
    const calculators = new CalculatorsPage(app);
    await calculators.open();
    const kinesis = await calculators.choose('Kinesis Streams');
    await kinesis.type('Average records per second', '3000');
    await kinesis.type('Average record size', '500');
    await kinesis.type('Consuming applications', '1');

    expect(await kinesis.figureValue('Shards needed')).toBe('3');
    expect(await kinesis.figureDetail('Shards needed')).toContain('write records per second');
    await expect(kinesis.step('Shards for write records')).toContainText('3,000');
  });

  test('results follow the learner as they type: 5,000 records/s needs 5 shards and costs more', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/calculators?calc=kinesis');
    const kinesis = new CalculatorsPage(app).panel('Kinesis Streams');
    await kinesis.type('Average records per second', '3000');
    const costAt3000 = await kinesis.figureValue('Monthly cost');

    await kinesis.type('Average records per second', '5000');
    expect(await kinesis.figureValue('Shards needed')).toBe('5');
    expect(await kinesis.figureValue('Monthly cost')).not.toBe(costAt3000);
    await expect(kinesis.step('Shards for write records')).toContainText('5,000');
  });

  test('an invalid input is explained next to its field and the other inputs are kept', async ({ page }) => {
    const app = new App(page);
    await app.open('/calculators?calc=kinesis');
    const kinesis = new CalculatorsPage(app).panel('Kinesis Streams');
    await kinesis.type('Average record size', '800');
    await kinesis.type('Consuming applications', '1.5');

    await expect(kinesis.field('Consuming applications')).toHaveAttribute('aria-invalid', 'true');
    expect(await kinesis.fieldError('Consuming applications')).toContain('1.5 is not whole');
    expect(await kinesis.fieldError('Consuming applications')).toContain('from 0 to 1,000');
    await expect(kinesis.field('Consuming applications')).toHaveValue('1.5');
    await expect(kinesis.field('Average record size')).toHaveValue('800');
    await expect(kinesis.result).toContainText('fix Consuming applications');

    await kinesis.type('Consuming applications', '2');
    await expect(kinesis.field('Consuming applications')).not.toHaveAttribute('aria-invalid');
    expect(await kinesis.figureValue('Shards needed')).toBe('3');
  });

  test('a limit that depends on the price book is checked by the calculator, next to the field', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/calculators?calc=kinesis');
    const kinesis = new CalculatorsPage(app).panel('Kinesis Streams');
    await kinesis.type('Retention', '500');
    expect(await kinesis.fieldError('Retention')).toContain('from 24 to 168');
  });

  test('a calculator’s refusal names the field by its label, not an internal id', async ({ page }) => {
    const app = new App(page);
    await app.open('/calculators?calc=kinesis');
    const kinesis = new CalculatorsPage(app).panel('Kinesis Streams');
    await kinesis.type('Peak records per second', '1000');
    const message = await kinesis.fieldError('Peak records per second');
    expect(message).toContain('Peak records per second must be at least the average (3,000)');
    expect(message).not.toContain('peakRecordsPerSecond');
    await expect(kinesis.result).not.toContainText('peakRecordsPerSecond');
  });

  test('partition-key bytes count toward the write limit, as with the CLI’s --partition-key-bytes', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/calculators?calc=kinesis');
    const kinesis = new CalculatorsPage(app).panel('Kinesis Streams');
    await kinesis.type('Average records per second', '1000');
    await kinesis.type('Average record size', '1000');
    expect(await kinesis.figureValue('Shards needed')).toBe('1');
    await kinesis.type('Partition key size', '100');
    expect(await kinesis.figureValue('Shards needed')).toBe('2');
    expect(await kinesis.figureDetail('Shards needed')).toContain('write bytes per second');
    await kinesis.type('Partition key size', '300');
    expect(await kinesis.fieldError('Partition key size')).toContain('from 0 to 256 bytes');
  });

  test('every price shows its source on demand', async ({ page }) => {
    const app = new App(page);
    await app.open('/calculators?calc=kinesis');
    const kinesis = new CalculatorsPage(app).panel('Kinesis Streams');
    const shardHour = kinesis.source('Kinesis shard-hour');
    const tag = shardHour.getByText('PL2023', { exact: true });
    await expect(tag).toBeHidden();
    await shardHour.locator('summary').click();
    await expect(tag).toBeVisible();
    await expect(shardHour).toContainText('AWS Price List API JSON for AmazonKinesis us-east-1');
    await expect(shardHour).toContainText('Confidence:');
  });

  test('inputs are kept when the learner visits another page and comes back', async ({ page }) => {
    const app = new App(page);
    await app.open('/calculators?calc=kinesis');
    const calculators = new CalculatorsPage(app);
    await calculators.panel('Kinesis Streams').type('Consuming applications', '4');
    const emr = await calculators.choose('EMR');
    await emr.type('Nodes', '3');
    await app.navigateTo('Agenda');
    await app.navigateTo('Calculators');
    await expect(calculators.panel('EMR').field('Nodes')).toHaveValue('3');
    const kinesis = await calculators.choose('Kinesis Streams');
    await expect(kinesis.field('Consuming applications')).toHaveValue('4');
  });

  test('inputs survive a reload through the link', async ({ page }) => {
    const app = new App(page);
    await app.open('/calculators?calc=kinesis');
    const kinesis = new CalculatorsPage(app).panel('Kinesis Streams');
    await kinesis.type('Average records per second', '7000');
    await expect(page).toHaveURL(/kinesis\.recordsPerSecond=7000/);
    await app.reload();
    await expect(kinesis.field('Average records per second')).toHaveValue('7000');
    expect(await kinesis.figureValue('Shards needed')).toBe('7');

    await kinesis.root.getByRole('button', { name: 'Reset to the defaults' }).click();
    await expect(kinesis.field('Average records per second')).toHaveValue('3000');
    await expect(page).not.toHaveURL(/recordsPerSecond/);
  });
});

test.describe('Whole pipeline', () => {
  test('the stacked bar shows each service and follows the inputs', async ({ page }) => {
    const app = new App(page);
    await app.open('/');
    const calculators = new CalculatorsPage(app);
    await calculators.open();
    const pipeline = await calculators.choose('Whole pipeline');
    await expect(pipeline.chart).toHaveAccessibleName(/Monthly cost of the pipeline by service/);
    for (const service of ['Kinesis Firehose', 'Amazon S3', 'Amazon EMR', 'Amazon Redshift']) {
      await expect(pipeline.chart).toHaveAccessibleDescription(new RegExp(service));
    }
    const firehoseWidth = () => pipeline.chart.locator('[data-segment="firehose"]').getAttribute('width');
    const before = await firehoseWidth();
    const totalBefore = await pipeline.figureValue('Pipeline per month');

    await pipeline.type('Log lines per second', '4000');
    await expect.poll(firehoseWidth).not.toBe(before);
    expect(await pipeline.figureValue('Pipeline per month')).not.toBe(totalBefore);
    await expect(pipeline.root.locator('[data-legend="firehose"]')).toBeVisible();

    const emr = pipeline.result.locator('details').filter({ hasText: 'Amazon EMR' });
    await emr.locator('summary').click();
    await expect(emr).toContainText('Instance-hours billed');
  });
});

test.describe('layout', () => {
  const calculators = ['kinesis', 'firehose', 's3', 'emr', 'redshift', 'ml', 'pipeline'];

  test('at 1920×1080 every headline figure stays inside its card, even for large inputs', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const app = new App(page);
    const large =
      '&kinesis.recordsPerSecond=2000000&firehose.recordsPerSecond=2000000' +
      '&redshift.nodeType=ds2.8xlarge&redshift.nodeCount=128&emr.instanceCount=500';
    for (const calc of calculators) {
      await app.open(`/calculators?calc=${calc}${large}`);
      const figures = page.locator('.figure');
      await expect(figures.first(), calc).toBeVisible();
      const overflowing = await figures.evaluateAll((cards) =>
        cards
          .filter((card) => card.scrollWidth > card.clientWidth || card.getBoundingClientRect().width < 1)
          .map((card) => card.textContent?.trim()),
      );
      expect(overflowing, calc).toEqual([]);
    }
  });

  test('at 1280×800 no drop-down cuts off its longest choice', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const app = new App(page);
    for (const calc of calculators) {
      await app.open(`/calculators?calc=${calc}`);
      await expect(page.locator('[data-calculator]')).toBeVisible();
      const cut = await page.locator('[data-calculator] select').evaluateAll((selects) =>
        (selects as HTMLSelectElement[]).flatMap((select) => {
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // Room for text: the box less its padding, borders and the drop-down arrow (about 1.5em).
          const room =
            select.clientWidth -
            parseFloat(style.paddingLeft) -
            parseFloat(style.paddingRight) -
            1.5 * parseFloat(style.fontSize);
          return [...select.options]
            .filter((option) => context.measureText(option.text).width > room)
            .map((option) => option.text);
        }),
      );
      expect(cut, calc).toEqual([]);
    }
  });
});
