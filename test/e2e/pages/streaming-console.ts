import { expect, type Locator, type Page } from '@playwright/test';
import { App } from './app';
import { openAllDisclosures } from './axe';

/** The streaming console as a learner uses it: pick a scenario, run the clock, act on shards, read panels. */
export class StreamingConsole {
  readonly app: App;

  constructor(readonly page: Page) {
    this.app = new App(page);
  }

  async open(): Promise<void> {
    await this.app.open('/streaming');
    await expect(this.app.heading).toHaveText('Streaming console');
    await expect(this.clock).toBeVisible();
  }

  get clock(): Locator {
    return this.page.getByRole('group', { name: 'Simulation clock' });
  }

  /** Starts a built-in scenario by its title, paused at time zero. */
  async start(builtIn: string): Promise<void> {
    await this.page.getByLabel('Built-in scenario').selectOption({ label: builtIn });
    await this.page.getByRole('button', { name: 'Start scenario' }).click();
    // The worker first finishes starting the page's default scenario, which takes a while on a busy machine.
    await expect(this.page.locator('[data-run-facts]')).toContainText(builtIn, { timeout: 30_000 });
  }

  /** Starts a built-in scenario and runs it as fast as possible, without stopping at moments of interest. */
  async run(builtIn: string): Promise<void> {
    await this.start(builtIn);
    await this.setPauseAtMoments(false);
    await this.setSpeed('As fast as possible');
    const play = this.playButton;
    if (await play.isVisible()) await play.click();
  }

  get playButton(): Locator {
    return this.clock.getByRole('button', { name: 'Play', exact: true });
  }

  get stepButton(): Locator {
    return this.clock.getByRole('button', { name: 'Step 1 s' });
  }

  /** The note the clock shows where it paused for a moment of interest. */
  get moment(): Locator {
    return this.page.locator('[data-clock-moment]');
  }

  /** The clock bar's notice once the run has ended. */
  get ended(): Locator {
    return this.clock.locator('[data-clock-blocked]');
  }

  async setPauseAtMoments(enabled: boolean): Promise<void> {
    await this.clock.getByRole('checkbox', { name: /Pause at moments of interest/ }).setChecked(enabled);
  }

  /** Plays until the clock passes `seconds`, playing on each time it stops at a moment of interest. */
  async runPast(seconds: number): Promise<void> {
    await expect
      .poll(
        async () => {
          const now = await this.seconds();
          if (now > seconds) return now;
          const play = this.playButton;
          if ((await play.isVisible()) && (await play.isEnabled())) await play.click();
          return now;
        },
        { timeout: 30_000, intervals: [100] },
      )
      .toBeGreaterThan(seconds);
  }

  /** A stream panel's SplitShard form. */
  splitForm(stream: string): Locator {
    return this.stream(stream).getByRole('form', { name: 'Split a shard' });
  }

  /** Submits a stream's SplitShard form as it stands (the busiest shard at its midpoint unless changed). */
  async splitShard(stream: string): Promise<void> {
    await this.splitForm(stream).getByRole('button', { name: 'Split shard' }).click();
  }

  /** Opens the hot-key run, plays it at 100× until it stops at its first moment of interest, and splits there. */
  async splitAtFirstMoment(): Promise<void> {
    await this.open();
    await this.setSpeed('100×');
    await this.play();
    // The hot-key run stops at its first moment of interest, its note showing.
    await expect(this.moment).toBeVisible({ timeout: 20_000 });
    await this.splitShard('clicks');
  }

  async setSpeed(label: string): Promise<void> {
    await this.clock.getByRole('radio', { name: label }).check();
  }

  async play(): Promise<void> {
    await this.playButton.click();
  }

  async pause(): Promise<void> {
    const pause = this.clock.getByRole('button', { name: 'Pause' });
    // At speed every frame re-lays the panels out below the clock bar, and Playwright's click waits for the
    // button to hold still for two frames; a learner's click does not wait, and neither does this. On a
    // fast machine the run may also reach its end (and stop by itself) before the click lands.
    if (await pause.isVisible())
      await pause.dispatchEvent('click', undefined, { timeout: 5_000 }).catch(() => {});
    await expect(pause).toHaveCount(0);
  }

  /** Simulated seconds on the clock. */
  async seconds(): Promise<number> {
    return parseFloat((await this.page.locator('[data-clock-now]').innerText()).replace(/,/g, ''));
  }

  stream(name: string): Locator {
    return this.page.locator(`[data-stream="${name}"]`);
  }

  ingressChart(stream: string, shardId: string): Locator {
    return this.stream(stream).locator(`figure[data-shard="${shardId}"]`);
  }

  get actionLog(): Locator {
    return this.section('Actions and their real commands');
  }

  leaseBoard(application: string): Locator {
    return this.page.locator(`[data-kcl-app="${application}"]`);
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /**
   * Waits for Firehose's first delivery, pauses, and opens that object in the S3 browser: its key and the
   * viewer. Located by its key, since newer deliveries may still arrive above it while the clock stops.
   */
  async openFirstDeliveredObject(): Promise<{ key: string; viewer: Locator }> {
    const firehose = this.section('Firehose buffers');
    const delivered = firehose.locator('tbody tr').first();
    await expect(delivered).toBeVisible({ timeout: 30_000 });
    await this.pause();
    const key = (await delivered.getAttribute('data-key')) ?? '';
    await firehose
      .locator(`tr[data-key="${key}"]`)
      .getByRole('button', { name: `Open ${key} in the S3 browser` })
      .click();
    const viewer = this.section('S3 browser').locator(`[data-object-key="${key}"]`);
    await expect(viewer).toBeVisible();
    return { key, viewer };
  }

  async openAllDisclosures(): Promise<void> {
    await openAllDisclosures(this.page);
  }
}
