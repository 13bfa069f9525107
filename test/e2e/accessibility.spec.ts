import { expect, test } from '@playwright/test';
import { expectAccessibleInBothThemes, openAllDisclosures } from './pages/axe';
import { App } from './pages/app';

/** Every page in both themes must have no serious or critical axe-core violations (WCAG 2.1 A and AA). */
const pages = [
  { name: 'agenda', route: '/' },
  ...['kinesis', 'firehose', 's3', 'emr', 'redshift', 'ml', 'pipeline'].map((calc) => ({
    name: `calculators (${calc})`,
    route: `/calculators?calc=${calc}`,
  })),
  { name: 'settings', route: '/settings' },
];

test.describe('accessibility in the light and dark themes', () => {
  for (const target of pages) {
    test(`${target.name} has no serious or critical violations`, async ({ page }) => {
      await new App(page).open(target.route);
      // Every source disclosure open, so their contents are checked too.
      await openAllDisclosures(page);
      await expectAccessibleInBothThemes(page);
    });
  }
});
test('keyboard alone reaches the navigation, a calculator field and the theme toggle, with visible focus', async ({
  page,
}) => {
  const app = new App(page);
  await app.open('/calculators?calc=kinesis');
  const focusOutline = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element ? getComputedStyle(element).outlineStyle : 'none';
    });

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Big Data Day Lab' })).toBeFocused();
  expect(await focusOutline()).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(app.navigation.getByRole('link', { name: 'Agenda' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(app.navigation.getByRole('link', { name: 'Streaming' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.navigation.getByRole('link', { name: 'Redshift' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Presenter mode' })).toBeFocused();
  expect(await focusOutline()).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(app.themeToggle).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await app.drawnTheme()).toBe('dark');

  const field = page.getByRole('textbox', { name: 'Average records per second', exact: true });
  for (
    let presses = 0;
    presses < 20 && !(await field.evaluate((el) => el === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(field).toBeFocused();
  expect(await focusOutline()).toBe('solid');
});
