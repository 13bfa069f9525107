import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invocationFolder } from './io.ts';

const root = resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'bdlab-cwd-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('invocationFolder', () => {
  const npm = { INIT_CWD: '/home/learner/day', npm_package_json: '/work/app/package.json' };

  it('is where the command was typed when npm moved to the project root', () => {
    expect(invocationFolder(npm, '/work/app')).toBe('/home/learner/day');
  });

  it('is the working folder outside npm, or when a script changed folder on purpose', () => {
    expect(invocationFolder({}, '/work/app')).toBe('/work/app');
    expect(invocationFolder(npm, '/work/app/examples')).toBe('/work/app/examples');
  });
});

describe('npm run cli -- run FILE from a subfolder', () => {
  it('reads FILE relative to the subfolder the learner typed the command in', () => {
    const sub = join(folder, 'scenarios');
    mkdirSync(sub);
    writeFileSync(join(sub, 'tiny.json'), '{ "seed": 1, "durationSeconds": 1 }');
    // What npm sets for `npm run cli` typed in `sub`: the working folder is the project root.
    const stdout = execFileSync(process.execPath, [join(root, 'bin/bdlab.mjs'), 'run', 'tiny.json'], {
      cwd: root,
      env: { ...process.env, INIT_CWD: sub, npm_package_json: join(root, 'package.json') },
      encoding: 'utf8',
    });
    expect(stdout).toContain('Scenario tiny.json: seed 1, 1 s simulated');
  });
});
