import { expect, test, type Page } from '@playwright/test';
import { registeredLabs } from '../../labs';
import { App } from './pages/app';
import { seedProgress } from './pages/lab-states';

/**
 * The web build is served with the desktop app's Content-Security-Policy (vite.config.ts), so any inline
 * script or style attribute the desktop app would block shows up here as a violation.
 */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('every page is served with the desktop Content-Security-Policy', async ({ page }) => {
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
});

test('no page or lab breaks the Content-Security-Policy', async ({ page }) => {
  // Twenty-odd pages, each with its simulation: more than the default 30 s on a shared two-core machine.
  test.slow();
  await recordViolations(page);
  // Each lab mid-way through its second step, so its explorable (charts, boards, forms) is on screen.
  await seedProgress(
    page,
    registeredLabs.map(({ lab }) => ({ labId: lab.id, stepIndex: 1, partial: 1, hints: 1 })),
  );
  const app = new App(page);
  const routes = [
    '/',
    '/calculators',
    '/calculators?calc=pipeline',
    '/settings',
    '/streaming',
    '/redshift',
    ...registeredLabs.map(({ lab }) => `/lab/${lab.id}`),
  ];
  for (const route of routes) {
    await app.open(route, { keepStorage: true });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page), `on #${route}`).toEqual([]);
  }
});
