import { expect, test } from '@playwright/test';
import { AgendaPage } from './pages/agenda';
import { App } from './pages/app';

test.describe('agenda (home)', () => {
  test('shows the workshop day in order with the slide times', async ({ page }) => {
    const app = new App(page);
    await app.open('/');
    await expect(app.heading).toHaveText('The workshop day');
    expect(await new AgendaPage(app).blocks()).toEqual([
      '12:30 pm Introduction',
      '2:00 pm Real-time streaming',
      '3:00 pm Break',
      '3:15 pm Amazon Machine Learning',
      '4:15 pm Your first big data application',
    ]);
  });

  test('lists each session’s labs honestly as not available yet, with nothing to click', async ({ page }) => {
    const app = new App(page);
    await app.open('/');
    const agenda = new AgendaPage(app);
    const ml = await agenda.labsOf('Amazon Machine Learning');
    expect(ml).toContain('Batch and real-time predictions — Not available yet');
    expect(ml).toHaveLength(4);
    await expect(agenda.session('Amazon Machine Learning').getByRole('button')).toHaveCount(0);
    await expect(agenda.session('Amazon Machine Learning').getByRole('link')).toHaveCount(0);
  });

  test('links every lab the introduction has, each with the learner’s progress', async ({ page }) => {
    const app = new App(page);
    await app.open('/');
    const agenda = new AgendaPage(app);
    expect(await agenda.labsOf('Introduction')).toEqual([
      'The data bus — Not started',
      'The right tool for the job — Not started',
      'Lambda architecture — Not started',
      'Big data ≠ big cost — Not started',
    ]);
    await expect(agenda.session('Introduction').locator('[data-session-progress]')).toHaveText(
      '0 of 4 labs completed',
    );
    await agenda.session('Introduction').getByRole('link', { name: 'Lambda architecture' }).click();
    await expect(app.heading).toHaveText('Lambda architecture');
    await expect(page).toHaveTitle('Lambda architecture — Big Data Day Lab');
  });

  test('links the introduction to the calculators, and the header navigates between pages', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/');
    await new AgendaPage(app)
      .session('Introduction')
      .getByRole('link', { name: 'open the calculators' })
      .click();
    await expect(app.heading).toHaveText('Cost and throughput calculators');
    await app.navigateTo('Settings');
    await expect(app.heading).toHaveText('Settings');
    expect(page.url()).toMatch(/#\/settings$/);
    await expect(page).toHaveTitle('Settings — Big Data Day Lab');
    await app.navigateTo('Agenda');
    await expect(app.heading).toHaveText('The workshop day');
  });

  test('a planned lab that is not built yet says so instead of pretending', async ({ page }) => {
    const app = new App(page);
    await app.open('/lab/predictions');
    await expect(app.heading).toHaveText('Batch and real-time predictions');
    await expect(page.getByRole('main')).toContainText('not available in this version of the app yet');
  });

  test('an unknown link says so and offers a way back', async ({ page }) => {
    const app = new App(page);
    await app.open('/labs/nowhere');
    await expect(app.heading).toHaveText('No page at “/labs/nowhere”');
    await page.getByRole('link', { name: 'the agenda' }).click();
    await expect(app.heading).toHaveText('The workshop day');
  });

  test('the skip link moves keyboard focus to the main content', async ({ page }) => {
    const app = new App(page);
    await app.open('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    expect(page.url()).toMatch(/#\/$/);
  });

  test('shows each lab’s duration and the running total, and the streaming session’s core path fits its hour', async ({
    page,
  }) => {
    const app = new App(page);
    await app.open('/');
    const agenda = new AgendaPage(app);
    const streaming = 'Real-time streaming';
    expect((await agenda.timesOf(streaming)).slice(0, 3)).toEqual([
      '15 min · 15 min so far',
      '20 min · optional',
      '20 min · 35 min so far',
    ]);
    await expect(agenda.planTotal(streaming)).toHaveText(
      'Today’s labs: 50 min of the 1 h slot (10 min left for the talk and questions)',
    );
    await expect(agenda.session(streaming).locator('[data-slot]')).toHaveText('to 3:00 pm (1 h)');
  });

  test('the instructor picks the day’s labs; the totals follow and the plan is saved', async ({ page }) => {
    const app = new App(page);
    await app.open('/');
    const agenda = new AgendaPage(app);
    const streaming = 'Real-time streaming';
    await agenda.startChoosingLabs();
    await expect(agenda.planCheckbox('Fixing a hot shard')).toBeChecked();
    await agenda.planCheckbox('KPL aggregation').check();
    await agenda.planCheckbox('Provisioning shards for ingress, egress and headroom').check();
    await expect(agenda.planTotal(streaming)).toContainText('1 h 25 min of the 1 h slot — 25 min over');
    await agenda.planCheckbox('Streams vs Firehose').uncheck();
    await agenda.planCheckbox('Fixing a hot shard').uncheck();
    await expect(agenda.planTotal(streaming)).toContainText('50 min of the 1 h slot');

    await page.getByLabel('The day ends at').fill('17:45');
    await page.getByLabel('The day ends at').blur();
    await expect(agenda.session('Your first big data application').locator('[data-slot]')).toHaveText(
      'to 5:45 pm (1 h 30 min)',
    );
    await app.reload();
    await expect(agenda.planTotal(streaming)).toContainText('50 min of the 1 h slot');
    expect((await agenda.timesOf(streaming))[3]).toBe('15 min · 50 min so far');

    await page.getByRole('button', { name: 'Back to the agenda’s plan' }).click();
    expect((await agenda.timesOf(streaming))[2]).toBe('20 min · 35 min so far');
    await app.expectSavedSettings({ dayPlan: { labIds: null, endsAt: null } });
  });

  test('on a lab page the header marks the agenda as where the learner is', async ({ page }) => {
    const app = new App(page);
    await app.open('/lab/hot-shard');
    await expect(app.navigation.getByRole('link', { name: 'Agenda' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(app.navigation.locator('[aria-current]')).toHaveCount(1);
  });

  test('the page has an icon, served from the app itself under its security policy', async ({ page }) => {
    const app = new App(page);
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await app.open('/');
    const hrefs = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type'], href).toMatch(/^image\/(svg\+xml|png)/);
    }
    expect(blocked).toEqual([]);
  });
});
