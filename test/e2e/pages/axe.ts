import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rule sets every screen is held to. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The axe rules whose outcome depends on colour. The two themes differ only in their colour custom
 * properties, so the second theme re-runs just these (colour contrast is most of axe's time on a big page).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** One axe finding, short enough to read in a failed assertion. */
export interface Finding {
  readonly id: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/** Opens every disclosure so what it hides is checked too. */
export async function openAllDisclosures(page: Page): Promise<void> {
  await page.locator('details').evaluateAll((elements) => {
    for (const element of elements) (element as HTMLDetailsElement).open = true;
  });
}

/** What an axe check covers. */
export interface AxeScope {
  /** A CSS selector to check inside of; the whole page by default. */
  readonly include?: string;
  /** Every axe rule (best practices too) and every impact, not just serious and critical WCAG findings. */
  readonly strict?: boolean;
}

/**
 * The serious and critical axe violations on the page (or inside `include`), under every WCAG 2.1 A/AA rule
 * or, with `colourOnly`, under the colour rules alone; `strict` widens it to every rule and impact.
 */
export async function axeViolations(
  page: Page,
  options: AxeScope & { readonly colourOnly?: boolean } = {},
): Promise<Finding[]> {
  let builder = new AxeBuilder({ page });
  if (options.colourOnly) builder = builder.withRules(COLOUR_RULES);
  else if (!options.strict) builder = builder.withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  return results.violations
    .filter(
      (violation) => options.strict || violation.impact === 'serious' || violation.impact === 'critical',
    )
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

/**
 * Checks the page as it stands in the light theme under every rule, then switches the system colour scheme
 * to dark (the app follows it live) and checks the colour rules again.
 */
export async function expectAccessibleInBothThemes(page: Page, options: AxeScope = {}): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(
    await axeViolations(page, options),
    options.strict ? 'light theme, every axe rule' : 'light theme, all WCAG 2.1 A/AA rules',
  ).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await axeViolations(page, { ...options, colourOnly: true }), 'dark theme, colour rules').toEqual([]);
}
