import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';

/** Where screenshots for people (and the README) go; git ignores .tmp. */
export const SCREENSHOT_DIR = '.tmp/screenshots';

/** Who asks for a screenshot name: a test, and the run's output folder where names are claimed. */
export interface ScreenshotClaimant {
  readonly testId: string;
  readonly outputDir: string;
}

function currentTest(): ScreenshotClaimant {
  const info = test.info();
  return { testId: info.testId, outputDir: info.project.outputDir };
}

/**
 * The path of the screenshot `name` (without `.png`). Tests run side by side, so two tests writing one file
 * would race and one picture would silently replace the other: the first test to ask for a name in a run
 * owns it (a claim in the run's output folder, which Playwright empties at the start of every run), and
 * any other test asking for it fails.
 */
export function screenshotPath(name: string, claimant: ScreenshotClaimant = currentTest()): string {
  const claims = join(claimant.outputDir, 'screenshot-names');
  mkdirSync(claims, { recursive: true });
  const claim = join(claims, `${name}.owner`);
  try {
    writeFileSync(claim, claimant.testId, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = readFileSync(claim, 'utf8');
    if (owner !== claimant.testId) {
      throw new Error(
        `Another test of this run (${owner || 'one starting now'}) already writes ${name}.png: give this screenshot a name of its own.`,
      );
    }
  }
  return `${SCREENSHOT_DIR}/${name}.png`;
}
