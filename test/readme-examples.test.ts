import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The README's command-line examples must print what the README shows. Each `$ npm run --silent cli -- …`
 * line in a code block is run for real; the lines after it are its expected output (stdout and stderr).
 * A block with `…` lines is checked as an ordered subset; a command with no output lines is followed by a
 * ```json block whose fields must all appear in the real JSON.
 */
const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const workDir = mkdtempSync(join(tmpdir(), 'bdlab-readme-'));
// The streaming and SQL examples name the files shipped in the repository by their repository paths.
cpSync(join(root, 'sim/streaming/examples'), join(workDir, 'sim/streaming/examples'), { recursive: true });
cpSync(join(root, 'sim/redshift/examples'), join(workDir, 'sim/redshift/examples'), { recursive: true });
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Example {
  readonly args: string[];
  readonly expected: string[];
  readonly jsonAfter?: unknown;
}

function codeBlocks(markdown: string): { lang: string; lines: string[] }[] {
  const blocks: { lang: string; lines: string[] }[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    blocks.push({ lang: match[1] ?? '', lines: (match[2] ?? '').replace(/\n$/, '').split('\n') });
  }
  return blocks;
}

function examples(): Example[] {
  const blocks = codeBlocks(readme);
  const found: Example[] = [];
  blocks.forEach((block, index) => {
    let current: { args: string[]; expected: string[] } | undefined;
    const flush = () => {
      if (!current) return;
      const next = blocks[index + 1];
      const jsonAfter =
        current.expected.length === 0 && next?.lang === 'json'
          ? JSON.parse(next.lines.join('\n'))
          : undefined;
      found.push({ ...current, jsonAfter });
    };
    for (const line of block.lines) {
      const command = /^\$ npm run --silent cli -- (.*)$/.exec(line);
      if (command) {
        flush();
        current = { args: (command[1] ?? '').split(' '), expected: [] };
      } else if (current) {
        current.expected.push(line);
      }
    }
    flush();
  });
  return found;
}

/** The scenario the `bdlab run` example names, taken from the README's own JSON block. */
function writeScenarioFromReadme(): void {
  const scenarioBlock = codeBlocks(readme).find(
    (b) => b.lang === 'json' && b.lines.join('\n').includes('"arrivals"'),
  );
  if (!scenarioBlock) throw new Error('README has no scenario JSON block for the bdlab run example.');
  writeFileSync(join(workDir, 'scenario.json'), scenarioBlock.lines.join('\n'));
}

function runCli(args: string[]): string[] {
  try {
    const out = execFileSync(process.execPath, [join(root, 'bin/bdlab.mjs'), ...args], {
      cwd: workDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.replace(/\n$/, '').split('\n');
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    return (failed.stdout + failed.stderr).replace(/\n$/, '').split('\n');
  }
}

/** True when `expected` (with `…` lines as gaps) appears in order within `actual`. */
function inOrder(expected: string[], actual: string[]): boolean {
  let at = 0;
  for (const line of expected.filter((l) => l !== '…')) {
    while (at < actual.length && actual[at] !== line) at++;
    if (at === actual.length) return false;
    at++;
  }
  return true;
}

describe('README command-line examples', () => {
  const all = examples();

  it('finds the examples', () => {
    expect(all.length).toBeGreaterThanOrEqual(13);
  });

  for (const example of all) {
    it(`bdlab ${example.args.join(' ')}`, () => {
      if (example.args[0] === 'run') writeScenarioFromReadme();
      const actual = runCli(example.args);
      if (example.jsonAfter !== undefined) {
        expect(JSON.parse(actual.join('\n'))).toMatchObject(example.jsonAfter as object);
      } else if (example.expected.includes('…')) {
        expect(
          inOrder(example.expected, actual),
          `expected lines in order:\n${example.expected.join('\n')}\n\nactual:\n${actual.join('\n')}`,
        ).toBe(true);
      } else {
        expect(actual).toEqual(example.expected);
      }
    }, 120_000);
  }
});
