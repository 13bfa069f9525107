import { expect, test } from '@playwright/test';
import { StreamingConsole } from './pages/streaming-console';
import { screenshotPath } from './pages/screenshots';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const count = (text: string) => Number(text.replace(/,/g, ''));

/**
 * What the console counts is true (issue 9 §2): a stream's throttling is given as distinct records apart
 * from refused put attempts, with the stretch each figure covers, and a Firehose object shows whole log
 * lines stamped in its key's hour. Screenshots go to .tmp/screenshots for people to look at.
 */
test.describe('streaming console: records, attempts and log lines', () => {
  test.slow();

  test('a hot key with retries: records throttled stay under records offered, attempts above', async ({
    page,
  }) => {
    const streaming = new StreamingConsole(page);
    await streaming.open();
    await streaming.start('A hot key');
    await streaming.setSpeed('100×');
    await streaming.setPauseAtMoments(false);
    await streaming.play();
    await expect.poll(() => streaming.seconds(), { timeout: 30_000, intervals: [100] }).toBeGreaterThan(30);
    await streaming.pause();

    const clicks = streaming.stream('clicks');
    const summary = clicks.locator('[data-throttle-summary]');
    const text = (await summary.innerText()).replace(/\s+/g, ' ');
    const m =
      /Whole run so far: ([\d,]+) of ([\d,]+) records offered were throttled at least once, in ([\d,]+) refused put attempts/.exec(
        text,
      );
    expect(m, text).not.toBeNull();
    const [records, offered, attempts] = [count(m![1]!), count(m![2]!), count(m![3]!)];
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThanOrEqual(offered);
    expect(attempts).toBeGreaterThan(records);
    await expect(clicks.locator('[data-records-throttled]')).toHaveText(
      `${m![1]} of ${m![2]} records throttled`,
    );
    const badge = clicks.locator('figure[data-shard] [data-throttled]');
    await expect(badge).toHaveCount(1);
    await expect(badge).toContainText(/put attempts refused in the last \d+ (s|min)/);

    for (const size of sizes) {
      await page.setViewportSize(size);
      // The stream's heading just below the sticky clock bar, as a learner scrolls to it.
      await clicks.evaluate((el) =>
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 140),
      );
      await page.screenshot({
        path: screenshotPath(`counters-stream-panel-${size.width}x${size.height}`),
      });
      await clicks.screenshot({
        path: screenshotPath(`counters-stream-panel-${size.width}x${size.height}-full`),
      });
    }
  });

  test('a Firehose object opens as whole access-log lines stamped in its key’s hour', async ({ page }) => {
    const streaming = new StreamingConsole(page);
    await streaming.open();
    await streaming.run('A Firehose pipeline');
    const { key, viewer } = await streaming.openFirstDeliveredObject();
    const [year, month, day, hour] = key.split('/').slice(1, 5);
    const stamp = `[${day}/${MONTHS[Number(month) - 1]}/${year}:${hour}:`;
    const content = await viewer.locator('[data-object-content]').innerText();
    const lines = content.split('\n').filter((line) => line.trim() !== '');
    // The preview may end mid-line when it is cut at its character limit; every line before is whole.
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(/^\S+ - - \[[^\]]+\] "(GET|POST) \S+ HTTP\/1\.1" \d{3} (\d+|-) "[^"]*" "[^"]*"$/);
      expect(line).toContain(stamp);
    }
    expect(lines.length).toBeGreaterThan(5);

    for (const size of sizes) {
      await page.setViewportSize(size);
      await viewer.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`counters-s3-object-${size.width}x${size.height}`) });
    }
  });
});
