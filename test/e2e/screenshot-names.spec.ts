import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR, screenshotPath } from './pages/screenshots';

/** Tests run side by side: a screenshot name belongs to one test per run, so no picture replaces another. */
test('a screenshot name belongs to the first test that asks for it; another test asking for it fails', () => {
  const name = `name-check-${test.info().testId}`;
  const path = screenshotPath(name);
  expect(path).toBe(`${SCREENSHOT_DIR}/${name}.png`);
  // The same test may ask again, as a loop over themes or sizes does for each of its names.
  expect(screenshotPath(name)).toBe(path);
  const another = { testId: 'another test', outputDir: test.info().project.outputDir };
  expect(() => screenshotPath(name, another)).toThrow(
    `Another test of this run (${test.info().testId}) already writes ${name}.png`,
  );
  expect(screenshotPath(`${name}-other`, another)).toBe(`${SCREENSHOT_DIR}/${name}-other.png`);
});
