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

  /** Starts a built-in scenario and runs it as fast as possible. */
  async run(builtIn: string): Promise<void> {
    await this.start(builtIn);
    await this.setSpeed('As fast as possible');
    const play = this.clock.getByRole('button', { name: 'Play' });
    if (await play.isVisible()) await play.click();
  }

  async setSpeed(label: string): Promise<void> {
    await this.clock.getByRole('radio', { name: label }).check();
  }

  async play(): Promise<void> {
    await this.clock.getByRole('button', { name: 'Play' }).click();
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

  async openAllDisclosures(): Promise<void> {
    await openAllDisclosures(this.page);
  }
}
