import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Only `main.ts` and `preload.ts` may load the `electron` module at run time; every other file imports at
 * most its types, so the logic the security tests check runs in plain Node without the Electron binary.
 */
const electronDir = resolve(import.meta.dirname, '../../electron');
const wiringFiles = new Set(['main.ts', 'preload.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.mts') ? [path] : [];
  });
}

const runtimeElectronImport =
  /^\s*import\s+(?!type\b)[^;]*?from\s*['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m;

describe('electron/ layering', () => {
  const files = sourceFiles(electronDir);

  it('finds the shell sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => relative(electronDir, file)).filter((file) => !wiringFiles.has(file)))(
    '%s imports no runtime electron',
    (file) => {
      expect(readFileSync(join(electronDir, file), 'utf8')).not.toMatch(runtimeElectronImport);
    },
  );

  it('the wiring files do import electron (so the check above can see an import)', () => {
    for (const file of wiringFiles)
      expect(readFileSync(join(electronDir, file), 'utf8')).toMatch(runtimeElectronImport);
  });

  it('the preload exposes only the bridge, never ipcRenderer itself', () => {
    const preload = readFileSync(join(electronDir, 'preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\(\s*'bdlab',\s*createBridge\(/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });
});
